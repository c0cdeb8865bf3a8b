import type { ColDef, EditableCallbackParams, ICellRendererParams, ValueFormatterParams } from "ag-grid-community";
import { buttonCell, maskedRule } from "../../components/grid-cells/cells.ts";
import { keepArrowsInSelect, SelectCellEditor } from "../../components/row-editing/SelectCellEditor.ts";
import { formatField, parseTime, type VisitEditing, type VisitLine } from "./record.ts";
import { t, VISIT_KINDS } from "./text.ts";

type P = ValueFormatterParams<VisitLine>;

/**
 * The visit grid's columns (VIS-1): a new row is filled in cell by cell and saved as a whole; a
 * stored visit's cells are corrected the same way by whoever may amend it (`mayAmend`: its visitor
 * or a supervisor), with a reason (SEC-6).
 */
export function visitColumns(
  editing: VisitEditing,
  canWrite: () => boolean,
  mayAmend: (line: VisitLine) => boolean,
  onRemove: (p: ICellRendererParams<VisitLine>) => void,
): ColDef<VisitLine>[] {
  const draftActions = (p: ICellRendererParams<VisitLine>) => {
    const span = document.createElement("span");
    span.append(
      buttonCell(t("saveDraft"), () => editing.saveRow(p.api, p.node), "save-draft"),
      " · ",
      buttonCell(t("removeDraft"), () => onRemove(p), "remove-draft"),
    );
    return span;
  };
  const can = (p: EditableCallbackParams<VisitLine>) => canWrite() && !!p.data && (p.data.isNew || mayAmend(p.data));
  const edit = (def: ColDef<VisitLine>) => editing.column({ valueFormatter: (p: P) => formatField(def.field!, p.value), ...def }, can);
  const choice = (field: string, values: readonly unknown[]) => ({
    cellEditor: SelectCellEditor,
    suppressKeyboardEvent: keepArrowsInSelect,
    cellEditorParams: { values, format: (v: unknown) => formatField(field, v) || "—" },
  });
  const text = (maxLength: number) => ({ cellEditor: "agTextCellEditor", cellEditorParams: { maxLength } });
  return [
    {
      colId: "state",
      headerName: t("status"),
      width: 130,
      pinned: "left",
      valueGetter: (p) => (p.data?.isNew ? t("draft") : t("saved")),
      cellClassRules: { warn: (p) => !!p.data?.isNew, muted: (p) => !p.data?.isNew },
      cellRenderer: (p: ICellRendererParams<VisitLine>) => (p.data?.isNew ? draftActions(p) : (p.value as string)),
    },
    edit({
      field: "visitedAt",
      headerName: t("visitedAt"),
      width: 150,
      sort: "desc",
      valueParser: (p) => parseTime(String(p.newValue ?? "")),
      cellEditor: "agTextCellEditor",
      cellEditorParams: { useFormatter: true },
    }),
    edit({ field: "kind", headerName: t("kind"), width: 120, ...choice("kind", VISIT_KINDS) }),
    edit({ field: "householdCode", headerName: t("householdCode"), width: 130, ...text(40) }),
    edit({ field: "area", headerName: t("area"), width: 120, ...text(200) }),
    { field: "customerName", headerName: t("customerName"), width: 100, cellClassRules: maskedRule },
    { field: "customerPhone", headerName: t("customerPhone"), width: 130, cellClassRules: maskedRule },
    edit({ field: "content", headerName: t("content"), width: 220, cellClassRules: maskedRule, ...text(5000) }),
    edit({ field: "feedback", headerName: t("feedback"), width: 200, cellClassRules: maskedRule, ...text(5000) }),
    edit({ field: "satisfied", headerName: t("satisfied"), width: 90, ...choice("satisfied", [true, false, null]) }),
    // VIS-2: an unresolved item needs a nonconformity report before the month's review.
    edit({
      field: "resolved",
      headerName: t("resolved"),
      width: 90,
      ...choice("resolved", [true, false, null]),
      cellClassRules: { error: (p) => p.value === false },
    }),
    edit({ field: "signed", headerName: t("signed"), width: 90, ...choice("signed", [true, false]) }),
    { field: "visitor", headerName: t("visitor"), width: 110 },
  ];
}
