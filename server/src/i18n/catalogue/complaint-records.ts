import type { Bilingual } from "../bilingual.ts";

/**
 * Messages of the complaint records area (claims WF-6, evidence INT-2, hotline recordings INT-6,
 * daily review WF-8), [zh, en], `{name}` placeholders (i18n/messages.ts merges the areas). Keys are
 * unique across areas; an input error's stable code is its key in upper snake case. No message
 * quotes a protected value (SEC-1): only ids, states, sizes and media types.
 */
export const complaintRecordsMessages = {
  // The Decimal scalar (schema/scalars/decimal.ts): money amounts, exact.
  badDecimal: [
    "金额无效：须为十进制数，如 1234.50（整数部分最多 12 位，不用指数形式）",
    "Not a decimal amount: write it like 1234.50 (at most 12 integer digits, no exponent)",
  ],

  // ---- claims (WF-6, 002 8.1.7, 9.4) ----
  claimStepNotPossible: [
    "索赔当前状态为 {from}，不能执行 {action}；可执行：{allowed}",
    "{action} is not possible from {from}; possible: {allowed}",
  ],
  claimNeedsLegalConsultation: [
    "提交赔偿方案前须先经过法律咨询（WF-6，002 8.1.7）",
    "a claim needs legal consultation before its plan is submitted (WF-6, 002 8.1.7)",
  ],
  claimStepNeedsNote: ["{action} 须填写说明：{what}", "{action} needs a note: {what}"],
  claimRejectionReason: ["驳回方案的理由", "why the plan is rejected"],
  claimCustomerObjection: ["客户不同意的内容", "what the customer objects to"],
  claimApproverRoles: ["索赔须由以下角色批准：{roles}（WF-6）", "A claim is approved by: {roles} (WF-6)"],
  claimOwnApproval: ["任何人不得批准自己发起的索赔（WF-6）", "Nobody approves a claim they opened (WF-6)"],
  claimCaseForbidden: ["您无权知悉此索赔所属的案件（SEC-2）", "Not entitled to this claim's case (SEC-2)"],
  claimOnInvalidComplaint: ["无效投诉不产生索赔（CLS-1）", "An invalid complaint gives rise to no claim (CLS-1)"],
  claimInProgress: ["该投诉已有进行中的索赔，请继续处理该索赔", "The complaint already has a claim in progress; continue that one"],
  claimAmountFormat: [
    "金额须为以元计的数字，最多两位小数，如 1200.50",
    "amount must be a decimal number of yuan with at most 2 decimals, e.g. 1200.50",
  ],
  claimAmountPositive: ["金额须大于 0", "amount must be greater than 0"],
  claimPaidInFuture: ["支付时间不能晚于当前时间", "paidAt cannot be in the future"],

  // ---- evidence and stored files (INT-2) ----
  attachmentTooLarge: ["文件超过 {mb} MB 的上限", "The file is larger than the limit of {mb} MB"],
  attachmentNotBase64: ["须为 base64 编码的文件内容", "{field} must be the file's bytes in base64"],
  attachmentEmpty: ["文件为空", "The file is empty"],
  attachmentMimeFormat: ["文件类型须为媒体类型，如 image/jpeg", "mimeType must be a media type such as image/jpeg"],
  archiveDocumentNotEvidence: [
    "ARCHIVE_DOCUMENT 属于业主档案（SEC-8），不能作为投诉证据",
    "ARCHIVE_DOCUMENT belongs to an owner's archive (SEC-8), not to a complaint",
  ],
  attachmentMimeNotAccepted: ["{kind} 类证据不接受 {mime} 类型的文件", "{mime} is not accepted for {kind} evidence"],
  attachmentContentMismatch: ["文件内容不是 {mime} 格式", "The content is not a {mime} file"],
  attachmentFileName: [
    "文件名须为单纯的文件名（不含目录或控制字符）",
    "fileName must be a plain file name (no folders or control characters)",
  ],

  // ---- hotline recordings (INT-6) ----
  recordingStartedInFuture: ["通话开始时间不能晚于当前时间", "startedAt cannot be in the future"],
  recordingDuration: ["通话时长须在 1 至 86400 秒之间", "durationSeconds must be between 1 and 86400"],
  recordingCallerNumber: [
    "来电号码须为 11 位手机号或固定电话（如 021-58881234）",
    "callerNumber must be a mobile number (11 digits) or a landline such as 021-58881234",
  ],
  recordingComplaintNotInScope: ["您的管辖范围内没有此投诉", "No such complaint in your scope"],
  recordingEstateMismatch: ["该投诉属于另一个楼盘", "The complaint belongs to another estate"],
  recordingPlaceRequired: [
    "请填写通话所属的楼盘或投诉（您的范围限于您的楼盘）",
    "Give the estate or the complaint of the call (your scope is limited to your estates)",
  ],
  recordingArchivedAlready: ["该录音已归档", "The recording is archived already"],
  recordingPurgedAlready: [
    "该录音的音频已在保存期满后删除，无可归档",
    "The recording's audio was purged after its retention period; there is nothing left to archive",
  ],
  recordingChangedMeanwhile: ["该录音已被他人归档或删除", "The recording was archived or purged meanwhile"],

  // ---- records shared by the area ----
  recordsEstateNotInScope: ["您的管辖范围内没有此项目", "No such estate in your scope"],

  // ---- daily review (WF-8) ----
  reviewOnlyOpen: ["只审查未结的投诉（WF-8）；此投诉为 {status}", "Only open complaints are reviewed (WF-8); this one is {status}"],
  reviewDuplicate: ["重复投诉随其首次投诉一起审查（INT-4）", "A duplicate is reviewed with its first report (INT-4)"],
  reviewBeforeDay: ["只能在当天或之后审查当天，不能提前", "A day is reviewed on or after that day, not before"],
  reviewReceivedAfterDay: ["该投诉在那天之后才受理", "The complaint was received after that day"],
  reviewNeedsFollowUp: ["当天没有进展：请填写安排的跟进", "No progress that day: note the follow-up arranged"],
  reviewDoneAlready: ["该投诉 {date} 已审查", "The complaint was already reviewed for {date}"],
} as const satisfies Record<string, Bilingual>;
