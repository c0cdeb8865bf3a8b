import type { MetricKind, Metrics } from "../../graphql/reports.ts";
import { translator } from "../../i18n/locale.ts";
import { findFigure } from "./figures.ts";
import { byPart, metricName, metricRule, partName, slaRuleName } from "./labels.ts";
import { MetricBarCard } from "./MetricBarCard.tsx";
import type { RatePoint } from "./rate-chart.ts";
import { RecurrenceTrendCard } from "./RecurrenceTrendCard.tsx";
import { RecurringTopCard } from "./RecurringTopCard.tsx";
import type { ReportScope } from "./report-params.ts";
import { SatisfactionTrendCard } from "./SatisfactionTrendCard.tsx";

const t = translator({
  satisfaction: ["满意度", "Satisfaction"],
  callbacks: ["回访与处理时限", "Callbacks and time limits"],
  recurrence: ["重复投诉", "Recurring issues"],
  byDimension: ["各维度满意率", "Satisfaction rate by dimension"],
  byEstate: ["各项目总体满意率", "Overall satisfaction by estate"],
  rate: ["满意率", "Satisfaction rate"],
  overall: ["总体满意率", "Overall satisfaction"],
  dimension: ["维度", "Dimension"],
  estate: ["项目", "Estate"],
  noSurvey: ["本期没有调查答卷", "No survey answers in this period"],
  cbTitle: ["回访指标与目标", "Callback figures against their targets"],
  cbSeries: ["回访指标", "Callback figure"],
  figure: ["指标", "Figure"],
  noCallbacks: ["本期没有需回访的投诉或回访记录", "No callbacks due or made in this period"],
  slaTitle: ["各时限规则达成率", "Attainment per SLA rule"],
  slaSeries: ["达成率", "Attainment"],
  rule: ["规则", "Rule"],
  noStages: ["本期没有到期的时限", "No time limits due in this period"],
});

const CALLBACK_METRICS: MetricKind[] = ["CALLBACK_RATE", "CALLBACK_RESOLUTION_RATE", "CALLBACK_SATISFACTION", "PHONE_SHARE"];

const figuresOf = (m: Metrics, metric: MetricKind) => (m.slices[0]?.figures ?? []).filter((f) => f.metric === metric).sort(byPart);

/** The charts of the reports page, by topic (§11 figures; SPEC rule IDs in the titles' tables). */
export function ReportCharts(props: { scope: ReportScope }) {
  return (
    <>
      <SatisfactionCharts scope={props.scope} />
      <CallbackCharts scope={props.scope} />
      <h2>
        {t("recurrence")} <span class="muted rule">REC-2</span>
      </h2>
      <div class="charts">
        <RecurringTopCard scope={props.scope} />
        <RecurrenceTrendCard scope={props.scope} />
      </div>
    </>
  );
}

const dimensions = (m: Metrics): RatePoint[] => figuresOf(m, "SATISFACTION").map((f) => ({ label: partName(f), figure: f }));
const estates = (m: Metrics): RatePoint[] =>
  m.slices.map((s) => ({ label: s.label, figure: findFigure(s.figures, "SATISFACTION", "overall") ?? null }));
const callbacks = (m: Metrics): RatePoint[] =>
  CALLBACK_METRICS.map((k) => ({
    label: `${metricName(k)} (${metricRule(k)})`,
    figure: findFigure(m.slices[0]?.figures ?? [], k) ?? null,
  }));
const rules = (m: Metrics): RatePoint[] => figuresOf(m, "SLA_ATTAINMENT").map((f) => ({ label: slaRuleName(f.part ?? ""), figure: f }));

/** SUR-4: satisfaction by dimension, by estate and over time. */
function SatisfactionCharts(props: { scope: ReportScope }) {
  return (
    <>
      <h2>
        {t("satisfaction")} <span class="muted rule">SUR-4</span>
      </h2>
      <div class="charts">
        <MetricBarCard
          scope={props.scope}
          metrics={["SATISFACTION"]}
          sliceBy="ORGANIZATION"
          points={dimensions}
          title={t("byDimension")}
          series={t("rate")}
          category={t("dimension")}
          fileName="satisfaction-by-dimension"
          emptyText={t("noSurvey")}
          data-testid="chart-satisfaction-dimension"
        />
        <MetricBarCard
          scope={props.scope}
          metrics={["SATISFACTION"]}
          sliceBy="ESTATE"
          points={estates}
          title={t("byEstate")}
          series={t("overall")}
          category={t("estate")}
          fileName="satisfaction-by-estate"
          emptyText={t("noSurvey")}
          data-testid="chart-satisfaction-estate"
        />
        <SatisfactionTrendCard scope={props.scope} />
      </div>
    </>
  );
}

/** CB-1 · CB-5 · CB-6 · CB-7 callback figures and §6 deadline attainment by rule. */
function CallbackCharts(props: { scope: ReportScope }) {
  return (
    <>
      <h2>
        {t("callbacks")} <span class="muted rule">CB-1 · CB-5 · CB-6 · CB-7 · §6</span>
      </h2>
      <div class="charts">
        <MetricBarCard
          scope={props.scope}
          metrics={CALLBACK_METRICS}
          sliceBy="ORGANIZATION"
          points={callbacks}
          title={t("cbTitle")}
          series={t("cbSeries")}
          category={t("figure")}
          fileName="callback-figures"
          emptyText={t("noCallbacks")}
          data-testid="chart-callbacks"
        />
        <MetricBarCard
          scope={props.scope}
          metrics={["SLA_ATTAINMENT"]}
          sliceBy="ORGANIZATION"
          points={rules}
          title={t("slaTitle")}
          series={t("slaSeries")}
          category={t("rule")}
          fileName="sla-attainment"
          emptyText={t("noStages")}
          data-testid="chart-sla"
        />
      </div>
    </>
  );
}
