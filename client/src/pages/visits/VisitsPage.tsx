import type { Client } from "@urql/core";
import { useClient } from "@urql/solid";
import type { GridApi, GridOptions } from "ag-grid-community";
import { createMemo, createSignal, Match, Show, Switch } from "solid-js";
import { ReasonDialog } from "../../components/cell-editing/index.ts";
import { RowEditingStatus } from "../../components/row-editing/RowEditingStatus.tsx";
import { fetchAll } from "../../components/connection/fetch-all.ts";
import { createLoader, type Loader } from "../../components/connection/loader.ts";
import { ExportButtons } from "../../components/export-buttons/ExportButtons.tsx";
import { Grid } from "../../components/grid/Grid.tsx";
import { Empty, ErrorBox, Loading } from "../../components/States.tsx";
import { EstateHouseholdsQuery, VisitPlansQuery, VisitRecordsQuery } from "../../graphql/visits.ts";
import { searchParams, setSearchParams } from "../../router/router.tsx";
import { useSession } from "../../session/session.tsx";
import { visitColumns } from "./columns.ts";
import { PlanPicker } from "./PlanPicker.tsx";
import { mayAmend } from "./amend.ts";
import { PlanSummary } from "./PlanSummary.tsx";
import { newLine, toLine, visitEditing, type VisitEditing, type VisitLine } from "./record.ts";
import { t } from "./text.ts";

const EMPTY = { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] };

/**
 * VIS-1, VIS-2: an office's visits of one month against its plan. Staff who may write add a row
 * per visit and save it (recordVisit); the plan's coverage is counted again after each save. Until
 * the month is signed, a stored visit is corrected in place by its visitor or a supervisor, who
 * say why (SEC-6, amendVisitRecord).
 */
export default function VisitsPage(_props: { params: Record<string, string> }) {
  const session = useSession();
  const client = useClient();
  const canWrite = () => session.can("complaints:write");
  const [plansVersion, setPlansVersion] = createSignal(0);
  const { plans, plan, planId, records, households } = createVisitData(client, plansVersion);
  const editing = visitEditing(client, { planId: () => planId()!, households: households.value }, () => setPlansVersion((n) => n + 1));
  const [api, setApi] = createSignal<GridApi<VisitLine>>();
  const open = () => canWrite() && plan()?.status === "ACTIVE";
  const add = () => addVisitRow(api(), editing, session.me()?.staff);
  const options: GridOptions<VisitLine> = {
    columnDefs: visitColumns(
      editing,
      open,
      (line) => mayAmend(session.me(), line),
      (p) => {
        editing.discard(p.data!);
        p.api.applyTransaction({ remove: [p.data!] });
      },
    ),
    defaultColDef: { cellDataType: false },
    getRowId: (p) => p.data.id,
    rowClassRules: { "row-new": (p) => !!p.data?.isNew },
    ...editing.gridOptions,
  };

  return (
    <section>
      <h1>{t("title")}</h1>
      <Switch>
        <Match when={plans.error()}>
          <ErrorBox error={plans.error()} retry={plans.reload} />
        </Match>
        <Match when={!plans.value()}>
          <Loading />
        </Match>
        <Match when={plans.value()!.length === 0 && !canWrite()}>
          <Empty>{t("noPlans")}</Empty>
        </Match>
        <Match when={plans.value()}>
          <div class="toolbar">
            <PlanPicker
              plans={plans.value()!}
              selected={planId() ?? ""}
              canWrite={canWrite()}
              onCreated={(id) => {
                setSearchParams({ plan: id });
                setPlansVersion((n) => n + 1);
              }}
            />
            <span class="spacer" />
            <Show when={open()}>
              <button type="button" class="primary" data-testid="add-visit" disabled={!api()} onClick={add}>
                {t("addVisit")}
              </button>
            </Show>
            <ExportButtons api={api} name={() => `visits-${plan()?.estate.name ?? ""}-${plan()?.month.slice(0, 7) ?? ""}`} />
          </div>
          <Show when={plan()}>{(p) => <PlanSummary plan={p()} />}</Show>
          <p class="muted" data-testid="visit-help">
            {!canWrite() ? t("readOnly") : plan()?.status === "REVIEWED" ? t("reviewedPlan") : t("howTo")}
          </p>
          <VisitRecords records={records} planId={planId()} open={open()} options={options} editing={editing} onReady={setApi} />
        </Match>
      </Switch>
    </section>
  );
}

/**
 * The plans (reloaded when `plansVersion` changes), the one chosen (?plan=, else the active one),
 * its visit records and the household codes of its estate (a new visit names its household by code).
 */
function createVisitData(client: Client, plansVersion: () => number) {
  const plans = createLoader(plansVersion, async () => {
    const r = await client.query(VisitPlansQuery, {}, { requestPolicy: "network-only" }).toPromise();
    if (r.error) throw r.error;
    return r.data!.visitPlans.edges.map((e) => e.node);
  });
  const plan = createMemo(() => {
    const all = plans.value() ?? [];
    const wanted = searchParams().get("plan");
    return all.find((p) => p.id === wanted) ?? all.find((p) => p.status === "ACTIVE") ?? all[0];
  });
  const planId = createMemo(() => plan()?.id);
  const estateId = createMemo(() => plan()?.estate.id);
  const records = createLoader(planId, (id) =>
    fetchAll(client, VisitRecordsQuery, { plan: id }, (d) => (d.node && "records" in d.node ? d.node.records : undefined) ?? EMPTY, {
      limit: 5000,
    }).then((r) => r.nodes.map(toLine)),
  );
  const households = createLoader(estateId, (id) =>
    fetchAll(
      client,
      EstateHouseholdsQuery,
      { estate: id },
      (d) => (d.node && "households" in d.node ? d.node.households : undefined) ?? EMPTY,
      { pageSize: 1000, limit: 20000 },
    ).then((r) => new Map(r.nodes.map((h) => [h.code, h.id]))),
  );
  return { plans, plan, planId, records, households };
}

/** A new row at the top of the grid, in edit on its household code; the signed-in user is the visitor. */
function addVisitRow(grid: GridApi<VisitLine> | undefined, editing: VisitEditing, me: { displayName: string; login: string } | undefined) {
  if (!grid) return;
  const line = newLine(me?.displayName ?? "", me?.login ?? null);
  editing.addDraft(line);
  grid.applyTransaction({ add: [line], addIndex: 0 });
  const index = grid.getRowNode(line.id)?.rowIndex ?? 0;
  grid.ensureIndexVisible(index);
  grid.startEditingCell({ rowIndex: index, colKey: "householdCode" });
}

/** The month's visits in the editable grid, with the save status and the reason dialog of an amendment. */
function VisitRecords(props: {
  records: Loader<VisitLine[]>;
  planId: string | undefined;
  open: boolean;
  options: GridOptions<VisitLine>;
  editing: VisitEditing;
  onReady: (api: GridApi<VisitLine>) => void;
}) {
  return (
    <Switch>
      <Match when={props.records.error()}>
        <ErrorBox error={props.records.error()} retry={props.records.reload} />
      </Match>
      <Match when={props.planId && !props.records.value()}>
        <Loading />
      </Match>
      <Match when={props.records.value()?.length === 0 && !props.open}>
        <Empty>{t("none")}</Empty>
      </Match>
      <Match when={props.records.value()}>
        <Grid
          options={props.options}
          rows={props.records.value()}
          stateKey="visits"
          onReady={props.onReady}
          data-testid="visit-grid"
          height="calc(100vh - 460px)"
        />
        <RowEditingStatus editing={props.editing} unsaved={(n) => t("unsaved", { n })} />
        <ReasonDialog request={props.editing.reasonRequest()} />
      </Match>
    </Switch>
  );
}
