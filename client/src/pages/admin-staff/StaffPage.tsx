import { createQuery } from "@urql/solid";
import { createSignal, For, Show } from "solid-js";
import { AccountChoicesQuery, StaffAccountsQuery } from "../../graphql/admin-accounts.ts";
import { label, values } from "../../i18n/labels.ts";
import { Empty, ErrorBox, Loading } from "../../components/States.tsx";
import { StaffCard } from "./StaffCard.tsx";
import { StaffForm } from "./StaffForm.tsx";
import { t, useTitle } from "./text.ts";
import "./accounts.css";

/** Issue 17: staff accounts — search and filter, create, edit, deactivate, reset passwords, sessions. */
export default function StaffPage() {
  useTitle(() => t("staffTitle"));
  const [text, setText] = createSignal("");
  const [role, setRole] = createSignal("");
  const [estate, setEstate] = createSignal("");
  const [status, setStatus] = createSignal("active");
  const [creating, setCreating] = createSignal(false);
  const [secret, setSecret] = createSignal<{ name: string; password: string } | null>(null);
  const filter = () => ({
    ...(text().trim() ? { text: text().trim() } : {}),
    ...(role() ? { roles: [role() as never] } : {}),
    ...(estate() ? { estateId: estate() } : {}),
    ...(status() ? { active: status() === "active" } : {}),
  });
  const [list, reload] = createQuery({ query: StaffAccountsQuery, variables: () => ({ filter: filter() }) });
  const [choices] = createQuery({ query: AccountChoicesQuery });
  const refresh = () => reload({ requestPolicy: "network-only" });
  const pick = () => ({ estates: choices.data?.estates.nodes ?? [], departments: choices.data?.departments ?? [] });
  return (
    <section class="accounts">
      <h1>{t("staffTitle")}</h1>
      <div class="toolbar">
        <input
          type="search"
          aria-label={t("search")}
          placeholder={t("search")}
          value={text()}
          onInput={(e) => setText(e.currentTarget.value)}
          data-testid="staff-search"
        />
        <select aria-label={t("role")} value={role()} onChange={(e) => setRole(e.currentTarget.value)} data-testid="staff-filter-role">
          <option value="">{t("anyRole")}</option>
          <For each={values("StaffRole")}>{(r) => <option value={r}>{label("StaffRole", r)}</option>}</For>
        </select>
        <select aria-label={t("estate")} value={estate()} onChange={(e) => setEstate(e.currentTarget.value)}>
          <option value="">{t("anyEstate")}</option>
          <For each={pick().estates}>{(e) => <option value={e.id}>{e.name}</option>}</For>
        </select>
        <select
          aria-label={t("status")}
          value={status()}
          onChange={(e) => setStatus(e.currentTarget.value)}
          data-testid="staff-filter-status"
        >
          <option value="active">{t("activeOnly")}</option>
          <option value="inactive">{t("inactiveOnly")}</option>
          <option value="">{t("anyStatus")}</option>
        </select>
        <span class="spacer" />
        <button type="button" class="primary" onClick={() => setCreating(true)} disabled={creating()} data-testid="staff-new">
          {t("newStaff")}
        </button>
      </div>
      <Show when={secret()}>
        {(s) => (
          <div class="secret" role="status" data-testid="temporary-password">
            <p>{t("temporaryFor", { name: s().name })}</p>
            <code>{s().password}</code>
            <div class="actions">
              <button type="button" onClick={() => setSecret(null)}>
                {t("dismiss")}
              </button>
            </div>
          </div>
        )}
      </Show>
      <Show when={creating() && choices.data}>
        <StaffForm
          choices={pick()}
          onDone={(created) => {
            setCreating(false);
            if (created) setSecret(created);
            refresh();
          }}
        />
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
