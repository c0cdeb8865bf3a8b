import type { Client } from "@urql/core";
import { useClient } from "@urql/solid";
import type { GridApi, GridOptions } from "ag-grid-community";
import { createMemo, createSignal, Match, Show, Switch } from "solid-js";
import { RowEditingStatus } from "../../components/row-editing/RowEditingStatus.tsx";
import { fetchAll } from "../../components/connection/fetch-all.ts";
import { createLoader, type Loader } from "../../components/connection/loader.ts";
import { ExportButtons } from "../../components/export-buttons/ExportButtons.tsx";
import { Grid } from "../../components/grid/Grid.tsx";
import { Empty, ErrorBox, Loading } from "../../components/States.tsx";
import { CallbacksQuery } from "../../graphql/callbacks.ts";
import { formatNumber } from "../../i18n/locale.ts";
import { useSession } from "../../session/session.tsx";
import { CallbackStats } from "./CallbackStats.tsx";
import { CallbackToolbar } from "./CallbackToolbar.tsx";
import { callbackColumns } from "./columns.ts";
import { apiFilter, narrow, ordered, readFilters } from "./filters.ts";
import { type CallbackEditing, callbackEditing, review, toLine, type CallbackLine } from "./record.ts";
import { t } from "./text.ts";

const LIMIT = 5000;

/**
 * CB-1…CB-10: the callbacks of the caller's scope as a spreadsheet. A user who may write records
 * a planned callback by filling in its result cells (CB-5, CB-6); a supervisor signs made ones
 * (CB-10); the month's statistics sit above for those who read reports.
 */
export default function CallbacksPage(_props: { params: Record<string, string> }) {
  const session = useSession();
  const client = useClient();
  const canWrite = () => session.can("complaints:write");
  const withCustomer = () => session.can("customers:read");
  const same = <T,>(a: T, b: T) => JSON.stringify(a) === JSON.stringify(b);
  const filters = createMemo(readFilters, undefined, { equals: same });
  // The search narrows what is loaded; only the other filters ask the server again.
  const query = createMemo(() => ({ view: filters().view, estateId: filters().estateId, month: filters().month }), undefined, {
    equals: same,
  });
  const rows = createLoader(query, (f) =>
    fetchAll(client, CallbacksQuery, { filter: apiFilter(f), withCustomer: withCustomer() }, (d) => d.callbacks, { limit: LIMIT }).then(
      (r) => ({ lines: ordered(f.view, r.nodes.map(toLine)), total: r.totalCount }),
    ),
  );
  const shown = createMemo(() => narrow(rows.value()?.lines ?? [], filters().search));
  const [saves, setSaves] = createSignal(0);
  const editing = callbackEditing(client, withCustomer, () => setSaves((n) => n + 1));
  const [api, setApi] = createSignal<GridApi<CallbackLine>>();
  const options = callbackGridOptions(session, client, editing, { canWrite, withCustomer });

  return (
    <section>
      <h1>{t("title")}</h1>
      <CallbackToolbar filters={filters()}>
        <Show when={rows.value()}>{(v) => <CallbackCount shown={shown().length} loaded={v().lines.length} total={v().total} />}</Show>
        <ExportButtons api={api} name={() => `callbacks-${filters().view}-${filters().month}`} />
      </CallbackToolbar>
      <Show when={session.can("reports:read")}>
        <CallbackStats month={filters().month} estateId={filters().estateId} refresh={saves()} />
      </Show>
      <p class="muted" data-testid="callback-help">
        {canWrite() ? t("howTo") : t("readOnly")}
      </p>
      <CallbackList rows={rows} shown={shown()} options={options} editing={editing} onReady={setApi} />
    </section>
  );
}

/** The grid's columns and editing: result cells for those who may write, CB-10 signing for a supervisor. */
function callbackGridOptions(
  session: ReturnType<typeof useSession>,
  client: Client,
  editing: CallbackEditing,
  can: { canWrite: () => boolean; withCustomer: () => boolean },
): GridOptions<CallbackLine> {
  const { canWrite, withCustomer } = can;
  const me = () => session.me()?.staff.login;
  return {
    columnDefs: callbackColumns({
      editing,
      canWrite: canWrite(),
      withCustomer: withCustomer(),
      // CB-10: a supervisor (approvals:decide) signs callbacks someone else made; the server has the last word.
      canReview: (r) =>
        canWrite() && session.can("approvals:decide") && r.status !== "PLANNED" && r.status !== "CANCELLED" && r.staff?.login !== me(),
      onReview: (p) => void editing.act(p.api, p.node, "reviewedBy", (row) => review(client, withCustomer(), row)),
    }),
    // Values are formatted by each column (a boolean is "satisfied", not a checkbox).
    defaultColDef: { cellDataType: false },
    getRowId: (p) => p.data.id,
    ...editing.gridOptions,
    stopEditingWhenCellsLoseFocus: true,
  };
}

/** How many callbacks there are, and how many the search leaves. */
function CallbackCount(props: { shown: number; loaded: number; total: number }) {
  return (
    <span class="muted" data-testid="callback-count">
      {props.shown === props.loaded
        ? t("count", { n: formatNumber(props.total) })
        : t("countShown", { shown: formatNumber(props.shown), n: formatNumber(props.total) })}
    </span>
  );
}

/** The loaded callbacks in the grid (a warning when more exist than were loaded), with the save status. */
function CallbackList(props: {
  rows: Loader<{ lines: CallbackLine[]; total: number }>;
  shown: CallbackLine[];
  options: GridOptions<CallbackLine>;
  editing: CallbackEditing;
  onReady: (api: GridApi<CallbackLine>) => void;
}) {
  const rows = props.rows;
  return (
    <Switch>
      <Match when={rows.error()}>
        <ErrorBox error={rows.error()} retry={rows.reload} />
      </Match>
      <Match when={!rows.value()}>
        <Loading />
      </Match>
      <Match when={rows.value()!.lines.length === 0}>
        <Empty>{t("none")}</Empty>
      </Match>
      <Match when={rows.value()}>
        {(v) => (
          <>
            <Show when={rows.loading()}>
              <Loading />
            </Show>
            <Show when={v().total > v().lines.length}>
              <p class="warn">{t("truncated", { n: formatNumber(v().lines.length) })}</p>
            </Show>
            <Grid
              options={props.options}
              rows={props.shown}
              stateKey="callbacks"
              onReady={props.onReady}
              data-testid="callback-grid"
              height="calc(100vh - 360px)"
            />
            <RowEditingStatus editing={props.editing} unsaved={(n) => t("unsaved", { n })} />
          </>
        )}
      </Match>
    </Switch>
  );
}
