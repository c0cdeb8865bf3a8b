import { pick, type Message } from "./locale.ts";

/** Display names of the API's enum values, in both languages. */
const LABELS: Record<string, Record<string, Message>> = {
  ComplaintStatus: {
    REGISTERED: ["已登记", "Registered"],
    CLASSIFIED: ["已分类", "Classified"],
    ASSIGNED: ["已派单", "Assigned"],
    PLANNED: ["已定方案", "Planned"],
    IN_PROGRESS: ["处理中", "In progress"],
    FORWARDED_TO_DEVELOPER: ["已转开发商", "With developer"],
    RESOLVED: ["已解决", "Resolved"],
    CONFIRMED: ["已确认", "Confirmed"],
    VERIFIED: ["已回访", "Verified"],
    REOPENED: ["已重开", "Reopened"],
    INVALID: ["无效", "Invalid"],
  },
  ComplaintSeverity: {
    GENERAL: ["一般", "General"],
    IMPORTANT: ["重要", "Important"],
    MAJOR: ["重大", "Major"],
  },
  ComplaintKind: {
    CLAIM: ["索赔", "Claim"],
    ENGINEERING: ["工程", "Engineering"],
    ENQUIRY: ["咨询", "Enquiry"],
    MUNICIPAL: ["市政", "Municipal"],
    SERVICE: ["服务", "Service"],
    SUGGESTION: ["建议", "Suggestion"],
    WARRANTY: ["保修", "Warranty"],
  },
  ComplaintChannel: {
    CALLBACK: ["回访", "Callback"],
    DEPARTMENT: ["部门转办", "Department"],
    FAX: ["传真", "Fax"],
    LETTER: ["信函", "Letter"],
    PHONE: ["电话", "Phone"],
    SURVEY: ["调查", "Survey"],
    VISIT: ["来访", "Walk-in"],
    WEB: ["网络", "Web"],
  },
  Classification: {
    INTERNAL: ["内部", "Internal"],
    SECRET: ["秘密", "Secret"],
    CONFIDENTIAL: ["机密", "Confidential"],
    TOP_SECRET: ["绝密", "Top secret"],
  },
  CallbackMethod: {
    PHONE: ["电话", "Phone"],
    IN_PERSON: ["上门", "In person"],
    APPOINTMENT: ["预约面谈", "By appointment"],
    LETTER: ["信函", "Letter"],
  },
  CallbackStatus: {
    PLANNED: ["待回访", "Planned"],
    DONE: ["已回访", "Done"],
    NOT_REACHED: ["未联系上", "Not reached"],
    CANCELLED: ["已取消", "Cancelled"],
  },
  CallbackKind: {
    COMPLAINT: ["投诉回访", "Complaint"],
    REPAIR: ["维修回访", "Repair"],
    PERIODIC: ["定期回访", "Periodic"],
    SAMPLING: ["抽样回访", "Sampling"],
    EVENT: ["活动回访", "Event"],
    SURVEY_FOLLOWUP: ["问卷跟进", "Survey follow-up"],
    VISIT: ["走访回访", "Visit"],
  },
  VisitKind: {
    ROUTINE: ["日常走访", "Routine"],
    DOOR_TO_DOOR: ["逐户走访", "Door to door"],
    HOLIDAY: ["节日走访", "Holiday"],
    MOVE_IN: ["入住走访", "Move-in"],
    EMERGENCY: ["突发事件走访", "Emergency"],
    COMMERCIAL: ["商户走访", "Commercial tenant"],
    AREA: ["区域走访", "Area"],
  },
  VisitPlanStatus: { DRAFT: ["草稿", "Draft"], ACTIVE: ["进行中", "Active"], REVIEWED: ["已审核签字", "Reviewed and signed"] },
  StaffRole: {
    ADMIN: ["系统管理员", "Administrator"],
    ANALYST: ["分析员", "Analyst"],
    AUDITOR: ["审计", "Auditor"],
    COMPANY_MANAGER: ["公司经理", "Company manager"],
    DEPARTMENT_HEAD: ["部门负责人", "Department head"],
    DEVELOPER_LIAISON: ["开发商联络人", "Developer liaison"],
    EXECUTIVE: ["总经理", "Executive"],
    FRONT_DESK: ["前台", "Front desk"],
    MANAGEMENT_REP: ["管理者代表", "Management representative"],
    OFFICE_DIRECTOR: ["管理处主任", "Office director"],
    PROPERTY_ASSISTANT: ["物业助理", "Property assistant"],
    SERVICE_REP: ["客服专员", "Service representative"],
  },
};

/** The values of an enum, in the order listed here (for editors that offer them). */
export function values(type: string): string[] {
  return Object.keys(LABELS[type] ?? {});
}

/** The label of an enum value; unknown values show as they are, never blank. */
export function label(type: keyof typeof LABELS | string, value: string | null | undefined): string {
  if (value == null) return "";
  const m = LABELS[type]?.[value];
  return m ? pick(m) : value;
}
