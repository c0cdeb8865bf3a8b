import { ChartCard } from "../../components/chart/ChartCard.tsx";
import { recurrenceTrendQuery, type Figure, type RecurrenceMonth } from "../../graphql/reports.ts";
import { translator } from "../../i18n/locale.ts";
import { lastDay, periodBounds, periodLabel, periodsUpTo, type Period } from "./period.ts";
import { rateChart, type RatePoint } from "./rate-chart.ts";
import { drillOnPick, rateTable } from "./rate-table.ts";
import { estateFilter, type ReportScope } from "./report-params.ts";
import { createGql } from "./use-gql.ts";

const t = translator({
  title: ["重复投诉率趋势（近 12 个月）", "Recurrence rate, last 12 months"],
  series: ["重复投诉率", "Recurrence rate"],
  month: ["月份", "Month"],
  empty: ["这些月份没有有效投诉", "No valid complaints in these months"],
});

const MONTHS = 12;

/** REC-2, §11: repeats ÷ valid non-duplicate complaints per month, summed over the chosen estates. */
export function RecurrenceTrendCard(props: { scope: ReportScope }) {
  const months = () => periodsUpTo("MONTH", lastDay(props.scope.period), MONTHS);
  const estates = () => estateFilter(props.scope) ?? [];
  const q = createGql<Record<string, RecurrenceMonth[]>, Record<string, unknown>>(() => ({
    query: recurrenceTrendQuery(estates().length),
    variables: {
      from: periodBounds(months()[0]!, props.scope.timeZone).from,
      to: periodBounds(months()[MONTHS - 1]!, props.scope.timeZone).to,
      ...Object.fromEntries(estates().map((id, i) => [`e${i}`, id])),
    },
  }));
  const points = (): RatePoint[] => {
    const data = q.data();
    return months().map((m) => {
      const rows = Object.values(data ?? {}).flatMap((list) => list.filter((r) => r.month === m.key));
      return { label: periodLabel(m), figure: rows.length ? monthFigure(m, rows, props.scope) : null };
    });
  };
  return (
    <ChartCard
      title={t("title")}
      fileName={`recurrence-trend-${props.scope.period.key}`}
      data-testid="chart-recurrence-trend"
      loading={q.loading()}
      error={q.error()}
      retry={q.retry}
      empty={!q.loading() && points().every((p) => !p.figure?.denominator)}
      emptyText={t("empty")}
      config={() => rateChart(points(), { type: "line", series: t("series"), scale: "auto" })}
      table={() => rateTable(points(), t("month"))}
      onPick={drillOnPick(points)}
    />
  );
}

/** A month of the trend as the §11 figure it is (RECURRENCE_RATE of that month), so that it drills down like any other. */
function monthFigure(month: Period, rows: RecurrenceMonth[], scope: ReportScope): Figure {
  const numerator = rows.reduce((s, r) => s + r.repeats, 0);
  const denominator = rows.reduce((s, r) => s + r.complaints, 0);
  const bounds = periodBounds(month, scope.timeZone);
  return {
    metric: "RECURRENCE_RATE",
    part: null,
    partLabel: null,
    numerator,
    denominator,
    denominatorListable: true,
    rate: denominator ? numerator / denominator : null,
    score: null,
    target: null,
    direction: "AT_MOST",
    policyKey: null,
    met: null,
    drillDown: {
      metric: "RECURRENCE_RATE",
      part: null,
      ...bounds,
      sliceBy: "ORGANIZATION",
      sliceKey: "ALL",
      estateIds: estateFilter(scope),
    },
  };
}
