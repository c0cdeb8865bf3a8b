import type { CombinedError } from "@urql/core";
import { useClient } from "@urql/solid";
import type { GridApi, GridOptions, IDatasource } from "ag-grid-community";
import { createEffect, createMemo, createSignal, on, Show } from "solid-js";
import { type CellEditing, CellEditingDialogs, createCellEditing } from "../../components/cell-editing/index.ts";
import { Grid } from "../../components/grid/Grid.tsx";
import { loadedRows } from "../../components/grid/loaded-rows.ts";
import { Empty, ErrorBox, Loading } from "../../components/States.tsx";
import type { ComplaintRow } from "../../graphql/complaints.ts";
import { formatNumber, translator } from "../../i18n/locale.ts";
import { searchParams } from "../../router/router.tsx";
import { useSession } from "../../session/session.tsx";
import { amendComplaint } from "./amend.ts";
import { complaintColumns, fieldLabel } from "./columns.ts";
import { complaintDatasource } from "./datasource.ts";
import { FilterToolbar } from "./FilterToolbar.tsx";
import { readQuery, toFilter, type LedgerQuery } from "./filters.ts";
import { LedgerExport } from "./LedgerExport.tsx";
import "./ledger.css";

const t = translator({
  title: ["投诉台账", "Complaint ledger"],
  total: ["共 {n} 条", "{n} in total"],
  none: ["没有符合筛选条件的投诉", "No complaint matches these filters"],
  editHint: [
    "双击或按 Enter 修改位置、投诉人、联系方式和内容；每次修改需填写原因。",
    "Double-click or press Enter to amend location, complainant, contact or content; every change asks for a reason.",
  ],
});

/** Rows per request; the grid keeps up to 50 blocks (5,000 rows) and fetches others on scroll. */
const BLOCK = 100;

/**
 * The complaint ledger: every complaint of the caller's scope in an infinite grid (one server
 * page per block, sorted and filtered by the server), filters in the URL, amendable cells with
 * a reason (SEC-6), personal data as the server masked it (SEC-7), exports.
 */
export default function ComplaintLedgerPage(_props: { params: Record<string, string> }) {
  const session = useSession();
  const client = useClient();
  const [api, setApi] = createSignal<GridApi<ComplaintRow>>();
  const [total, setTotal] = createSignal<number | undefined>();
  const [loaded, setLoaded] = createSignal(0);
  const [error, setError] = createSignal<CombinedError | Error | undefined>();
  const query = createMemo<LedgerQuery>(() => readQuery(searchParams()), readQuery(searchParams()), {
    equals: (a, b) => JSON.stringify(a) === JSON.stringify(b),
  });
  const canWrite = () => session.can("complaints:write");

  const editing = createCellEditing<ComplaintRow>({
    rowId: (r) => r.id,
    rowLabel: (r) => r.no,
    fieldLabel,
    save: amendComplaint(client),
    requireReason: true,
  });

  const datasource = () =>
    complaintDatasource(client, toFilter(query()), {
      onPage: (n) => {
        setError(undefined);
        setTotal(n);
      },
      onError: setError,
    });

  // Read by the grid when it is (re)built: the language's headers, the current filter's source.
  const options = createMemo(() => ledgerGridOptions(datasource(), editing, canWrite(), setLoaded));

  // A new filter (from the toolbar or a link) starts the grid over from its first row.
  createEffect(
    on(
      query,
      () => {
        const grid = api();
        if (!grid || grid.isDestroyed()) return;
        setTotal(undefined);
        grid.setGridOption("datasource", datasource());
      },
      { defer: true },
    ),
  );

  const retry = () => {
    setError(undefined);
    api()?.setGridOption("datasource", datasource());
  };

  return (
    <section class="ledger">
      <div class="toolbar">
        <h1>{t("title")}</h1>
        <LedgerTotal total={total()} />
        <span class="spacer" />
        <LedgerExport api={api()} loaded={loaded()} query={query()} />
      </div>
      <FilterToolbar query={query()} />
      <Show when={error()}>
        <ErrorBox error={error()} retry={retry} />
      </Show>
      <Show when={total() === 0}>
        <Empty>{t("none")}</Empty>
      </Show>
      <Show when={canWrite()}>
        <p class="muted hint">{t("editHint")}</p>
      </Show>
      <CellEditingDialogs editing={editing} />
      <Grid options={options()} stateKey="complaint-ledger" onReady={setApi} height="calc(100vh - 250px)" data-testid="complaint-grid" />
    </section>
  );
}

/** How many complaints the filter finds (loading until the first page has answered). */
function LedgerTotal(props: { total: number | undefined }) {
  return (
    <span class="muted" data-testid="total">
      <Show when={props.total !== undefined} fallback={<Loading />}>
        {t("total", { n: formatNumber(props.total!) })}
      </Show>
    </span>
  );
}

/** The infinite row model over the server's pages, the ledger's columns and the amendment of a cell. */
function ledgerGridOptions(
  datasource: IDatasource,
  editing: CellEditing<ComplaintRow>,
  canWrite: boolean,
  setLoaded: (n: number) => void,
): GridOptions<ComplaintRow> {
  return {
    rowModelType: "infinite",
    datasource,
    cacheBlockSize: BLOCK,
    maxBlocksInCache: 50,
    infiniteInitialRowCount: BLOCK,
    maxConcurrentDatasourceRequests: 2,
    blockLoadDebounceMillis: 30,
    getRowId: (p) => p.data.id,
    columnDefs: complaintColumns(editing, canWrite),
    defaultColDef: { resizable: true, suppressHeaderMenuButton: true },
    tooltipShowDelay: 200,
    onCellValueChanged: (e) => void editing.onCellValueChanged(e),
    onModelUpdated: (e) => setLoaded(loadedRows(e.api).length),
  };
}
