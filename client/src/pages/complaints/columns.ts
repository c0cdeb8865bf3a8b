import type { ColDef, ICellRendererParams, ValueFormatterParams } from "ag-grid-community";
import type { CellEditing } from "../../components/cell-editing/index.ts";
import type { ComplaintRow } from "../../graphql/complaints.ts";
import { label } from "../../i18n/labels.ts";
import { formatDateTime, translator } from "../../i18n/locale.ts";
import { navigate } from "../../router/router.tsx";
import { SORT_FIELDS } from "./filters.ts";

export const t = translator({
  no: ["投诉编号", "No."],
  receivedAt: ["受理时间", "Received"],
  estate: ["项目", "Estate"],
  household: ["房号", "Household"],
  location: ["位置", "Location"],
  complainantName: ["投诉人", "Complainant"],
  complainantContact: ["联系方式", "Contact"],
  content: ["投诉内容", "Content"],
  category: ["类别", "Category"],
  kind: ["性质", "Kind"],
  severity: ["严重程度", "Severity"],
  status: ["状态", "Status"],
  channel: ["渠道", "Channel"],
  promisedAt: ["承诺完成", "Promised"],
  overdue: ["超时", "Overdue"],
  assignee: ["负责人", "Assignee"],
  escalated: ["已升级", "Escalated"],
  yes: ["是", "Yes"],
  anonymous: ["匿名", "Anonymous"],
});

const date = (p: ValueFormatterParams<ComplaintRow>) => formatDateTime(p.value as string | null);
const yes = (p: ValueFormatterParams<ComplaintRow>) => (p.value ? t("yes") : "");
const enumOf = (type: string) => (p: ValueFormatterParams<ComplaintRow>) => label(type, p.value as string | null);
/** SEC-7: a value the server masked is shown as it came, greyed so it reads as withheld. */
const maskedClass = { masked: (p: { value: unknown }) => typeof p.value === "string" && p.value.includes("*") };

/** The complaint number, a link to its detail page (a real link: opens in a new tab too). */
function numberLink(p: ICellRendererParams<ComplaintRow>): HTMLElement | string {
  if (!p.data) return "";
  const a = document.createElement("a");
  const href = `/complaints/${encodeURIComponent(p.data.id)}`;
  a.href = href;
  a.textContent = p.data.no;
  a.dataset.testid = "complaint-link";
  a.addEventListener("click", (e) => {
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    navigate(href);
  });
  return a;
}

/**
 * The ledger's columns. Sorting is the server's (ComplaintSort) and offered only where it has a
 * sort field; location, complainant and content are editable for complaints:write (SEC-6).
 */
export function complaintColumns(editing: CellEditing<ComplaintRow>, canWrite: boolean): ColDef<ComplaintRow>[] {
  const editable = (def: ColDef<ComplaintRow>) => editing.column(def, canWrite);
  const cols: ColDef<ComplaintRow>[] = [
    { colId: "no", field: "no", headerName: t("no"), cellRenderer: numberLink, width: 150, pinned: "left" },
    { colId: "receivedAt", field: "receivedAt", headerName: t("receivedAt"), valueFormatter: date, width: 150 },
    { colId: "estate", headerName: t("estate"), valueGetter: (p) => p.data?.estate.name, width: 120 },
    { colId: "household", headerName: t("household"), valueGetter: (p) => p.data?.household?.code ?? "", width: 130 },
    editable({ colId: "location", field: "location", headerName: t("location"), width: 140 }),
    editable({
      colId: "complainantName",
      field: "complainantName",
      headerName: t("complainantName"),
      width: 110,
      cellClassRules: maskedClass,
      valueFormatter: (p) => (p.value ? String(p.value) : p.data?.anonymous ? t("anonymous") : ""),
    }),
    editable({
      colId: "complainantContact",
      field: "complainantContact",
      headerName: t("complainantContact"),
      width: 130,
      cellClassRules: maskedClass,
    }),
    editable({
      colId: "content",
      field: "content",
      headerName: t("content"),
      width: 240,
      cellClassRules: maskedClass,
      cellEditor: "agLargeTextCellEditor",
      cellEditorPopup: true,
      cellEditorParams: { maxLength: 4000, rows: 6, cols: 50 },
    }),
    {
      colId: "category",
      headerName: t("category"),
      width: 150,
      valueGetter: (p) => (p.data?.category ? [p.data.category.parent?.name, p.data.category.name].filter(Boolean).join(" › ") : ""),
    },
    { colId: "kind", field: "kind", headerName: t("kind"), valueFormatter: enumOf("ComplaintKind"), width: 90 },
    {
      colId: "severity",
      field: "severity",
      headerName: t("severity"),
      valueFormatter: enumOf("ComplaintSeverity"),
      width: 100,
      cellClassRules: { warn: (p) => p.value === "IMPORTANT", error: (p) => p.value === "MAJOR" },
    },
    { colId: "status", field: "status", headerName: t("status"), valueFormatter: enumOf("ComplaintStatus"), width: 100 },
    { colId: "channel", field: "channel", headerName: t("channel"), valueFormatter: enumOf("ComplaintChannel"), width: 90 },
    { colId: "promisedAt", field: "promisedAt", headerName: t("promisedAt"), valueFormatter: date, width: 150 },
    {
      colId: "overdue",
      field: "overdue",
      headerName: t("overdue"),
      valueFormatter: yes,
      width: 80,
      cellClassRules: { error: (p) => p.value === true },
    },
    { colId: "assignee", headerName: t("assignee"), valueGetter: (p) => p.data?.assignee?.displayName ?? "", width: 110 },
    {
      colId: "escalated",
      field: "escalated",
      headerName: t("escalated"),
      valueFormatter: yes,
      width: 80,
      cellClassRules: { warn: (p) => p.value === true },
    },
  ];
  return cols.map((c) => ({ ...c, sortable: !!SORT_FIELDS[c.colId!] }));
}

export const fieldLabel = (field: string) => t(field as Parameters<typeof t>[0]);
