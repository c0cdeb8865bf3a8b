import type { GridApi } from "ag-grid-community";
import { createSignal, Show } from "solid-js";
import { Modal } from "../../components/cell-editing/index.ts";
import { downloadTable, visibleTable, type ExportFormat } from "../../components/export/export-grid.ts";
import { ExportForm } from "../../components/interchange/ExportForm.tsx";
import type { ComplaintRow } from "../../graphql/complaints.ts";
import { formatNumber, translator } from "../../i18n/locale.ts";
import type { LedgerQuery } from "./filters.ts";

const t = translator({
  loaded: ["导出已加载的 {n} 行：", "Export the {n} loaded rows:"],
  full: ["完整导出…", "Full export…"],
  fullTitle: ["导出全部投诉（交换格式）", "Export all complaints (interchange layout)"],
  fullNote: [
    "按项目和受理日期导出全部投诉，不受状态等筛选影响。没有导出审批时，投诉人姓名、联系方式和投诉内容脱敏。",
    "Exports every complaint of the estate and period, whatever the other filters. Without an export approval, complainant names, contacts and content are masked.",
  ],
  close: ["关闭", "Close"],
  fileName: ["投诉台账", "complaints"],
});

/**
 * What is on screen (the rows the grid has loaded for the current filter, as formatted, masked
 * values as masked) to CSV or XLSX; and the full interchange export of every complaint, under the
 * SEC-3 approvals, in a dialog.
 */
export function LedgerExport(props: { api: GridApi<ComplaintRow> | undefined; loaded: number; query: LedgerQuery }) {
  const [open, setOpen] = createSignal(false);
  const download = (format: ExportFormat) => {
    if (props.api) void downloadTable(visibleTable(props.api), t("fileName"), format);
  };
  return (
    <span class="ledger-export">
      <span class="muted" data-testid="loaded">
        {t("loaded", { n: formatNumber(props.loaded) })}
      </span>
      <button type="button" data-testid="export-csv" disabled={!props.loaded} onClick={() => download("csv")}>
        CSV
      </button>
      <button type="button" data-testid="export-xlsx" disabled={!props.loaded} onClick={() => download("xlsx")}>
        XLSX
      </button>
      <button type="button" data-testid="export-full" onClick={() => setOpen(true)}>
        {t("full")}
      </button>
      <Modal open={open()} onCancel={() => setOpen(false)} title={t("fullTitle")} data-testid="full-export-dialog">
        <p class="muted">{t("fullNote")}</p>
        <Show when={open()}>
          <ExportForm kinds={["COMPLAINTS"]} defaults={{ estateId: props.query.estate, from: props.query.from, to: props.query.to }} />
        </Show>
        <div class="actions">
          <button type="button" onClick={() => setOpen(false)}>
            {t("close")}
          </button>
        </div>
      </Modal>
    </span>
  );
}
