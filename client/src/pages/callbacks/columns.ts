import type { ColDef, EditableCallbackParams, ICellRendererParams, ValueFormatterParams } from "ag-grid-community";
import { buttonCell, linkCell, maskedRule } from "../../components/grid-cells/cells.ts";
import { FileCellEditor } from "../../components/row-editing/FileCellEditor.ts";
import { keepArrowsInSelect, SelectCellEditor } from "../../components/row-editing/SelectCellEditor.ts";
import { formatDateTime } from "../../i18n/locale.ts";
import type { CallbackEditing, CallbackLine } from "./record.ts";
import { customerText, formatResult } from "./record.ts";
import { enumLabel, t } from "./text.ts";

type P = ValueFormatterParams<CallbackLine>;
const date = (p: P) => formatDateTime(p.value as string | null);
const METHODS = ["PHONE", "IN_PERSON", "APPOINTMENT", "LETTER"];

export interface CallbackColumnsOptions {
  editing: CallbackEditing;
  /** complaints:write: planned callbacks can be recorded from the grid. */
  canWrite: boolean;
  /** customers:read: the customer was asked for; otherwise its columns say it is not available to the role. */
  withCustomer: boolean;
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
    valueFormatter: result(field),
    cellEditor: SelectCellEditor,
    suppressKeyboardEvent: keepArrowsInSelect,
    cellEditorParams: { values, format: (v: unknown) => formatResult(field, v) || "—" },
  });
  return [
    edit({ field: "method", headerName: t("method"), width: 110, ...choice("method", METHODS) }),
    edit({ field: "reached", headerName: t("reached"), width: 110, ...choice("reached", [true, false]) }),
    edit({
      field: "satisfied",
      headerName: t("satisfied"),
      width: 100,
      ...choice("satisfied", [true, false, null]),
      cellClassRules: { error: (p) => p.value === false, ok: (p) => p.value === true },
    }),
    edit({
      field: "comment",
      headerName: t("comment"),
      width: 200,
      cellEditor: "agTextCellEditor",
      cellEditorParams: { maxLength: 2000 },
      cellClassRules: maskedRule,
    }),
    edit({
      field: "signature",
      headerName: t("signature"),
      width: 150,
      valueFormatter: (p) => (p.data?.signed ? `${t("signature")} ✓` : formatResult("signature", p.value)),
      cellEditor: FileCellEditor,
      cellEditorParams: { accept: "image/*,application/pdf", label: t("pickFile"), reading: t("reading") },
    }),
  ];
}

/** CB-5: who is called back, as the server sent it (masked or not, SEC-7); otherwise why no one is shown, greyed. */
function customerColumn(o: CallbackColumnsOptions, field: "customerName" | "customerPhone", width: number): ColDef<CallbackLine> {
  return {
    colId: field,
    headerName: t(field),
    width,
    valueGetter: (p) => customerText(p.data, field),
    headerTooltip: o.withCustomer ? undefined : t("customerUnavailableHint"),
    cellClassRules: { ...maskedRule, muted: (p) => !!p.data && !["person", "complainant"].includes(p.data.customerShown) },
  };
}

/** The ledger's columns: who and what is called back, when, the result, and the supervisor's signature (CB-10). */
export function callbackColumns(o: CallbackColumnsOptions): ColDef<CallbackLine>[] {
  return [
    { field: "no", headerName: t("no"), width: 150, pinned: "left" },
    {
      colId: "complaint",
      headerName: t("complaint"),
      width: 150,
      valueGetter: (p) => p.data?.complaint?.no ?? "",
      cellRenderer: (p: ICellRendererParams<CallbackLine>) =>
        p.data?.complaint ? linkCell(`/complaints/${encodeURIComponent(p.data.complaint.id)}`, p.data.complaint.no, "complaint-link") : "",
    },
    { colId: "estate", headerName: t("estateCol"), width: 110, valueGetter: (p) => p.data?.estate.name ?? "" },
    { colId: "household", headerName: t("household"), width: 130, valueGetter: (p) => p.data?.household?.code ?? "" },
    customerColumn(o, "customerName", 100),
    customerColumn(o, "customerPhone", 130),
    { field: "kind", headerName: t("kind"), width: 100, valueFormatter: (p: P) => enumLabel("CallbackKind", p.value as string) },
    { field: "sequence", headerName: t("sequence"), width: 70, type: "numericColumn" },
    { field: "dueAt", headerName: t("dueAt"), width: 150, valueFormatter: date, cellClassRules: { error: (p) => !!p.data?.overdue } },
    { colId: "assignedTo", headerName: t("assignedTo"), width: 110, valueGetter: (p) => p.data?.assignedTo?.displayName ?? "" },
    o.editing.column(
      {
        field: "status",
        headerName: t("status"),
        width: 100,
        valueFormatter: (p: P) =>
          p.data?.overdue
            ? `${enumLabel("CallbackStatus", p.value as string)} · ${t("overdue")}`
            : enumLabel("CallbackStatus", p.value as string),
        cellClassRules: { error: (p) => !!p.data?.overdue, ok: (p) => p.value === "DONE" },
      },
      false,
    ),
    ...resultColumns(o),
    { field: "calledAt", headerName: t("calledAt"), width: 150, valueFormatter: date },
    // Issue 17: an imported callback by someone without an account shows the name as the history wrote it.
    { colId: "staff", headerName: t("staff"), width: 100, valueGetter: (p) => p.data?.staff?.displayName ?? p.data?.callerName ?? "" },
    o.editing.column(
      {
        field: "reviewedBy",
        headerName: t("reviewedBy"),
        width: 130,
        valueGetter: (p) => p.data?.reviewedBy?.displayName ?? "",
        cellRenderer: (p: ICellRendererParams<CallbackLine>) =>
          p.data && !p.data.reviewedBy && o.canReview(p.data)
            ? buttonCell(t("sign"), () => o.onReview(p), "review-callback")
            : (p.value as string),
      },
      false,
    ),
    { field: "reviewedAt", headerName: t("reviewedAt"), width: 150, valueFormatter: date },
  ];
}
