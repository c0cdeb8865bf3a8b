import { pick, type Message } from "../../i18n/locale.ts";
import type { Figure, MetricKind } from "../../graphql/reports.ts";

/** SPEC §11 metric names with the rule each one measures. */
const METRICS: Record<MetricKind, { rule: string; name: Message }> = {
  SATISFACTION: { rule: "SUR-4", name: ["满意率", "Satisfaction rate"] },
  SURVEY_COVERAGE: { rule: "SUR-2", name: ["调查覆盖率", "Survey coverage"] },
  RETURN_RATE: { rule: "SUR-3", name: ["问卷回收率", "Return rate"] },
  COMPLAINANT_COVERAGE: { rule: "SUR-2", name: ["投诉户覆盖率", "Complainant coverage"] },
  CALLBACK_RATE: { rule: "CB-1", name: ["回访率", "Callback rate"] },
  CALLBACK_RESOLUTION_RATE: { rule: "CB-7", name: ["回访问题解决率", "Callback resolution rate"] },
  CALLBACK_SATISFACTION: { rule: "CB-6", name: ["回访满意率", "Callback satisfaction"] },
  PHONE_SHARE: { rule: "CB-5", name: ["电话回访占比", "Phone callback share"] },
  VISIT_RATE: { rule: "VIS-1", name: ["走访率", "Visit rate"] },
  VALID_COMPLAINT_RATE: { rule: "§11", name: ["有效投诉率", "Valid complaint rate"] },
  SLA_ATTAINMENT: { rule: "§6", name: ["时限达成率", "SLA attainment"] },
  RECURRENCE_RATE: { rule: "REC-2", name: ["重复投诉率", "Recurrence rate"] },
  COMPLAINT_SHARE: { rule: "§12", name: ["投诉占比", "Complaint share"] },
};

/** SPEC §6 rules, in short. */
const SLA_RULES: Record<string, Message> = {
  SLA_1: ["转至客服中心", "To the service centre"],
  SLA_2: ["派至责任部门", "Forwarded to department"],
  SLA_3: ["员工投诉反馈", "Staff complaint fed back"],
  SLA_4: ["部门投诉处理", "Office complaint handled"],
  SLA_5: ["工程勘察及方案", "Engineering survey & plan"],
  SLA_6: ["按承诺完成", "Completed as promised"],
  SLA_7: ["保修处理", "Warranty"],
  SLA_8: ["管理处处理", "Office handling"],
  SLA_9: ["首次答复", "First reply"],
  SLA_10: ["回访", "Callback"],
  SLA_11: ["维修回访", "Repair callback"],
  SLA_12: ["月度数据上报", "Monthly data"],
};

/** SUR-6 dimensions of the company questionnaire, in its order; others show the server's name. */
const DIMENSIONS: [code: string, name: Message][] = [
  ["overall", ["总体满意度", "Overall"]],
  ["complaint_handling", ["投诉处理", "Complaint handling"]],
  ["repair_quality", ["维修质量", "Repair quality"]],
  ["repair_speed", ["维修及时性", "Repair speed"]],
  ["staff_attitude", ["员工服务态度", "Staff attitude"]],
  ["security", ["安全管理", "Security"]],
  ["cleaning", ["清洁卫生", "Cleaning"]],
  ["landscaping", ["绿化养护", "Landscaping"]],
  ["facilities", ["公共设施", "Facilities"]],
  ["community_activities", ["社区文化活动", "Community activities"]],
  ["fee_transparency", ["收费透明度", "Fee transparency"]],
];
const DIMENSION_NAMES = new Map(DIMENSIONS);
const DIMENSION_ORDER = new Map(DIMENSIONS.map(([code], i) => [code, i]));

export function metricName(metric: MetricKind): string {
  const m = METRICS[metric];
  return m ? pick(m.name) : metric;
}

export function metricRule(metric: MetricKind): string {
  return METRICS[metric]?.rule ?? "";
}

/** The name of a figure's part: a survey dimension, an SLA rule, a month. */
export function partName(f: Pick<Figure, "metric" | "part" | "partLabel">): string {
  if (f.part == null) return "";
  if (f.metric === "SATISFACTION") {
    const known = DIMENSION_NAMES.get(f.part);
    return known ? pick(known) : (f.partLabel ?? f.part);
  }
  if (f.metric === "SLA_ATTAINMENT") return slaRuleName(f.part);
  return f.partLabel ?? f.part;
}

/** "SLA-2 派至责任部门" */
export function slaRuleName(rule: string): string {
  const name = SLA_RULES[rule];
  return `${rule.replace("_", "-")}${name ? ` ${pick(name)}` : ""}`;
}

/** A figure's full name: "满意率 · 清洁卫生", "SLA-2 …", "回访率". */
export function figureName(f: Pick<Figure, "metric" | "part" | "partLabel">): string {
  if (f.metric === "SLA_ATTAINMENT" && f.part) return `${metricName(f.metric)} · ${slaRuleName(f.part)}`;
  const part = partName(f);
  return part ? `${metricName(f.metric)} · ${part}` : metricName(f.metric);
}

/** Sorts satisfaction figures in the questionnaire's order (overall first), others by part. */
export function byPart<T extends Pick<Figure, "metric" | "part">>(a: T, b: T): number {
  const rank = (f: T) => {
    if (f.metric === "SLA_ATTAINMENT" && f.part) return Number(f.part.replace(/\D/g, ""));
    return DIMENSION_ORDER.get(f.part ?? "") ?? 100;
  };
  return rank(a) - rank(b) || String(a.part).localeCompare(String(b.part));
}
