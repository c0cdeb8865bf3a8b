/**
 * The Chinese of the record nouns NotFoundError names ("Complaint" → 投诉). Every other message is
 * a catalogue message (i18n/catalogue/); test/api/error-language.test.ts fails on an error built
 * from a literal English text, and on a noun here that no NotFoundError uses.
 */

/** Record nouns given to NotFoundError. */
export const NOUNS: Readonly<Record<string, string>> = {
  "API token": "API 令牌",
  "Active COPY_ARCHIVE grant": "有效的档案复制授权",
  Approval: "审批申请",
  Building: "楼栋",
  Calendar: "工作日历",
  "Callback issue": "回访问题",
  Callback: "回访",
  Category: "类别",
  Claim: "索赔",
  Complaint: "投诉",
  "Corrective action": "纠正措施",
  Customer: "客户",
  Department: "部门",
  Designation: "知悉人指定",
  Escalation: "升级",
  Estate: "项目",
  "Government inquiry": "政府转办件",
  "Hotline recording": "热线录音",
  Household: "房屋",
  "Nonconformity report": "不符合项报告",
  Office: "管理处",
  "Questionnaire hand-out": "问卷发放记录",
  Questionnaire: "问卷",
  Session: "会话",
  Staff: "员工",
  "Survey campaign": "调查活动",
  "Survey task": "调查任务",
  "Tenants' meeting": "业主座谈会",
  Unit: "单元",
  "Visit plan": "走访计划",
  "Visit record": "走访记录",
};

export function nounZh(english: string): string | undefined {
  return Object.hasOwn(NOUNS, english) ? NOUNS[english] : undefined;
}
