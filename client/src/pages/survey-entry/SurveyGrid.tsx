import { useClient } from "@urql/solid";
import type { GridApi, GridOptions, RowEditingStoppedEvent } from "ag-grid-community";
import { createMemo, Match, Show, Switch } from "solid-js";
import { RowEditingStatus } from "../../components/row-editing/RowEditingStatus.tsx";
import { fetchAll } from "../../components/connection/fetch-all.ts";
import { createLoader } from "../../components/connection/loader.ts";
import { Grid } from "../../components/grid/Grid.tsx";
import { Empty, ErrorBox, Loading } from "../../components/States.tsx";
import { type QuestionnaireDimension, SurveyHandoutsQuery, type SurveyCampaign } from "../../graphql/surveys.ts";
import { formatNumber } from "../../i18n/locale.ts";
import { field, type SurveyEditing, surveyEditing, toLine, type SurveyLine } from "./answers.ts";
import { surveyColumns } from "./columns.ts";
import type { EntryFilters } from "./filters.ts";
import { t } from "./text.ts";

const LIMIT = 5000;

/**
 * The questionnaires of one campaign as rows, its questions as columns (SUR-6). Entering is
 * keyboard first: a digit on a question starts the row, Tab goes to the next question, Enter saves
 * the questionnaire and starts the next one at its first question.
 */
export function SurveyGrid(props: {
  campaign: SurveyCampaign;
  filters: EntryFilters;
  canWrite: boolean;
  onApi: (api: GridApi<SurveyLine>) => void;
}) {
  const client = useClient();
  const dimensions = [...props.campaign.questionnaire.dimensions].sort((a, b) => a.order - b.order);
  const editing = surveyEditing(client, dimensions);
  const query = createMemo(() => ({ estateId: props.filters.estateId, show: props.filters.show }), undefined, {
    equals: (a, b) => a.estateId === b.estateId && a.show === b.show,
  });
  const rows = createLoader(query, (f) =>
    fetchAll(
      client,
      SurveyHandoutsQuery,
      {
        campaignId: props.campaign.id,
        estateId: f.estateId || null,
        returned: f.show === "pending" ? false : f.show === "entered" ? true : null,
      },
      (d) => d.surveyHandouts,
      { limit: LIMIT },
    ).then((r) => ({ lines: r.nodes.map(toLine), total: r.totalCount })),
  );
  const shown = createMemo(() => {
    const q = props.filters.search.trim().toLowerCase();
    const lines = rows.value()?.lines ?? [];
    return q ? lines.filter((l) => l.household.toLowerCase().includes(q)) : lines;
  });

  const options = surveyGridOptions(editing, dimensions, props.canWrite);

  return (
    <Switch>
      <Match when={rows.error()}>
        <ErrorBox error={rows.error()} retry={rows.reload} />
      </Match>
      <Match when={!rows.value()}>
        <Loading />
      </Match>
      <Match when={rows.value()!.lines.length === 0}>
        <Empty>{t("none")}</Empty>
      </Match>
      <Match when={rows.value()}>
        {(v) => (
          <>
            <HandoutCount shown={shown().length} loaded={v().lines.length} total={v().total} loading={rows.loading()} />
            <Show when={v().total > v().lines.length}>
              <p class="warn">{t("truncated", { n: formatNumber(v().lines.length) })}</p>
            </Show>
            <Grid
              options={options}
              rows={shown()}
              stateKey={`survey-entry-${props.campaign.questionnaire.code}-${props.campaign.questionnaire.revision}`}
              onReady={props.onApi}
              data-testid="survey-grid"
              height="calc(100vh - 330px)"
            />
            <RowEditingStatus editing={editing} unsaved={(n) => t("unsaved", { n })} />
          </>
        )}
      </Match>
    </Switch>
  );
}

/**
 * The grid's columns and row editing, keyboard first: Enter saves the row and goes on to the
 * next questionnaire's first question.
 */
function surveyGridOptions(editing: SurveyEditing, dimensions: QuestionnaireDimension[], canWrite: boolean): GridOptions<SurveyLine> {
  let lastKey = "";
  const first = field(dimensions[0]?.code ?? "");
  /** Enter saved the row: on to the next questionnaire's first question. */
  const onStopped = (e: RowEditingStoppedEvent<SurveyLine>) => {
    editing.onRowEditingStopped(e);
    if (lastKey !== "Enter" || e.node.rowIndex == null) return;
    lastKey = "";
    const next = e.node.rowIndex + 1;
    if (next >= e.api.getDisplayedRowCount()) return;
    e.api.ensureIndexVisible(next);
    e.api.setFocusedCell(next, first);
    e.api.startEditingCell({ rowIndex: next, colKey: first });
  };
  return {
    columnDefs: surveyColumns({ editing, dimensions, canWrite, onKey: (k) => (lastKey = k) }),
    defaultColDef: { cellDataType: false },
    getRowId: (p) => p.data.id,
    ...editing.gridOptions,
    onRowEditingStarted: (e) => {
      lastKey = "";
      editing.onRowEditingStarted(e);
    },
    onRowEditingStopped: onStopped,
  };
}

/** How many questionnaires there are, and how many the search leaves. */
function HandoutCount(props: { shown: number; loaded: number; total: number; loading: boolean }) {
  return (
    <p class="muted" data-testid="handout-count">
      {props.shown === props.loaded
        ? t("count", { n: formatNumber(props.total) })
        : t("countShown", { shown: formatNumber(props.shown), n: formatNumber(props.total) })}
      <Show when={props.loading}> · …</Show>
    </p>
  );
}
