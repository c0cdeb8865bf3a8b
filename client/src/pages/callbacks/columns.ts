import type { ColDef, EditableCallbackParams, ICellRendererParams, ValueFormatterParams } from "ag-grid-community";
import { buttonCell, linkCell, maskedRule } from "../../components/grid-cells/cells.ts";
import { FileCellEditor } from "../../components/row-editing/FileCellEditor.ts";
import { keepArrowsInSelect, SelectCellEditor } from "../../components/row-editing/SelectCellEditor.ts";
import { formatDateTime } from "../../i18n/locale.ts";
import type { CallbackEditing, CallbackLine } from "./record.ts";
import { formatResult } from "./record.ts";
import { enumLabel, t } from "./text.ts";

type P = ValueFormatterParams<CallbackLine>;
const date = (p: P) => formatDateTime(p.value as string | null);
const METHODS = ["PHONE", "IN_PERSON", "APPOINTMENT", "LETTER"];

export interface CallbackColumnsOptions {
  editing: CallbackEditing;
  /** complaints:write: planned callbacks can be recorded from the grid. */
  canWrite: boolean;
  /** A supervisor may sign made callbacks (CB-10). */
  canReview: (row: CallbackLine) => boolean;
  onReview: (p: ICellRendererParams<CallbackLine>) => void;
}

/** The result cells (CB-5, CB-6) of a planned callback, for users who may record it. */
function resultColumns(o: CallbackColumnsOptions): ColDef<CallbackLine>[] {
  const can = (p: EditableCallbackParams<CallbackLine>) => o.canWrite && p.data?.status === "PLANNED";
  const edit = (def: ColDef<CallbackLine>) => o.editing.column(def, can);
  const result = (field: string) => (p: P) => formatResult(field, p.value);
  const choice = (field: string, values: readonly unknown[]) => ({
    valueFormatter: result(field), cellEditor: SelectCellEditor, suppressKeyboardEvent: keepArrowsInSelect,
    cellEditorParams: { values, format: (v: unknown) => formatResult(field, v) || "—" },
  });
  return [
    edit({ field: "method", headerName: t("method"), width: 110, ...choice("method", METHODS) }),
    edit({ field: "reached", headerName: t("reached"), width: 110, ...choice("reached", [true, false]) }),
    edit({
      field: "satisfied", headerName: t("satisfied"), width: 100, ...choice("satisfied", [true, false, null]),
      cellClassRules: { error: (p) => p.value === false, ok: (p) => p.value === true },
    }),
    edit({ field: "comment", headerName: t("comment"), width: 200, cellEditor: "agTextCellEditor", cellEditorParams: { maxLength: 2000 }, cellClassRules: maskedRule }),
    edit({
      field: "signature", headerName: t("signature"), width: 150,
      valueFormatter: (p) => (p.data?.signed ? t("signature") + " ✓" : formatResult("signature", p.value)),
      cellEditor: FileCellEditor, cellEditorParams: { accept: "image/*,application/pdf", label: t("pickFile"), reading: t("reading") },
    }),
  ];
}

/** The ledger's columns: who and what is called back, when, the result, and the supervisor's signature (CB-10). */
export function callbackColumns(o: CallbackColumnsOptions): ColDef<CallbackLine>[] {
  return [
    { field: "no", headerName: t("no"), width: 150, pinned: "left" },
    {
      colId: "complaint", headerName: t("complaint"), width: 150, valueGetter: (p) => p.data?.complaint?.no ?? "",
      cellRenderer: (p: ICellRendererParams<CallbackLine>) => (p.data?.complaint ? linkCell(`/complaints/${encodeURIComponent(p.data.complaint.id)}`, p.data.complaint.no, "complaint-link") : ""),
    },
    { colId: "estate", headerName: t("estateCol"), width: 110, valueGetter: (p) => p.data?.estate.name ?? "" },
    { colId: "household", headerName: t("household"), width: 130, valueGetter: (p) => p.data?.household?.code ?? "" },
    { field: "customerName", headerName: t("customerName"), width: 100, cellClassRules: maskedRule },
    { field: "customerPhone", headerName: t("customerPhone"), width: 130, cellClassRules: maskedRule },
    { field: "kind", headerName: t("kind"), width: 100, valueFormatter: (p: P) => enumLabel("CallbackKind", p.value as string) },
    { field: "sequence", headerName: t("sequence"), width: 70, type: "numericColumn" },
    { field: "dueAt", headerName: t("dueAt"), width: 150, valueFormatter: date, cellClassRules: { error: (p) => !!p.data?.overdue } },
    { colId: "assignedTo", headerName: t("assignedTo"), width: 110, valueGetter: (p) => p.data?.assignedTo?.displayName ?? "" },
    o.editing.column({
      field: "status", headerName: t("status"), width: 100,
      valueFormatter: (p: P) => (p.data?.overdue ? `${enumLabel("CallbackStatus", p.value as string)} · ${t("overdue")}` : enumLabel("CallbackStatus", p.value as string)),
      cellClassRules: { error: (p) => !!p.data?.overdue, ok: (p) => p.value === "DONE" },
    }, false),
    ...resultColumns(o),
    { field: "calledAt", headerName: t("calledAt"), width: 150, valueFormatter: date },
    { colId: "staff", headerName: t("staff"), width: 100, valueGetter: (p) => p.data?.staff?.displayName ?? "" },
    o.editing.column({
      field: "reviewedBy", headerName: t("reviewedBy"), width: 130, valueGetter: (p) => p.data?.reviewedBy?.displayName ?? "",
      cellRenderer: (p: ICellRendererParams<CallbackLine>) =>
        p.data && !p.data.reviewedBy && o.canReview(p.data) ? buttonCell(t("sign"), () => o.onReview(p), "review-callback") : (p.value as string),
    }, false),
    { field: "reviewedAt", headerName: t("reviewedAt"), width: 150, valueFormatter: date },
  ];
}
