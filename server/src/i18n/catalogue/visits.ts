import type { Bilingual } from "../bilingual.ts";

/**
 * Messages of the visits area, [zh, en], `{name}` placeholders (i18n/messages.ts merges the areas).
 * Keys are unique across areas; an input error's stable code is its key in upper snake case.
 * VIS-1 (monthly visits), VIS-2 (review, nonconformity reports), SEC-6 (amendments).
 */
export const visitsMessages = {
  // VIS-1: plans
  visitOfficeNotInScope: ["该管理处不存在或不在您的管辖范围内", "No such office in your scope"],
  visitPlanExists: ["该管理处 {month} 的走访计划已存在", "The office has a visit plan for {month} already"],
  visitPlanOrOffice: ["请指定走访计划或管理处，不能同时指定", "Give the visit plan or the office, not both"],
  visitPlanOrOfficeNeeded: ["请指定走访计划或管理处", "Give the visit plan, or the office"],
  visitPlanNotInScope: ["该走访计划不存在或不在您的管辖范围内", "No such visit plan in your scope"],
  visitPlanMissing: ["该管理处尚无 {month} 的走访计划，请先创建", "The office has no visit plan for {month}: create it first"],
  visitPlanSigned: [
    "本月走访记录已审阅签字（VIS-2），不再接收新记录",
    "The month's visits were reviewed and signed (VIS-2); they take no more records",
  ],
  // VIS-1: records
  visitInFuture: ["走访须在发生后记录", "A visit is recorded after it happened"],
  visitOutsideMonth: ["走访时间不在计划的月份内", "The visit is outside the plan's month"],
  visitHouseholdOrArea: ["走访对象是住户或区域，不能两者兼有", "A visit is to a household or to an area, not both"],
  visitAreaKind: ["区域走访的类型须为 AREA", "An area visit has the kind AREA"],
  visitHouseholdNotArea: ["住户走访的类型不能是 AREA", "A household visit is not an AREA visit"],
  visitTargetNeeded: ["请指定走访的住户，或区域走访的区域", "Name the household visited, or the area of an area visit"],
  visitHouseholdNotInEstate: ["该住户不在计划所属的项目", "No such household in the plan's estate"],
  visitTextTooLong: ["不能超过 {max} 个字符", "{name} is longer than {max} characters"],
  // SEC-6: amendments
  visitFieldNotClearable: ["此项不能清空", "{name} cannot be cleared"],
  visitAmendForbidden: [
    "走访记录只能由走访人或本项目的主管更正（SEC-6）",
    "SEC-6: a visit record is corrected by its visitor or a supervisor of its estate",
  ],
  visitContentNotEntitled: ["您无权知悉此走访记录的内容", "Not entitled to this visit record's content"],
  visitRecordsSigned: [
    "本月走访记录已审阅签字（VIS-2），其记录不再更正",
    "The month's visits were reviewed and signed (VIS-2); its records are no longer amended",
  ],
  visitNothingToAmend: ["没有需要更正的内容：所给的值与已存的值相同", "Nothing to amend: the values given are those stored"],
  // VIS-2: nonconformity reports
  nonconformityRecordNotInScope: ["该走访记录不存在或不在您的管辖范围内", "No such visit record in your scope"],
  nonconformityOtherPlan: ["该走访属于另一个计划", "The visit belongs to another plan"],
  nonconformitySubjectNeeded: ["请指定报告所针对的走访记录（或计划）", "Name the visit record (or the plan) the report is about"],
  nonconformityOwnerNotOnEstate: ["责任人须为在该项目工作的在职员工", "The owner must be an active staff member working on the estate"],
  nonconformityDeadlinePast: ["期限须在将来", "The deadline must be in the future"],
  nonconformityClosedAlready: ["该报告已关闭", "The report is closed already"],
  // VIS-2: review
  visitReviewForbidden: [
    "只有本项目的管理处主任或公司领导可以审阅并签署走访记录（VIS-2）",
    "VIS-2: only the estate's office director or company leadership review and sign the visit record",
  ],
  visitReviewedAlready: ["本月走访记录已审阅签字", "The month's visit record is reviewed and signed already"],
  visitReviewNotDue: ["本月结束后方可审阅走访记录（{from} 起）", "The month's visit record is reviewed after the month ends ({from})"],
  unresolvedVisits: [
    "有 {count} 条未解决的走访尚无不合格报告：请逐条开具（raiseNonconformity）后再审阅",
    "{count} unresolved visit(s) have no nonconformity report yet: raise one for each (raiseNonconformity), then review",
  ],
} as const satisfies Record<string, Bilingual>;
