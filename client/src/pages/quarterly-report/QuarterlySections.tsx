import { ChartCard } from "../../components/chart/ChartCard.tsx";
import type { MetricKind, QuarterlyReport } from "../../graphql/reports.ts";
import { translator } from "../../i18n/locale.ts";
import { findFigure } from "../reports/figures.ts";
import { byPart, metricName, partName } from "../reports/labels.ts";
import { rateChart, type RatePoint } from "../reports/rate-chart.ts";
import { drillOnPick, rateTable } from "../reports/rate-table.ts";
import { FigureTable, type FigureCell } from "./FigureTable.tsx";
import { headlineFigures } from "./HeadlineFigures.tsx";

const t = translator({
  byDimension: ["分维度满意率", "Satisfaction by dimension"],
  byEstate: ["分项目指标", "Figures by estate"],
  matrix: ["各项目分维度满意率", "Satisfaction by dimension and estate"],
  chartDimension: ["各维度满意率", "Satisfaction rate by dimension"],
  chartEstate: ["各项目总体满意率", "Overall satisfaction by estate"],
  rate: ["满意率", "Satisfaction rate"],
  overall: ["总体满意率", "Overall satisfaction"],
  dimension: ["维度", "Dimension"],
  estate: ["项目", "Estate"],
  all: ["合计", "All estates"],
});

/** Satisfaction per dimension (SUR-4, SUR-6): chart and table. */
export function DimensionSection(props: { report: QuarterlyReport }) {
  const dims = () => (props.report.totals.slices[0]?.figures ?? []).filter((f) => f.metric === "SATISFACTION").sort(byPart);
  const points = (): RatePoint[] => dims().map((f) => ({ label: partName(f), figure: f }));
  return (
    <section class="report-section">
      <h2>
        {t("byDimension")} <span class="muted rule">SUR-4 · SUR-6</span>
      </h2>
      <div class="report-pair">
        <ChartCard
          title={t("chartDimension")}
          fileName={`quarterly-${props.report.label}-dimensions`}
          data-testid="q-chart-dimension"
          config={() => rateChart(points(), { series: t("rate") })}
          table={() => rateTable(points(), t("dimension"))}
          onPick={drillOnPick(points)}
          empty={points().length === 0}
        />
        <FigureTable
          title={t("byDimension")}
          fileName={`quarterly-${props.report.label}-dimensions`}
          data-testid="q-table-dimension"
          columns={[{ header: t("dimension") }, { header: t("rate"), figure: true }]}
          rows={dims().map((f) => [partName(f), f])}
        />
      </div>
    </section>
  );
}

/** Every figure of the report per estate, with the totals as the last row; and the overall satisfaction per estate as a chart. */
export function EstateSection(props: { report: QuarterlyReport }) {
  const columns = () => headlineFigures(props.report.totals).map((f) => ({ metric: f.metric, part: f.part }));
  const cells = (figures: QuarterlyReport["totals"]["slices"][number]["figures"]): FigureCell[] =>
    columns().map((c) => findFigure(figures, c.metric, c.part) ?? null);
  const points = (): RatePoint[] =>
    props.report.byEstate.slices.map((s) => ({ label: s.label, figure: findFigure(s.figures, "SATISFACTION", "overall") ?? null }));
  const header = (c: { metric: MetricKind; part: string | null }) => (c.metric === "SATISFACTION" ? t("overall") : metricName(c.metric));
  return (
    <section class="report-section">
      <h2>
        {t("byEstate")} <span class="muted rule">SUR-2 · SUR-3 · CB-1 · REC-2</span>
      </h2>
      <ChartCard
        title={t("chartEstate")}
        fileName={`quarterly-${props.report.label}-estates`}
        data-testid="q-chart-estate"
        config={() => rateChart(points(), { series: t("overall") })}
        table={() => rateTable(points(), t("estate"))}
        onPick={drillOnPick(points)}
        empty={points().length === 0}
      />
      <FigureTable
        title={t("byEstate")}
        fileName={`quarterly-${props.report.label}-estates`}
        data-testid="q-table-estate"
        columns={[{ header: t("estate") }, ...columns().map((c) => ({ header: header(c), figure: true }))]}
        rows={[
          ...props.report.byEstate.slices.map((s) => [s.label, ...cells(s.figures)]),
          [t("all"), ...cells(props.report.totals.slices[0]?.figures ?? [])],
        ]}
      />
    </section>
  );
}

/** Satisfaction per dimension × estate, each against its estate's target. */
export function MatrixSection(props: { report: QuarterlyReport }) {
  const dims = () => (props.report.totals.slices[0]?.figures ?? []).filter((f) => f.metric === "SATISFACTION").sort(byPart);
  return (
    <section class="report-section">
      <h2>{t("matrix")}</h2>
      <FigureTable
        title={t("matrix")}
        fileName={`quarterly-${props.report.label}-dimension-estate`}
        data-testid="q-table-matrix"
        columns={[{ header: t("dimension") }, ...props.report.byEstate.slices.map((s) => ({ header: s.label, figure: true }))]}
        rows={dims().map((d) => [
          partName(d),
          ...props.report.byEstate.slices.map((s) => findFigure(s.figures, "SATISFACTION", d.part) ?? null),
        ])}
      />
    </section>
  );
}
