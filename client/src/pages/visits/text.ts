import { translator } from "../../i18n/locale.ts";
import { label, values } from "../../i18n/labels.ts";

/** Every string of the visit records page, in both languages. */
export const t = translator({
  title: ["走访记录", "Household visits"],
  plan: ["走访计划", "Visit plan"],
  noPlans: ["您的项目还没有走访计划", "Your estates have no visit plan yet"],
  createPlan: ["创建 {office} {month} 走访计划", "Plan {month} for {office}"],
  planCreated: ["已创建走访计划", "The visit plan was created"],
  addVisit: ["新增走访", "Add a visit"],
  removeDraft: ["删除", "Remove"],
  saveDraft: ["保存", "Save"],
  readOnly: ["只读：您的角色不能登记走访", "Read only: your role does not record visits"],
  reviewedPlan: [
    "本月走访记录已由主任审核签字 (VIS-2)，不能再新增或更正",
    "The month's record was reviewed and signed (VIS-2): no more visits or corrections",
  ],
  howTo: [
    "点「新增走访」后填写房号（区域走访填区域并选类型「区域」）、时间、内容，Tab 切换单元格，Enter 保存。已保存的走访可由走访人或主管双击更正，保存时需填写修改原因，原值保留在修改历史中。",
    "Click “Add a visit”, fill in the household (or the area, with the kind “Area”), the time and what was discussed; Tab between cells, Enter to save. A saved visit can be corrected by its visitor or a supervisor (double-click it); the change asks for a reason and the previous values stay in its history.",
  ],
  none: ["本月尚无走访记录", "No visits recorded this month yet"],
  visitedAt: ["走访时间", "Visited at"],
  kind: ["类型", "Kind"],
  householdCode: ["房号", "Household"],
  area: ["区域", "Area"],
  customerName: ["住户", "Resident"],
  customerPhone: ["联系电话", "Phone"],
  content: ["走访内容", "What was discussed"],
  feedback: ["住户意见", "Opinions and requests"],
  satisfied: ["是否满意", "Satisfied"],
  resolved: ["是否解决", "Resolved"],
  signed: ["住户签字", "Signed"],
  visitor: ["走访人", "Visitor"],
  status: ["状态", "Status"],
  yes: ["是", "Yes"],
  no: ["否", "No"],
  saved: ["已保存", "Saved"],
  draft: ["未保存", "Not saved"],
  noHousehold: ["本项目没有房号 {code}", "No household {code} in this estate"],
  badTime: ["请按「年-月-日 时:分」填写，如 2026-11-05 09:30", "Write it as year-month-day hour:minute, e.g. 2026-11-05 09:30"],
  householdsLoading: ["房号列表加载中，请稍候再保存", "The household list is loading: save again in a moment"],
  coverage: ["走访覆盖率 (VIS-1)", "Visit rate (VIS-1)"],
  target: ["目标 {n} 户", "target {n} households"],
  met: ["已达标", "met"],
  missed: ["未达标", "not met"],
  visits: ["走访次数", "Visits"],
  unresolved: ["未解决且无不合格报告 (VIS-2)", "Unresolved without a report (VIS-2)"],
  planStatus: ["计划状态", "Plan status"],
  signedBy: ["{name} 于 {at} 审核签字", "signed by {name} on {at}"],
  unsaved: ["{n} 行尚未保存", "{n} rows not saved"],
});

export type TextKey = Parameters<typeof t>[0];

export const VISIT_KINDS = values("VisitKind");

/** The label of a visit enum value (VisitKind, VisitPlanStatus); unknown values as they are. */
export const enumLabel = (type: "VisitKind" | "VisitPlanStatus", value: string | null | undefined) => label(type, value);
