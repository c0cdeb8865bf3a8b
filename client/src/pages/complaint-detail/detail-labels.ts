import { label } from "../../i18n/labels.ts";
import { pick, type Message } from "../../i18n/locale.ts";

/**
 * Display names of the enum values this page shows beyond the shared ones (i18n/labels.ts):
 * SPEC §6 rules and stages, §5 events, WF-2…WF-6 records, CB-* callbacks, INT-2 evidence.
 */
const LABELS: Record<string, Record<string, Message>> = {
  SlaRule: {
    SLA_1: ["转服务中心", "To the service centre"],
    SLA_2: ["转责任部门", "To the responsible department"],
    SLA_3: ["员工投诉反馈", "Feedback on an employee"],
    SLA_4: ["部门投诉处理", "Office / department complaint"],
    SLA_5: ["查勘与方案", "Site survey and plan"],
    SLA_6: ["承诺完成", "Promised completion"],
    SLA_7: ["保修移交", "Warranty hand-off"],
    SLA_8: ["管理处时限", "Office limits"],
    SLA_9: ["首次答复", "First reply"],
    SLA_10: ["确认后回访", "Callback after confirmation"],
    SLA_11: ["维修回访", "Repair callback"],
    SLA_12: ["月度数据", "Monthly data"],
  },
  SlaSubStage: {
    main: ["", ""],
    promise: ["承诺时间", "promise"],
    reach: ["送达责任人", "reach the responsible person"],
    repair_answer: ["维修答复", "repair answered"],
    service_resolve: ["服务投诉解决", "service complaint resolved"],
    to_service_centre: ["转服务中心", "to the service centre"],
    plan: ["制定方案", "plan"],
    to_developer: ["转开发商", "to the developer"],
    developer_answer: ["开发商答复", "developer answers"],
  },
  SlaStageStatus: {
    RUNNING: ["计时中", "Running"],
    PAUSED: ["已暂停", "Paused"],
    BREACHED: ["已超时", "Breached"],
    MET: ["按时完成", "Met"],
    CANCELLED: ["已取消", "Cancelled"],
  },
  SlaClock: {
    WORKING: ["工作时", "Working hours"],
    WALL: ["自然时", "Wall clock"],
  },
  ComplaintEventKind: {
    ACKNOWLEDGED: ["已确认收悉", "Receipt acknowledged"],
    ASSIGNED: ["派单", "Assigned"],
    ATTACHMENT_ADDED: ["添加附件", "Attachment added"],
    CALLBACK: ["回访", "Callback"],
    CLAIM_UPDATED: ["索赔更新", "Claim updated"],
    CLASSIFIED: ["分类", "Classified"],
    CONFIRMED: ["投诉人确认", "Confirmed by the complainant"],
    DEEMED_ACCEPTED: ["视为开发商接受", "Deemed accepted by the developer"],
    DEVELOPER_ANSWERED: ["开发商答复", "Developer answered"],
    DUPLICATE_LINKED: ["关联重复投诉", "Linked as a duplicate"],
    ESCALATED: ["升级", "Escalated"],
    FORWARDED_TO_DEVELOPER: ["转开发商", "Forwarded to the developer"],
    FORWARDED_TO_SERVICE_CENTRE: ["转服务中心", "Forwarded to the service centre"],
    NOTE: ["备注", "Note"],
    PAUSE: ["暂停计时", "Clock paused"],
    PLAN_RECORDED: ["记录方案", "Plan recorded"],
    PROMISE_CHANGED: ["变更承诺时间", "Promise changed"],
    PROMISE_RECORDED: ["记录承诺时间", "Promise recorded"],
    REGISTERED: ["登记", "Registered"],
    REOPENED: ["重开", "Reopened"],
    REPLIED: ["答复投诉人", "Replied to the complainant"],
    RESUME: ["恢复计时", "Clock resumed"],
    REVIEWED: ["日审", "Daily review"],
    TRANSITION: ["状态变更", "Status changed"],
  },
  Responsibility: {
    COMPANY: ["公司", "Company"],
    CONTRACTOR: ["承包商", "Contractor"],
    CUSTOMER: ["客户自身使用", "Customer's own use"],
    DEVELOPER: ["开发商", "Developer"],
  },
  PlanStatus: {
    DRAFT: ["待确认", "Awaiting confirmation"],
    CONFIRMED: ["已确认", "Confirmed"],
    SUPERSEDED: ["已被替代", "Superseded"],
  },
  ConfirmationMethod: {
    IN_PERSON: ["当面", "In person"],
    LETTER: ["信函", "Letter"],
    PHONE_CONSENT: ["电话录音确认", "Recorded phone consent"],
    SIGNATURE: ["签字", "Signature"],
    SMS: ["短信", "SMS"],
    WEB: ["网络", "Web"],
  },
  AttachmentKind: {
    ARCHIVE_DOCUMENT: ["档案文件", "Archive document"],
    DOCUMENT: ["文件", "Document"],
    OTHER: ["其他", "Other"],
    PHOTO: ["照片", "Photo"],
    RECORDING: ["录音", "Recording"],
    REPLY_LETTER: ["回复函", "Reply letter"],
    SIGNATURE: ["签字", "Signature"],
    VIDEO: ["视频", "Video"],
  },
  ClaimStatus: {
    AGREED: ["客户已同意", "Agreed"],
    APPROVED: ["已批准", "Approved"],
    CLOSED: ["已结案", "Closed"],
    DECLINED_BY_CUSTOMER: ["客户不同意", "Declined by the customer"],
    DRAFT: ["草稿", "Draft"],
    LEGAL_REVIEW: ["法务审核", "Legal review"],
    PAID: ["已赔付", "Paid"],
    PENDING_APPROVAL: ["待审批", "Pending approval"],
    REJECTED: ["已驳回", "Rejected"],
  },
  /** SEC-6: the complaint fields an amendment may change (amendComplaint) and the classification. */
  ComplaintField: {
    complainantContact: ["联系方式", "Contact"],
    complainantName: ["投诉人", "Complainant"],
    content: ["投诉内容", "Content"],
    location: ["位置", "Location"],
    classification: ["密级", "Classification"],
    classifiedUntil: ["密级期限", "Classified until"],
  },
  ExemptReason: {
    ANONYMOUS: ["匿名", "Anonymous"],
    WRITTEN_REPLY_ONLY: ["仅书面答复", "Written reply only"],
  },
};

/** This page's enum labels, falling back to the shared ones, then to the value itself. */
export function detailLabel(type: string, value: string | null | undefined): string {
  if (value == null) return "";
  const m = LABELS[type]?.[value];
  return m ? pick(m) : label(type, value);
}

/** "SLA-6 Promised completion · promise" — the rule's ID as SPEC.md writes it, and its name. */
export function ruleName(rule: string, stage: string): string {
  const sub = detailLabel("SlaSubStage", stage);
  return `${rule.replace("_", "-")} ${detailLabel("SlaRule", rule)}${sub ? ` · ${sub}` : ""}`;
}
