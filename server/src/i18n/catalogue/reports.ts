import type { Bilingual } from "../bilingual.ts";

/**
 * Messages of the reports area, [zh, en], `{name}` placeholders (i18n/messages.ts merges the areas).
 * Keys are unique across areas; an input error's stable code is its key in upper snake case.
 * No message quotes a protected value (SEC-7): parameters are metric names, slices, periods, counts.
 */
export const reportsMessages = {
  // §2: a report or figure counts only the caller's estates.
  reportEstateNotInScope: ["您的管辖范围内没有该项目", "No such estate in your scope"],
  // §11 periods.
  reportPeriodOrRange: ["请给出期间，或给出起止时间，二者不能同时给出", "Give a period, or from and to, not both"],
  reportPeriodMissing: ["请给出起止时间，或给出期间", "Give from and to, or a period"],
  reportPeriodEndsBeforeStart: ["结束时间须晚于开始时间", "The period ends after it starts"],
  reportPeriodTooLong: ["期间最长 {days} 天", "A period spans at most {days} days"],
  reportPeriodLabel: [
    "期间格式无效：应为如 {example} 的{kind}，或其中的某一天（YYYY-MM-DD）",
    "A {kind} such as {example}, or a day in it (YYYY-MM-DD)",
  ],
  reportMonthLabel: ["月份格式应为 YYYY-MM", "A month as YYYY-MM"],
  // §11 slices and drill-down.
  reportSliceKeyId: ["须为本系统给出的 {type} ID", "A {type} id"],
  reportSliceKeyValue: ["须为以下之一：{values}", "One of {values}"],
  reportMetricNotSliceable: ["指标 {metric} 不能按 {sliceBy} 切分", "{metric} is not cut by {sliceBy}"],
  reportDenominatorNotRows: [
    "指标 {metric} 的分母是保存的户数，不是记录：请列出分子",
    "{metric}'s denominator is a stored count, not rows: list its numerator",
  ],
  reportPartRequired: ["指标 {metric} 按{partOf}分别计算：请给出 part", "{metric} has a figure per {partOf}: give the part"],
  reportNoParts: ["指标 {metric} 没有分项", "{metric} has no parts"],
  // REC-4 typical cases.
  reportCaseLimit: ["典型案例数为 1 至 50", "1 to 50 cases"],
} as const satisfies Record<string, Bilingual>;
