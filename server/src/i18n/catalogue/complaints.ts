import type { Bilingual } from "../bilingual.ts";

/**
 * Messages of the complaints area, [zh, en], `{name}` placeholders (i18n/messages.ts merges the areas).
 * Keys are unique across areas; an input error's stable code is its key in upper snake case.
 */
export const complaintsMessages = {
  // SEC-2: handling a case means knowing it.
  complaintCaseForbidden: [
    "您不能处理此投诉（密级或知悉需要不符）",
    "You may not handle this complaint (its classification or your need to know)",
  ],
  // INT-1…INT-4: registering a complaint.
  intakeNoHousehold: ["您的管辖项目内没有此住户", "No such household in your estates"],
  intakePlaceRequired: ["请填写住户，或公共区域所在的项目和位置", "Give the household, or the estate and a location for a public area"],
  intakeNoEstate: ["您的管辖范围内没有此项目", "No such estate in your scope"],
  intakeLocationRequired: ["公共区域的投诉须填写位置", "A public-area complaint needs its location"],
  intakeReceivedAtFuture: ["受理时间不能晚于当前时间", "receivedAt cannot be in the future"],
  intakeAnonymousWithComplainant: [
    "匿名投诉不能填写投诉人姓名、联系方式或档案",
    "An anonymous complaint has no complainant name, contact or archive entry",
  ],
  intakeComplainantRequired: ["请填写投诉人姓名，或将投诉标记为匿名", "Give the complainant's name, or mark the complaint anonymous"],
  intakeBadContact: [
    "联系电话须为手机号（11 位）或固定电话（如 021-58881234）",
    "complainantContact must be a mobile number (11 digits) or a landline such as 021-58881234",
  ],
  intakeNoCustomer: ["您的管辖项目内没有此客户", "No such customer in your estates"],
  intakeNoCategory: ["没有此二级类别", "No such second-level category"],
  intakeNoFirstReport: [
    "您的管辖范围内没有此首次投诉（重复投诉须关联首次投诉，而非另一条重复投诉）",
    "No such first report in your scope (a duplicate links to the first report, not to another duplicate)",
  ],
  intakeDuplicatePlace: ["请填写住户，或项目和位置", "Give the household, or the estate and the location"],
  intakeDuplicatesForbidden: ["重复投诉提示属于投诉登记功能", "Duplicate suggestions are part of registering complaints"],
  // CLS-1…CLS-4: classifying a complaint.
  classifyKindRequired: ["有效投诉须填写投诉性质 (CLS-2)", "A valid complaint needs its kind (CLS-2)"],
  classifyCategoryRequired: ["有效投诉须选择二级类别 (CLS-4)", "A valid complaint needs a second-level category (CLS-4)"],
  classifyNoCategory: ["没有此启用中的二级类别", "No such active second-level category"],
  classifySubjectBoth: [
    "投诉对象是员工或管理处/部门，不能同时是两者",
    "A complaint is about an employee or about an office/department, not both",
  ],
  classifyNoEmployee: ["没有此员工", "No such employee"],
  classifyNoDepartment: ["没有此部门", "No such department"],
  classifySubjectService: [
    "只有服务质量类投诉才针对员工或部门 (CLS-2)",
    "Only a service-quality complaint is about an employee or a department (CLS-2)",
  ],
  classifyLowerMajor: ["只有主管可以降低重大投诉的严重程度 (CLS-3)", "Only a supervisor lowers the severity of a major complaint (CLS-3)"],
  classifyNotReclassifiable: ["状态为 {status} 的投诉不能重新分类", "A {status} complaint cannot be reclassified"],
  // SPEC §5, WF-1: forwarding and assigning.
  handlingForwardClosed: [
    "投诉已处于 {status} 状态，不能再转服务中心",
    "Forwarding to the service centre is not possible once the complaint is {status}",
  ],
  handlingPauseClosed: ["投诉已处于 {status} 状态，不能暂停计时", "Pausing the clock is not possible once the complaint is {status}"],
  handlingAlreadyAtServiceCentre: ["该投诉自 {since} 起已在服务中心", "Already at the service centre since {since}"],
  assignLeadAssists: ["主办部门不能同时是协办部门", "The lead department cannot also assist"],
  assignNoDepartment: ["没有此启用中的部门", "No such active department"],
  assignNoAssistingDepartment: ["协办部门中有不存在或已停用的部门", "No such active department among the assisting ones"],
  assignSeveralDepartments: [
    "多部门处理的投诉由服务中心协调 (WF-1)",
    "Complaints handled by several departments are coordinated by the service centre (WF-1)",
  ],
  // WF-2, WF-3: plans and promises.
  planByLeadDepartment: [
    "处理方案由责任（主办）部门或主管制定 (WF-2)",
    "The plan is made by the responsible (lead) department or a supervisor (WF-2)",
  ],
  planPromiseInFuture: ["承诺完成时间必须晚于当前时间", "The promised time must be in the future"],
  planNoneUnconfirmed: ["没有待确认的处理方案", "There is no unconfirmed plan"],
  planConfirmers: [
    "处理方案由服务中心、管理处主任或公司领导确认 (WF-2)",
    "Plans are confirmed by the service centre, the office director or company leadership (WF-2)",
  ],
  planNotByAuthor: ["处理方案须由制定人以外的人员确认 (WF-2)", "A plan is confirmed by someone other than its author (WF-2)"],
  planCommunicatedAt: [
    "告知投诉人的时间须在方案制定之后，且不能晚于当前时间",
    "The complainant was told after the plan was recorded and not in the future",
  ],
  // WF-4: the complainant's confirmation.
  confirmAt: ["确认时间须在处理完成之后，且不能晚于当前时间", "Confirmed after the resolution and not in the future"],
  confirmWho: ["请填写确认人姓名", "Who confirmed? Give the name"],
  confirmSignatureRequired: ["签字确认须附已签字的处理单 (WF-4)", "A confirmation by signature needs the signed form (WF-4)"],
  confirmNoSignature: ["此投诉没有该编号的签字附件", "No signature attached to this complaint with that id"],
  confirmRecordingRequired: ["电话确认须有录音 (WF-4)", "A confirmation by phone needs the recorded consent (WF-4)"],
  confirmNoRecording: ["此投诉没有该编号的录音", "No recording of this complaint with that id"],
  confirmOnlyResolved: ["只有已处理完成的投诉才能由投诉人确认", "Only a resolved complaint is confirmed by the complainant"],
  // §6: the SLA clock.
  clockAlreadyPaused: ["计时已暂停", "The clock is already paused"],
  clockNotPaused: ["计时未暂停", "The clock is not paused"],
  // WF-5: the developer.
  developerDeadlinePassed: [
    "开发商答复期限已于 {deadline} 届满：视为接受 (WF-5)",
    "The developer's deadline passed at {deadline}: the complaint is deemed accepted (WF-5)",
  ],
  // WF-7: escalations.
  escalateClosed: ["状态为 {status} 的投诉不能升级", "A {status} complaint is not escalated"],
  escalationDecider: ["只有被升级至的主管或公司经理可以决定", "Only the supervisor it was escalated to, or a company manager, decides"],
  escalationDecided: ["已作出决定", "Already decided"],
  // WF-7, issue 16: an automatic escalation's reason, stored as this key and its parameters
  // (complaint_escalations.reason_code / reason_params) and rendered when read: instants in the
  // estate's local time, the SLA limit in words (timeline.ts slaLimit…), the earlier complaint of a
  // REC-3 repeat named only to a reader who may read it (SEC-2, earlierComplaint…).
  escalationSlaBreach: ["{limit}超时（{rule}{round}，时限 {deadlineAt}）", "Time limit missed: {limit} ({rule}{round}, due {deadlineAt})"],
  escalationRepeatRepair: [
    "REC-3 同一维修 {days} 天内重复发生（{earlier}）：升级一级，责任经理上门回访并分析原因、制定纠正措施（CB-11）",
    "REC-3 the repair recurred within {days} days ({earlier}): escalated one level; the responsible manager calls in person, finds the cause and sets corrective action (CB-11)",
  ],
  escalationMajorReported: ["重大投诉，报管理者代表（CLS-3）", "Major complaint, reported to the management representative (CLS-3)"],
  // SEC-6: amendments.
  amendContentEmpty: ["投诉内容不能为空", "content must not be empty"],
  amendNothing: ["没有需要修改的内容", "Nothing to amend"],
  amendNotEntitled: ["您无权查看此投诉的受保护字段", "Not entitled to this complaint's protected fields"],
  // INT-5: acknowledgements.
  ackNotWritten: [
    "INT-5 只对书面投诉（信件、传真、网络）确认收悉；此投诉经 {channel} 受理，已当场确认",
    "INT-5 acknowledges written complaints (letter, fax, web); this one came by {channel}, where the receipt is acknowledged on the spot",
  ],
  ackSentAtFuture: ["确认时间不能晚于当前时间", "sentAt cannot be in the future"],
  ackSentAtBeforeReceipt: ["确认时间不能早于投诉受理时间", "sentAt cannot be before the complaint was received"],
  // SPEC §5: the state machine's refusals (domain/complaints/workflow.ts).
  workflowNotFrom: ["当前状态 {from} 不能执行 {action}；可执行：{possible}", "{action} is not possible from {from}; possible: {possible}"],
  workflowClassifiedAlready: ["该投诉已分类为有效（请改为重新分类）", "the complaint is classified valid already (reclassify it instead)"],
  workflowInvalidBeforeAssign: [
    "无效投诉须先分类为有效才能分派 (CLS-1)",
    "an invalid complaint is classified valid before it is assigned (CLS-1)",
  ],
  workflowDeveloperOnlyWarranty: [
    "只有保修期内或开发商遗留的缺陷才转开发商 (WF-5)",
    "only in-warranty or developer-legacy defects go to the developer (WF-5)",
  ],
  workflowNoteRequired: ["{action} 须填写说明：{what}", "{action} needs a note: {what}"],
  // The ledger by offset (complaintPage).
  pageOffset: ["offset 须为 0 或以上", "offset must be 0 or more"],
  pageLimit: [
    "limit 须在 1 至 {max} 之间；更多行请用更大的 offset 获取",
    "limit must be between 1 and {max}; ask for further rows with a larger offset",
  ],
  // §6: attainment.
  slaPeriod: ["结束时间 to 须晚于开始时间 from", "`to` must be after `from`"],
} as const satisfies Record<string, Bilingual>;
