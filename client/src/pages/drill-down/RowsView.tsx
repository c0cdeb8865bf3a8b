import type { ColDef, GridApi } from "ag-grid-community";
import { createSignal, Show } from "solid-js";
import { Grid } from "../../components/grid/Grid.tsx";
import { downloadTable, visibleTable, type ExportFormat } from "../../components/export/export-grid.ts";
import { formatNumber, translator } from "../../i18n/locale.ts";

const t = translator({
  shown: ["共 {n} 行", "{n} rows"],
  filtered: ["（筛选后 {n} 行）", " ({n} after filters)"],
  hidden: [
    "另有 {n} 行为您无权查看的绝密记录（SEC-2），已计入指标但不列出",
    "{n} more rows are TOP_SECRET records you are not designated for (SEC-2): counted, not listed",
  ],
  truncated: ["仅列出前 {n} 行", "Only the first {n} rows are listed"],
  csv: ["导出 CSV", "Export CSV"],
  xlsx: ["导出 XLSX", "Export XLSX"],
  exportHint: ["导出当前表格显示的内容（列、筛选、排序）", "Exports what the grid shows (columns, filters, sort)"],
});

type Row = Record<string, unknown>;

/** A read-only grid of rows with their count and an export of what is on screen. */
export function RowsView(props: {
  rows: Row[];
  columns: ColDef<Row>[];
  stateKey: string;
  fileName: string;
  hiddenCount?: number;
  truncatedAt?: number;
}) {
  const [api, setApi] = createSignal<GridApi<Row>>();
  const [displayed, setDisplayed] = createSignal<number>();
  const save = (format: ExportFormat) => {
    const a = api();
    if (a) void downloadTable(visibleTable(a), props.fileName, format);
  };
  return (
    <div class="rows-view">
      <div class="toolbar">
        <span data-testid="row-count" data-count={props.rows.length}>
          {t("shown", { n: formatNumber(props.rows.length) })}
        </span>
        <Show when={displayed() != null && displayed() !== props.rows.length}>
          <span class="muted" data-testid="row-count-filtered">
            {t("filtered", { n: formatNumber(displayed()!) })}
          </span>
        </Show>
        <span class="spacer" />
        <button type="button" title={t("exportHint")} data-testid="export-csv" disabled={!api()} onClick={() => save("csv")}>
          {t("csv")}
        </button>
        <button type="button" title={t("exportHint")} data-testid="export-xlsx" disabled={!api()} onClick={() => save("xlsx")}>
          {t("xlsx")}
        </button>
      </div>
      <Show when={props.hiddenCount}>
        <p class="notice" data-testid="hidden-count">
          {t("hidden", { n: formatNumber(props.hiddenCount!) })}
        </p>
      </Show>
      <Show when={props.truncatedAt}>
        <p class="notice">{t("truncated", { n: formatNumber(props.truncatedAt!) })}</p>
      </Show>
      <Grid<Row>
        data-testid="drill-grid"
        stateKey={props.stateKey}
        rows={props.rows}
        height="calc(100vh - 300px)"
        options={{
          columnDefs: props.columns,
          defaultColDef: { sortable: true, filter: true, resizable: true, editable: false },
          getRowId: (p) => String(p.data._i),
          onModelUpdated: (e) => setDisplayed(e.api.getDisplayedRowCount()),
        }}
        onReady={setApi}
      />
    </div>
  );
}
