import type { Bilingual } from "../bilingual.ts";

/**
 * What the system says about a timeline event (ComplaintEvent.summary), [zh, en], rendered from the
 * event's kind and `data` (domain/complaints/timeline-summary.ts). Instants are local date-times of
 * the estate's time zone. `{developer}`, `{title}`, `{cause}` and `{measures}` are case content: the
 * renderer masks them for a reader who does not know the case (SEC-2); `{earlier}` names another
 * complaint only to a reader who may read it (earlierComplaint…, SEC-2).
 */
export const timelineMessages = {
  timelineCallbackPlanned: ["第 {sequence} 次回访已安排，{dueAt} 前完成", "Callback #{sequence} scheduled, due by {dueAt}"],
  timelineCallbackPlannedFirst: ["回访已安排，{dueAt} 前完成", "Callback scheduled, due by {dueAt}"],
  timelineCallbackRepeatRepair: [
    "同一维修 30 天内重复发生：由责任经理上门回访（CB-11），{dueAt} 前完成",
    "Repair repeated within 30 days: the responsible manager calls in person (CB-11), due by {dueAt}",
  ],
  timelineCallbackDisruptive: [
    "扰民维修：上门回访（CB-11），{dueAt} 前完成",
    "Disruptive repair: callback in person (CB-11), due by {dueAt}",
  ],
  timelineDepartmentNotified: ["已通知责任部门（CB-7）", "The responsible department was notified (CB-7)"],
  timelineDeemedAccepted: [
    "开发商未在时限内答复，于 {at} 视为默认；由管理部先行施工，费用由开发商承担",
    "The developer did not answer in time and was deemed to accept at {at}; management starts the work at the developer's cost",
  ],
  timelineSlaOverdue: [
    "{limit}超时（{rule}{round}，时限 {deadlineAt}），升级至第 {level} 级",
    "Time limit missed: {limit} ({rule}{round}, due {deadlineAt}); escalated to level {level}",
  ],
  timelineRepeatRepairEscalated: [
    "REC-3 同一维修 {days} 天内重复发生（{earlier}）：升级至第 {level} 级，责任经理上门回访并分析原因、制定纠正措施（CB-11）",
    "REC-3 the repair recurred within {days} days ({earlier}): escalated to level {level}; the responsible manager calls in person, finds the cause and sets corrective action (CB-11)",
  ],
  timelineEscalated: ["升级至第 {level} 级", "Escalated to level {level}"],
  timelineCorrectiveLinked: ["纳入纠正预防措施 {no}（REC-1）", "Included in corrective action {no} (REC-1)"],
  timelineCorrectiveUnlinked: ["移出纠正预防措施 {no}（REC-1）", "Removed from corrective action {no} (REC-1)"],
  timelineOpenLetter: ["以公开信答复：{title}（CB-9）", "Answered by open letter: {title} (CB-9)"],
  timelineRecordingArchived: [
    "热线录音作为未解决的特殊事件单独归档",
    "The hotline recording was archived separately as an unresolved special event",
  ],
  timelineMajorReported: ["重大投诉，已报管理者代表（CLS-3）", "Major complaint, reported to the management representative (CLS-3)"],
  timelineDuplicateOf: ["与 {no} 为同一问题", "Same issue as {no}"],
  timelineDuplicateOfUnnamed: ["与此前一宗投诉为同一问题", "Same issue as an earlier complaint"],
  timelineRepeatCause: ["REC-3 原因：{cause}；措施：{measures}", "REC-3 cause: {cause}; measures: {measures}"],
  timelineForwardedToDeveloper: [
    "已转开发商 {developer}，须于 {deadlineAt} 前答复（WF-5）",
    "Forwarded to the developer {developer}; answer due by {deadlineAt} (WF-5)",
  ],
  timelinePromiseRecorded: ["承诺完成时间 {promisedAt}", "Completion promised by {promisedAt}"],
  timelinePromiseChanged: ["承诺完成时间由 {previousAt} 改为 {promisedAt}", "Promised completion moved from {previousAt} to {promisedAt}"],
  timelinePlanCommunicated: [
    "已向客户告知处理方案，承诺完成时间 {promisedAt}",
    "The plan was told to the customer; completion promised by {promisedAt}",
  ],
  timelineAcknowledged: ["已以 {method} 方式确认收到（{sentAt}）", "Receipt acknowledged by {method} ({sentAt})"],
  timelineConfirmed: ["客户确认（{method}）：{verdict}", "The customer confirmed ({method}): {verdict}"],
  timelineSatisfied: ["满意", "satisfied"],
  timelineNotSatisfied: ["不满意", "not satisfied"],
  timelineReopenedByCallback: [
    "回访不满意，投诉重新打开（CB-7）",
    "The customer was dissatisfied at the callback; the complaint is reopened (CB-7)",
  ],
  timelineExemptVerified: ["免回访（CB-8），已附书面答复", "No callback (CB-8): a written reply is on file"],
  timelineCallbackMade: ["第 {sequence} 次回访：{verdict}", "Callback #{sequence}: {verdict}"],
  timelineNotReached: ["未联系上", "not reached"],
  timelineViaDepartment: ["由其他部门转交", "Passed on by another department"],
  timelineForwardedToDeveloperUnnamed: [
    "已转开发商，须于 {deadlineAt} 前答复（WF-5）",
    "Forwarded to the developer; answer due by {deadlineAt} (WF-5)",
  ],
  timelineCallbackExempt: [
    "以书面答复免回访（CB-8），取消 {count} 次回访",
    "Exempt from callbacks by a written reply (CB-8); {count} callbacks cancelled",
  ],
  // REC-3, SEC-2: the earlier complaint of a repeated repair, by number only to a reader who may read it.
  earlierComplaintNamed: ["前次 {no}", "earlier {no}"],
  earlierComplaintUnnamed: ["此前一宗投诉", "an earlier complaint"],
  // SPEC §6: the time limit of a stage (rule and stage), in words, for escalation reasons and the timeline.
  slaLimitSla1: ["转服务中心", "passing it to the service centre"],
  slaLimitSla2: ["送达责任部门", "reaching the responsible department"],
  slaLimitSla3: ["员工投诉反馈", "feedback on a complaint about an employee"],
  slaLimitSla4: ["部门投诉处理", "handling a complaint about an office or department"],
  slaLimitSla5: ["查勘与方案", "site survey and plan"],
  slaLimitSla6: ["承诺完成", "the promised completion"],
  slaLimitSla7Plan: ["保修处理方案", "the warranty plan"],
  slaLimitSla7ToDeveloper: ["转开发商", "forwarding to the developer"],
  slaLimitSla7DeveloperAnswer: ["开发商答复", "the developer's answer"],
  slaLimitSla8Reach: ["送达责任人", "reaching the responsible person"],
  slaLimitSla8ServiceResolve: ["服务投诉解决", "resolving a service complaint"],
  slaLimitSla8RepairAnswer: ["维修答复", "answering a repair"],
  slaLimitSla8ToServiceCentre: ["转服务中心", "passing it to the service centre"],
  slaLimitSla9: ["首次答复", "the first reply"],
  slaLimitSla10: ["确认后回访", "the callback after confirmation"],
  slaLimitSla11: ["维修回访", "the repair callback"],
  slaLimitOther: ["处理时限", "a handling time limit"],
  // WF-4 and SLA-9: how the complainant confirmed, how receipt was acknowledged (the app's labels).
  methodInPerson: ["当面", "in person"],
  methodLetter: ["信函", "by letter"],
  methodPhoneConsent: ["电话录音确认", "recorded phone consent"],
  methodSignature: ["签字", "signature"],
  methodSms: ["短信", "SMS"],
  methodWeb: ["网络", "web"],
  methodPhone: ["电话", "phone"],
  methodEmail: ["电子邮件", "email"],
} as const satisfies Record<string, Bilingual>;
