import type { Bilingual } from "../bilingual.ts";

/**
 * Messages of the recurrence area, [zh, en], `{name}` placeholders (i18n/messages.ts merges the areas).
 * Keys are unique across areas; an input error's stable code is its key in upper snake case.
 * REC-1 (corrective actions), REC-2 (recurring problems), REC-3 (repeated repairs), REC-4 (cases).
 */
export const recurrenceMessages = {
  // REC-2: the period of the figures
  recurrencePeriodOrder: ["结束时间（to）须晚于开始时间（from）", "`to` must be after `from`"],
  recurrencePeriodTooLong: ["统计期间最长十年", "The period is at most ten years"],
  recurrenceMinCount: [
    "minCount 须在 2 到 1000 之间（重复至少涉及两件投诉）",
    "minCount is between 2 and 1000 (a recurrence has at least two complaints)",
  ],
  // REC-3, CB-11
  repeatCauseForbidden: [
    "重复维修的原因由负责人记录（CB-11）",
    "The cause of a repeated repair is recorded by the responsible manager (CB-11)",
  ],
  repeatComplaintClosed: ["该投诉已结束（{status}）", "A {status} complaint is closed"],
  repeatRepairCauseRequired: [
    "REC-3：同一维修在重复期限内再次发生；解决前请记录原因（recordRepeatRepairCause）或关联纠正预防措施（CB-11）",
    "REC-3: the same repair came back within the repeat window; record its cause (recordRepeatRepairCause) or link it to a corrective action before resolving it (CB-11)",
  ],
  notRepeatRepair: ["该投诉不是重复维修（REC-3）", "The complaint is not a repeated repair (REC-3)"],
  // REC-1: corrective actions
  actionCategoryUnknown: ["该类别不存在", "No such category"],
  actionOpenForbidden: [
    "纠正预防措施由主管发起（REC-1，000 §7 4.9.2）",
    "Corrective actions are opened by a supervisor (REC-1, 000 §7 4.9.2)",
  ],
  actionDuePast: ["完成期限须在将来", "The due date must be in the future"],
  actionComplaintsNeeded: ["{trigger} 类措施须列出其针对的投诉", "An action for {trigger} names the complaints it answers"],
  actionWorkForbidden: ["措施由其责任人或主管处理（REC-1）", "An action is worked on by its owner or a supervisor (REC-1)"],
  actionVerifyElsewhere: ["效果验证请使用 recordCorrectiveActionEffect", "The effect is verified with recordCorrectiveActionEffect"],
  actionCloseForbidden: ["措施由主管关闭（REC-1）", "A supervisor closes an action (REC-1)"],
  actionReworkMeasures: ["重新整改无效的措施须提出新的措施", "Reworking an ineffective action needs new measures"],
  actionReworkDue: ["重新整改无效的措施须给出新的完成期限", "Reworking an ineffective action needs a new due date"],
  actionNotCovering: ["该措施未涵盖此投诉", "The action does not cover this complaint"],
  actionKeepsComplaint: ["{trigger} 类措施至少保留一件投诉", "An action for {trigger} keeps at least one complaint"],
  actionNothingToChange: ["没有需要修改的内容", "Nothing to change"],
  actionVerifyForbidden: ["措施的效果由主管验证（REC-1）", "A supervisor verifies the effect of an action (REC-1)"],
  actionTooManyComplaints: ["每次最多 500 件投诉", "At most 500 complaints per change"],
  actionComplaintNotInScope: ["该投诉不存在或不在您的管辖范围内", "No such complaint in your scope"],
  actionComplaintDuplicate: [
    "投诉 {no} 是重复投诉，请关联其首次投诉（INT-4）",
    "Complaint {no} is a duplicate; link its first report (INT-4)",
  ],
  actionComplaintOtherEstate: ["投诉 {no} 与措施不属于同一项目", "Complaint {no} is of another estate than the action"],
  actionEstateNotInScope: ["该项目不存在或不在您的管辖范围内", "No such estate in your scope"],
  actionEstateNeeded: [
    "请指定措施所属的项目（全公司范围的措施由公司层面人员发起）",
    "Name the estate of the action (company-wide actions are for company-level staff)",
  ],
  actionOwnerOnEstate: [
    "责任人须为在该措施所属项目工作的在职员工",
    "The owner must be an active staff member working on the action's estate",
  ],
  actionOwnerActive: ["责任人须为在职员工", "The owner must be an active staff member"],
  // REC-1: the state machine's refusals (domain/recurrence/corrective-action-workflow.ts)
  actionStepNotPossible: ["{from} 状态下不能执行 {step}；可执行：{allowed}", "{step} is not possible from {from}; possible: {allowed}"],
  actionVerifyNotYet: [
    "措施实施完成后或到期后（{due}）方可验证效果",
    "the effect is verified once the measures are implemented or after the due date ({due})",
  ],
  actionContentFrozen: [
    "{from} 状态的措施内容已冻结（验证的是已实施的内容）；无效的措施请重新整改（REWORK）",
    "the content of a {from} action is frozen (what was implemented is what is verified); an ineffective one is reworked (REWORK)",
  ],
  actionLinksFinal: ["已关闭措施的关联投诉不能再更改", "a closed action's complaints are final"],
  // REC-4: the case library
  caseCompileForbidden: [
    "典型案例由客服部门和各级主管编写（REC-4，002 9.6.1）",
    "Typical cases are compiled by customer service and the managers (REC-4, 002 9.6.1)",
  ],
  caseFromClosedOnly: ["典型案例取自已结束的投诉；此投诉为 {status}", "Cases are compiled from closed complaints; this one is {status}"],
  casePersonalData: ["案例库不得含有个人信息（SEC-1）：请删除{what}", "The case library holds no personal data (SEC-1): remove {what}"],
  caseTagTooLong: ["每个标签最多 30 个字符", "a tag has at most 30 characters"],
  caseTooManyTags: ["最多 20 个标签", "at most 20 tags"],
} as const satisfies Record<string, Bilingual>;
