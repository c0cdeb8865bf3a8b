import type { ColDef, EditableCallbackParams, SuppressKeyboardEventParams } from "ag-grid-community";
import { keepArrowsInSelect, SelectCellEditor } from "../../components/row-editing/SelectCellEditor.ts";
import type { QuestionnaireDimension } from "../../graphql/surveys.ts";
import { formatDateTime } from "../../i18n/locale.ts";
import { field, options, short, type SurveyEditing, type SurveyLine } from "./answers.ts";
import { scaleLabel, t } from "./text.ts";

/**
 * A comment the caller may not read comes masked ("***"); entering the questionnaire again would
 * replace it, so such a questionnaire is not editable here (SEC-7: nothing is lost silently).
 */
const hasMaskedComment = (l: SurveyLine) => Object.values(l.comments).some((c) => /^\*+$/.test(c));

export interface SurveyColumnsOptions {
  editing: SurveyEditing;
  dimensions: QuestionnaireDimension[];
  canWrite: boolean;
  /** Every key pressed in an answer cell (the page moves on to the next questionnaire after Enter). */
  onKey: (key: string) => void;
}

/** One row per questionnaire, one column per question (SUR-6), the answers constrained to the question's options. */
export function surveyColumns(o: SurveyColumnsOptions): ColDef<SurveyLine>[] {
  const can = (p: EditableCallbackParams<SurveyLine>) => o.canWrite && !!p.data && !hasMaskedComment(p.data);
  const keys = (p: SuppressKeyboardEventParams<SurveyLine>) => {
    if (p.event.type === "keydown") o.onKey(p.event.key);
    return keepArrowsInSelect(p);
  };
  const questions = o.dimensions.map((d) =>
    o.editing.column(
      {
        field: field(d.code),
        headerName: d.name,
        headerTooltip: d.isOverall ? `${d.name} ${t("overall")}` : d.name,
        width: 96,
        wrapHeaderText: true,
        autoHeaderHeight: true,
        valueFormatter: (p) => short(p.value),
        cellClass: "num",
        cellClassRules: { error: (p) => p.value === "1" || p.value === "2" },
        cellEditor: SelectCellEditor,
        cellEditorParams: { values: options(d), format: (v: unknown) => scaleLabel(v as string | null) },
        suppressKeyboardEvent: keys,
      },
      can,
    ),
  );
  return [
    o.editing.column(
      {
        colId: "state",
        field: "returnedAt",
        headerName: t("state"),
        width: 90,
        pinned: "left",
        valueFormatter: (p) => (p.value ? t("returned") : t("notReturned")),
        cellClassRules: { ok: (p) => !!p.value, warn: (p) => !p.value },
      },
      false,
    ),
    { field: "household", headerName: t("household"), width: 130, pinned: "left", sort: "asc" },
    ...questions,
    { field: "returnedAt", headerName: t("returnedAt"), width: 150, valueFormatter: (p) => formatDateTime(p.value as string | null) },
    { field: "estate", headerName: t("estateCol"), width: 110 },
    { field: "distributor", headerName: t("distributor"), width: 110 },
    { field: "handedOutAt", headerName: t("handedOutAt"), width: 150, valueFormatter: (p) => formatDateTime(p.value as string | null) },
  ];
}
