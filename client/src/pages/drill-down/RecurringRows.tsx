import { createQuery } from "@urql/solid";
import { Match, Switch } from "solid-js";
import { RecurringProblemComplaintsQuery, ReportScopeQuery } from "../../graphql/reports.ts";
import { formatNumber, translator } from "../../i18n/locale.ts";
import { Empty, ErrorBox, Loading } from "../../components/States.tsx";
import { formatRange } from "../reports/period.ts";
import { problemPlace } from "../reports/RecurringTopCard.tsx";
import { rowColumns } from "./row-columns.ts";
import { RowsView } from "./RowsView.tsx";

const t = translator({
  title: ["重复投诉明细", "Recurring problem"],
  period: ["期间", "Period"],
  complaints: ["涉及投诉", "Complaints involved"],
  repeats: ["本期重复", "Repeats in the period"],
  gone: ["该地点与类别在此期间已没有重复投诉", "This place and category no longer have repeated complaints in the period"],
});

export interface RecurringKey {
  from: string;
  to: string;
  estate: string;
  category: string;
  household: string | null;
  location: string | null;
}

/** REC-2: the complaints of one recurring problem (a place × second-level category), oldest first. */
export function RecurringRows(props: { problem: RecurringKey }) {
  const [scope] = createQuery({ query: ReportScopeQuery });
  const [result, reload] = createQuery({
    query: RecurringProblemComplaintsQuery,
    variables: () => ({
      from: props.problem.from,
      to: props.problem.to,
      estateId: props.problem.estate,
      categoryId: props.problem.category,
    }),
    requestPolicy: "network-only",
  });
  const problem = () =>
    result.data?.recurringProblems.edges
      .map((e) => e.node)
      .find((p) =>
        props.problem.household
          ? p.household?.id === props.problem.household
          : !p.household && p.normalizedLocation === props.problem.location,
      );
  return (
    <>
      <div class="card figure-summary" data-testid="figure-summary">
        <h1>
          {t("title")}
          {problem() ? ` · ${problemPlace(problem()!)}` : ""} <span class="muted rule">REC-2</span>
        </h1>
        <dl class="figure-facts">
          <div>
            <dt>{t("period")}</dt>
            <dd>{formatRange(props.problem.from, props.problem.to, scope.data?.organization.timezone)}</dd>
          </div>
          <div>
            <dt>{t("complaints")}</dt>
            <dd data-testid="figure-fraction">{problem() ? formatNumber(problem()!.complaintCount) : "—"}</dd>
          </div>
          <div>
            <dt>{t("repeats")}</dt>
            <dd>{problem() ? formatNumber(problem()!.repeatCount) : "—"}</dd>
          </div>
        </dl>
      </div>
      <Switch>
        <Match when={result.error}>
          <ErrorBox error={result.error} retry={() => reload({ requestPolicy: "network-only" })} />
        </Match>
        <Match when={result.fetching && !result.data}>
          <Loading />
        </Match>
        <Match when={!problem()}>
          <Empty>{t("gone")}</Empty>
        </Match>
        <Match when={problem()}>
          {(p) => (
            <RowsView
              rows={p().complaints.edges.map((e, i) => ({ ...e.node, _i: i }))}
              columns={rowColumns("complaints", false)}
              stateKey="drill-recurring"
              fileName={`recurring-${p().household?.code ?? p().location ?? "area"}`}
            />
          )}
        </Match>
      </Switch>
    </>
  );
}
