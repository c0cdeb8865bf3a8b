import { createQuery } from "@urql/solid";
import { createSignal, createEffect, For, on, onCleanup, Show } from "solid-js";
import { EstateOptionsQuery } from "../../graphql/complaints.ts";
import { label } from "../../i18n/labels.ts";
import { translator } from "../../i18n/locale.ts";
import { setSearchParams } from "../../router/router.tsx";
import { ALL_STATUSES, QUERY_KEYS, SEVERITIES, type LedgerQuery } from "./filters.ts";

const t = translator({
  estate: ["项目", "Estate"],
  allEstates: ["全部项目", "All estates"],
  status: ["状态", "Status"],
  anyStatus: ["全部状态", "Any status"],
  open: ["未办结", "Open"],
  done: ["已解决或关闭", "Resolved or closed"],
  severity: ["严重程度", "Severity"],
  anySeverity: ["全部", "Any"],
  overdue: ["超时", "Overdue"],
  escalated: ["升级", "Escalated"],
  any: ["不限", "Any"],
  onlyOverdue: ["仅超时", "Overdue only"],
  notOverdue: ["未超时", "Not overdue"],
  onlyEscalated: ["仅已升级", "Escalated only"],
  notEscalated: ["未升级", "Not escalated"],
  from: ["受理日期从", "Received from"],
  to: ["至", "to"],
  search: ["搜索编号、位置或内容", "Search number, location or content"],
  clear: ["清除筛选", "Clear filters"],
});

/** A filter's change goes to the URL. */
const set = (key: keyof LedgerQuery) => (e: { currentTarget: { value: string } }) => setSearchParams({ [key]: e.currentTarget.value });

/** The ledger's filters; each change goes to the URL, which the page reads (so links work). */
export function FilterToolbar(props: { query: LedgerQuery }) {
  const [estates] = createQuery({ query: EstateOptionsQuery });
  return (
    <div class="toolbar ledger-filters" data-testid="ledger-filters">
      <select aria-label={t("estate")} name="estate" value={props.query.estate} onChange={set("estate")}>
        <option value="">{t("allEstates")}</option>
        <For each={estates.data?.estates.edges}>
          {(e) => (
            <option value={e.node.id} selected={e.node.id === props.query.estate}>
              {e.node.name}
            </option>
          )}
        </For>
      </select>
      <StatusSelect status={props.query.status} />
      <select aria-label={t("severity")} name="severity" value={props.query.severity} onChange={set("severity")}>
        <option value="">
          {t("severity")}: {t("anySeverity")}
        </option>
        <For each={SEVERITIES}>
          {(s) => (
            <option value={s}>
              {t("severity")}: {label("ComplaintSeverity", s)}
            </option>
          )}
        </For>
      </select>
      <select aria-label={t("overdue")} name="overdue" value={props.query.overdue} onChange={set("overdue")}>
        <option value="">
          {t("overdue")}: {t("any")}
        </option>
        <option value="1">{t("onlyOverdue")}</option>
        <option value="0">{t("notOverdue")}</option>
      </select>
      <select aria-label={t("escalated")} name="escalated" value={props.query.escalated} onChange={set("escalated")}>
        <option value="">
          {t("escalated")}: {t("any")}
        </option>
        <option value="1">{t("onlyEscalated")}</option>
        <option value="0">{t("notEscalated")}</option>
      </select>
      <label class="inline">
        {t("from")} <input type="date" name="from" value={props.query.from} onChange={set("from")} />
      </label>
      <label class="inline">
        {t("to")} <input type="date" name="to" value={props.query.to} onChange={set("to")} />
      </label>
      <SearchBox q={props.query.q} />
      <button
        type="button"
        class="link"
        data-testid="clear-filters"
        onClick={() => setSearchParams(Object.fromEntries(QUERY_KEYS.map((k) => [k, null])))}
      >
        {t("clear")}
      </button>
    </div>
  );
}

/** Open, done, one status, or a set of statuses a link asked for (shown by their names). */
function StatusSelect(props: { status: string }) {
  const customStatus = () => (props.status && !["open", "done", ...ALL_STATUSES].includes(props.status) ? props.status : "");
  return (
    <select aria-label={t("status")} name="status" value={props.status} onChange={set("status")}>
      <option value="">{t("anyStatus")}</option>
      <option value="open">{t("open")}</option>
      <option value="done">{t("done")}</option>
      <Show when={customStatus()}>
        <option value={customStatus()}>
          {customStatus()
            .split(",")
            .map((s) => label("ComplaintStatus", s))
            .join(" / ")}
        </option>
      </Show>
      <For each={ALL_STATUSES}>{(s) => <option value={s}>{label("ComplaintStatus", s)}</option>}</For>
    </select>
  );
}

/** Text search: typed freely, applied after a pause; follows the URL when it changes elsewhere. */
function SearchBox(props: { q: string }) {
  const [text, setText] = createSignal(props.q);
  createEffect(
    on(
      () => props.q,
      (q) => {
        if (q !== text()) setText(q);
      },
      { defer: true },
    ),
  );
  let timer: ReturnType<typeof setTimeout> | undefined;
  const typed = (value: string) => {
    setText(value);
    clearTimeout(timer);
    timer = setTimeout(() => setSearchParams({ q: value.trim() }), 350);
  };
  onCleanup(() => clearTimeout(timer));
  return (
    <input
      type="search"
      name="q"
      placeholder={t("search")}
      aria-label={t("search")}
      value={text()}
      onInput={(e) => typed(e.currentTarget.value)}
    />
  );
}
