import { createQuery } from "@urql/solid";
import { createSignal, For, Show } from "solid-js";
import { AccountChoicesQuery, StaffAccountsQuery } from "../../graphql/admin-accounts.ts";
import { Empty, ErrorBox, Loading } from "../../components/States.tsx";
import { StaffCard } from "./StaffCard.tsx";
import { createStaffFilters, StaffFilters, TemporaryPassword } from "./StaffFilters.tsx";
import { StaffForm } from "./StaffForm.tsx";
import { t, useTitle } from "./text.ts";
import "./accounts.css";

/** Issue 17: staff accounts — search and filter, create, edit, deactivate, reset passwords, sessions. */
export default function StaffPage() {
  useTitle(() => t("staffTitle"));
  const filters = createStaffFilters();
  const [creating, setCreating] = createSignal(false);
  const [secret, setSecret] = createSignal<{ name: string; password: string } | null>(null);
  const [list, reload] = createQuery({ query: StaffAccountsQuery, variables: () => ({ filter: filters.filter() }) });
  const [choices] = createQuery({ query: AccountChoicesQuery });
  const refresh = () => reload({ requestPolicy: "network-only" });
  const pick = () => ({ estates: choices.data?.estates.nodes ?? [], departments: choices.data?.departments ?? [] });
  const created = (c?: { name: string; password: string }) => {
    setCreating(false);
    if (c) setSecret(c);
    refresh();
  };
  return (
    <section class="accounts">
      <h1>{t("staffTitle")}</h1>
      <StaffFilters filters={filters} estates={pick().estates} creating={creating()} onNew={() => setCreating(true)} />
      <TemporaryPassword secret={secret()} dismiss={() => setSecret(null)} />
      <Show when={creating() && choices.data}>
        <StaffForm choices={pick()} onDone={created} />
      </Show>
      <Show when={!list.error} fallback={<ErrorBox error={list.error} retry={refresh} />}>
        <Show when={list.data} fallback={<Loading />}>
          {(d) => (
            <>
              <p class="muted">{t("total", { n: d().staffAccounts.totalCount })}</p>
              <Show when={d().staffAccounts.nodes.length} fallback={<Empty />}>
                <ul class="list" data-testid="staff-list">
                  <For each={d().staffAccounts.nodes}>
                    {(a) => <StaffCard account={a} choices={pick()} changed={refresh} onPassword={setSecret} />}
                  </For>
                </ul>
              </Show>
            </>
          )}
        </Show>
      </Show>
    </section>
  );
}
