import { ChartCard } from "../../components/chart/ChartCard.tsx";
import { MetricsQuery, type MetricKind, type Metrics, type SliceBy } from "../../graphql/reports.ts";
import { rateChart, type RatePoint } from "./rate-chart.ts";
import { drillOnPick, rateTable } from "./rate-table.ts";
import { estateFilter, type ReportScope } from "./report-params.ts";
import { createGql } from "./use-gql.ts";

export interface MetricBarCardProps {
  scope: ReportScope;
  metrics: MetricKind[];
  sliceBy: SliceBy;
  /** The bars: one figure each, from the metrics of the period. */
  points: (m: Metrics) => RatePoint[];
  title: string;
  series: string;
  /** The table's first column (what a bar is). */
  category: string;
  fileName: string;
  emptyText?: string;
  "data-testid": string;
}

/** §11 figures of the period as bars against their targets; a click opens the rows behind a bar. */
export function MetricBarCard(props: MetricBarCardProps) {
  const q = createGql(() => ({
    query: MetricsQuery,
    variables: {
      input: {
        from: props.scope.from,
        to: props.scope.to,
        estateIds: estateFilter(props.scope),
        sliceBy: props.sliceBy,
        metrics: props.metrics,
      },
    },
  }));
  const points = () => {
    const m = q.data()?.metrics;
    return m ? props.points(m) : [];
  };
  return (
    <ChartCard
      title={props.title}
      fileName={`${props.fileName}-${props.scope.period.key}`}
      data-testid={props["data-testid"]}
      loading={q.loading()}
      error={q.error()}
      retry={q.retry}
      empty={!q.loading() && points().every((p) => !p.figure || p.figure.denominator === 0)}
      emptyText={props.emptyText}
      config={() => rateChart(points(), { series: props.series })}
      table={() => rateTable(points(), props.category)}
      onPick={drillOnPick(points)}
    />
  );
}
