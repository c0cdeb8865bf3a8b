import type { GridApi } from "ag-grid-community";
import { createSignal, Show } from "solid-js";
import { downloadTable, visibleTable, type ExportFormat } from "../export/export-grid.ts";
import { translator } from "../../i18n/locale.ts";

const t = translator({
  csv: ["导出 CSV", "Export CSV"],
  xlsx: ["导出 Excel", "Export Excel"],
  failed: ["导出失败：{message}", "Export failed: {message}"],
});

/** CSV / XLSX of what the grid shows now: its columns, filter and sort, values as on screen (masked ones stay masked). */
export function ExportButtons<T>(props: { api: () => GridApi<T> | undefined; name: () => string }) {
  const [error, setError] = createSignal("");
  const run = async (format: ExportFormat) => {
    const api = props.api();
    if (!api) return;
    setError("");
    try {
      await downloadTable(visibleTable(api), props.name(), format);
    } catch (e) {
      setError(t("failed", { message: (e as Error).message }));
    }
  };
  return (
    <span style={{ display: "inline-flex", gap: "6px", "align-items": "center" }}>
      <button type="button" data-testid="export-csv" disabled={!props.api()} onClick={() => run("csv")}>
        {t("csv")}
      </button>
      <button type="button" data-testid="export-xlsx" disabled={!props.api()} onClick={() => run("xlsx")}>
        {t("xlsx")}
      </button>
      <Show when={error()}>
        <span class="error" role="alert">
          {error()}
        </span>
      </Show>
    </span>
  );
}
