import { useTitle } from "../../app/title.ts";
import { createQuery } from "@urql/solid";
import { createEffect, createSignal, For, Show } from "solid-js";
import { Empty, ErrorBox, Loading } from "../../components/States.tsx";
import { type AdminChangeFilter, AdminChangesQuery } from "../../graphql/admin-roles.ts";
import { label } from "../../i18n/labels.ts";
import { searchParams } from "../../router/router.tsx";
import { ROLE_ORDER } from "./roles.ts";
import { ChangeCard } from "./ChangeCard.tsx";
import { ENTITY_TEXT, entityName, t } from "./text.ts";
import "./changes.css";

const ENTITIES = Object.keys(ENTITY_TEXT).filter((e) => e !== "OTHER");

/** A local date (YYYY-MM-DD) as the instant it starts, or the next day's start for an inclusive end. */
function dayStart(date: string, nextDay = false): string | null {
  if (!date) return null;
  const d = new Date(`${date}T00:00:00`);
  if (nextDay) d.setDate(d.getDate() + 1);
  return d.toISOString();
}

/** One page of the log; the last one offers the next. */
function ChangePage(props: {
  filter: AdminChangeFilter;
  after: string | null;
  last: boolean;
  more: (cursor: string) => void;
  first: boolean;
}) {
  const [page, refetch] = createQuery({ query: AdminChangesQuery, variables: () => ({ filter: props.filter, after: props.after }) });
  return (
    <Show
      when={!page.error}
      fallback={
        <li>
          <ErrorBox error={page.error} retry={() => refetch({ requestPolicy: "network-only" })} />
        </li>
      }
    >
      <Show
        when={page.data}
        fallback={
          <li>
            <Loading />
          </li>
        }
      >
        {(d) => (
          <>
            <Show when={props.first}>
              <li class="summary">
                <p class="muted">{t("total", { n: d().adminChanges.totalCount })}</p>
                <Show when={d().adminChanges.totalCount === 0}>
                  <Empty>{t("none")}</Empty>
                </Show>
              </li>
            </Show>
            <For each={d().adminChanges.nodes}>{(c) => <ChangeCard change={c} />}</For>
            <Show when={props.last && d().adminChanges.pageInfo.hasNextPage}>
              <li class="more">
                <button type="button" onClick={() => props.more(d().adminChanges.pageInfo.endCursor!)}>
                  {t("more")}
                </button>
              </li>
            </Show>
          </>
        )}
      </Show>
    </Show>
  );
}

/** Issue 17: the auditor's view of every administrative change, newest first, with filters. */
export default function AdminChangesPage() {
  useTitle(() => t("title"));
  const initial = searchParams();
  const [entity, setEntity] = createSignal(initial.get("entity") ?? "");
  const [role, setRole] = createSignal(initial.get("role") ?? "");
  const [from, setFrom] = createSignal("");
  const [to, setTo] = createSignal("");
  const [pages, setPages] = createSignal<(string | null)[]>([null]);
  const filter = (): AdminChangeFilter => ({
    ...(entity() ? { entity: entity() as AdminChangeFilter["entity"] } : {}),
    ...(role() ? { role: role() as AdminChangeFilter["role"] } : {}),
    ...(from() ? { from: dayStart(from()) } : {}),
    ...(to() ? { to: dayStart(to(), true) } : {}),
  });
  // A new filter starts from the first page.
  createEffect(() => {
    filter();
    setPages([null]);
  });
  const clear = () => {
    setEntity("");
    setRole("");
    setFrom("");
    setTo("");
  };
  return (
    <section class="admin-changes">
      <h1>{t("title")}</h1>
      <p class="muted">{t("intro")}</p>
      <form class="filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          <span>{t("entity")}</span>
          <select value={entity()} onChange={(e) => setEntity(e.currentTarget.value)} data-testid="filter-entity">
            <option value="">{t("anyEntity")}</option>
            <For each={ENTITIES}>{(e) => <option value={e}>{entityName(e)}</option>}</For>
          </select>
        </label>
        <Show when={entity() === "ROLE" || role()}>
          <label>
            <span>{t("role")}</span>
            <select value={role()} onChange={(e) => setRole(e.currentTarget.value)} data-testid="filter-role">
              <option value="">{t("anyRole")}</option>
              <For each={ROLE_ORDER}>{(r) => <option value={r}>{label("StaffRole", r)}</option>}</For>
            </select>
          </label>
        </Show>
        <label>
          <span>{t("from")}</span>
          <input type="date" value={from()} onInput={(e) => setFrom(e.currentTarget.value)} data-testid="filter-from" />
        </label>
        <label>
          <span>{t("to")}</span>
          <input type="date" value={to()} onInput={(e) => setTo(e.currentTarget.value)} data-testid="filter-to" />
        </label>
        <button type="button" class="link" onClick={clear}>
          {t("clear")}
        </button>
      </form>
      <ul class="changes" data-testid="admin-changes">
        <For each={pages()}>
          {(after, i) => (
            <ChangePage
              filter={filter()}
              after={after}
              first={i() === 0}
              last={i() === pages().length - 1}
              more={(c) => setPages([...pages(), c])}
            />
          )}
        </For>
      </ul>
    </section>
  );
}
