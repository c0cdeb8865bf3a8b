import { ChartCard } from "../../components/chart/ChartCard.tsx";
import { metricsOverPeriods, type Metrics } from "../../graphql/reports.ts";
import { translator } from "../../i18n/locale.ts";
import { findFigure } from "./figures.ts";
import { lastDay, periodBounds, periodLabel, periodsUpTo } from "./period.ts";
import { rateChart, type RatePoint } from "./rate-chart.ts";
import { drillOnPick, rateTable } from "./rate-table.ts";
import { estateFilter, type ReportScope } from "./report-params.ts";
import { createGql } from "./use-gql.ts";

const t = translator({
  title: ["总体满意率（按季度）", "Overall satisfaction by quarter"],
  series: ["总体满意率", "Overall satisfaction"],
  quarter: ["季度", "Quarter"],
  empty: ["这些季度没有调查答卷", "No survey answers in these quarters"],
});

const QUARTERS = 8;

/** SUR-4: the overall satisfaction rate of the eight quarters up to the period shown, each against its own quarter's target. */
export function SatisfactionTrendCard(props: { scope: ReportScope }) {
  const quarters = () => periodsUpTo("QUARTER", lastDay(props.scope.period), QUARTERS);
  const q = createGql<Record<string, Metrics>, Record<string, unknown>>(() => ({
    query: metricsOverPeriods(QUARTERS),
    variables: Object.fromEntries(
      quarters().map((p, i) => [
        `p${i}`,
        {
          ...periodBounds(p, props.scope.timeZone),
          estateIds: estateFilter(props.scope),
          metrics: ["SATISFACTION"],
        },
      ]),
    ),
  }));
  const points = (): RatePoint[] =>
    quarters().map((p, i) => ({
      label: periodLabel(p),
      figure: findFigure(q.data()?.[`p${i}`]?.slices[0]?.figures ?? [], "SATISFACTION", "overall") ?? null,
    }));
  return (
    <ChartCard
      title={t("title")}
      fileName={`satisfaction-by-quarter-${props.scope.period.key}`}
      data-testid="chart-satisfaction-quarter"
      class="wide"
      height="260px"
      loading={q.loading()}
      error={q.error()}
      retry={q.retry}
      empty={!q.loading() && points().every((p) => !p.figure?.denominator)}
      emptyText={t("empty")}
      config={() => rateChart(points(), { type: "line", series: t("series") })}
      table={() => rateTable(points(), t("quarter"))}
      onPick={drillOnPick(points)}
    />
  );
}
