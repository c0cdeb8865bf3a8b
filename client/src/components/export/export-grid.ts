import type { Column, GridApi, IRowNode } from "ag-grid-community";

export type ExportFormat = "csv" | "xlsx";

/**
 * What the grid shows, as a table: its displayed columns in their order and header names, the
 * rows after its filter and sort, each cell as it is formatted on screen. Values the server
 * masked stay masked: the grid never held anything else (SEC-3).
 */
export function visibleTable<T>(api: GridApi<T>): { headers: string[]; rows: string[][] } {
  const columns = api.getAllDisplayedColumns().filter((c) => c.getColDef().field || c.getColDef().valueGetter);
  const headers = columns.map((c) => api.getDisplayNameForColumn(c, null));
  const rows: string[][] = [];
  const add = (node: IRowNode<T>) => {
    if (node.data) rows.push(columns.map((c) => cellText(api, c, node)));
  };
  // An infinite grid exports the blocks it has loaded, in order (asking it for every displayed
  // index would fetch every block of the filter); the server already applied filter and sort.
  if (api.getGridOption("rowModelType") === "infinite") api.forEachNode(add);
  else api.forEachNodeAfterFilterAndSort(add);
  return { headers, rows };
}

function cellText<T>(api: GridApi<T>, column: Column, node: IRowNode<T>): string {
  const value = api.getCellValue({ rowNode: node, colKey: column, useFormatter: true });
  return value == null ? "" : String(value);
}

/** Downloads a table as CSV (UTF-8 with BOM, so Excel opens Chinese text correctly) or XLSX. */
export async function downloadTable(table: { headers: string[]; rows: string[][] }, name: string, format: ExportFormat): Promise<void> {
  if (format === "csv") {
    const csv = [table.headers, ...table.rows].map((r) => r.map(csvCell).join(",")).join("\r\n");
    saveBlob(new Blob(["\uFEFF", csv], { type: "text/csv;charset=utf-8" }), `${name}.csv`);
    return;
  }
  // The XLSX writer is loaded only when someone exports.
  const { default: writeXlsxFile } = await import("write-excel-file/browser");
  const data = [
    table.headers.map((h) => ({ value: h, fontWeight: "bold" as const })),
    ...table.rows.map((r) => r.map((v) => ({ value: v }))),
  ];
  saveBlob(await writeXlsxFile(data, { stickyRowsCount: 1 }).toBlob(), `${name}.xlsx`);
}

function csvCell(v: string): string {
  // A leading =, +, - or @ would run as a formula in a spreadsheet.
  const safe = /^[=+\-@]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function base64ToBlob(base64: string, mimeType: string): Blob {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return new Blob([bytes], { type: mimeType });
}
