import { type Message, pick, translator } from "../../i18n/locale.ts";

/** Issue 17: the role permission matrix page's words, in both languages. */
export const t = translator({
  title: ["角色权限", "Role permissions"],
  intro: [
    "每个角色默认拥有系统规定的权限；公司可以在允许的范围内调整。修改在相关账号的下一次操作时生效，并记入变更记录。",
    "Each role starts with the standard permissions; the company may adjust them within the limits. A change applies at the accounts' next request and is kept in the change log.",
  ],
  readOnly: ["您可以查看，但不能修改角色权限。", "You can read the role permissions but not change them."],
  permission: ["权限", "Permission"],
  role: ["角色", "Role"],
  save: ["保存", "Save"],
  saving: ["保存中…", "Saving…"],
  reset: ["恢复默认", "Reset to defaults"],
  saved: ["已保存", "Saved"],
  customized: ["已调整", "Adjusted"],
  standard: ["默认", "Default"],
  unsaved: ["有未保存的修改", "Unsaved changes"],
  conflict: [
    "该角色刚被他人修改，已重新加载，请再次确认您的修改。",
    "Someone else changed this role just now; it was reloaded — check your change again.",
  ],
  violations: ["未保存：{role}的修改超出了允许的范围", "Not saved: the change of {role} breaks the limits"],
  required: ["必须保留", "Must keep"],
  forbidden: ["不可授予", "Cannot be given"],
  notYours: ["非您所有", "Not yours"],
  legend: [
    "浅蓝底色：该角色默认拥有的权限。灰色不可选的格子由规则固定，悬停可见原因。",
    "Light blue: the role's default permissions. Greyed cells are fixed by a rule; hover to see why.",
  ],
  pickRole: ["选择角色", "Choose a role"],
  lastChange: ["最近修改：{who}，{when}", "Last changed by {who}, {when}"],
  changeLog: ["查看变更记录", "See the change log"],
});

/** SPEC §2's permissions: a short name and what it allows (help text). */
export const PERMISSION_TEXT: Record<string, { name: Message; meaning: Message }> = {
  COMPLAINTS_READ: {
    name: ["查看投诉", "Read complaints"],
    meaning: ["查看投诉及其处理记录（仍受知悉范围限制）", "Read complaints and their case records (need-to-know still applies)"],
  },
  COMPLAINTS_WRITE: {
    name: ["登记处理投诉", "Handle complaints"],
    meaning: ["登记、分派、处理、回访投诉", "Register, assign, handle and follow up complaints"],
  },
  CUSTOMERS_READ: {
    name: ["查看客户", "Read customers"],
    meaning: ["查看客户档案，个人信息遮蔽显示", "Read customer records with personal data masked"],
  },
  CUSTOMERS_WRITE: {
    name: ["修改客户", "Amend customers"],
    meaning: ["修改客户档案，原值保留在历史中", "Amend customer records; the previous values stay in the history"],
  },
  PERSONAL_DATA_READ: {
    name: ["查看个人信息", "Read personal data"],
    meaning: ["在有权知悉时查看未遮蔽的个人信息，每次查看均记录", "Read personal data unmasked where entitled; every read is logged"],
  },
  REPORTS_READ: { name: ["查看报表", "Read reports"], meaning: ["查看统计报表和指标", "Read reports and figures"] },
  AUDIT_READ: {
    name: ["审计查阅", "Audit"],
    meaning: ["查阅访问日志、审批记录和管理变更记录", "Read the access log, approvals and the administrative change log"],
  },
  APPROVALS_DECIDE: {
    name: ["审批", "Decide approvals"],
    meaning: ["审批查阅、复制、导出档案的申请", "Decide requests to read, copy or export archives"],
  },
  CLASSIFICATION_MANAGE: {
    name: ["密级管理", "Classification"],
    meaning: ["确定记录密级并指定知悉人", "Classify records and designate who may know them"],
  },
  GOVERNMENT_DISCLOSE: {
    name: ["政府查询", "Government inquiries"],
    meaning: ["登记政府部门查询并向其提供资料", "Register government inquiries and disclose to them"],
  },
  ARCHIVES_CHECK: {
    name: ["档案检查", "Archive checks"],
    meaning: ["每半年检查业主档案是否齐全", "Run the six-monthly archive completeness checks"],
  },
  TOKENS_MANAGE: {
    name: ["API 令牌", "API tokens"],
    meaning: ["为服务账号签发和撤销 API 令牌", "Issue and revoke API tokens of service accounts"],
  },
  CATEGORIES_MANAGE: { name: ["投诉类别", "Categories"], meaning: ["维护投诉类别树", "Maintain the complaint category tree"] },
  POLICIES_MANAGE: {
    name: ["政策与日历", "Policies and calendars"],
    meaning: ["设置时限、目标等政策值和工作日历", "Set policy values (time limits, targets) and working calendars"],
  },
  ACCOUNTS_MANAGE: {
    name: ["账号管理", "Accounts"],
    meaning: [
      "管理员工账号、部门、密码、会话和角色权限",
      "Administer staff accounts, departments, passwords, sessions and role permissions",
    ],
  },
  PLACES_MANAGE: {
    name: ["场所管理", "Places"],
    meaning: ["管理项目、管理处、楼栋、单元和住户", "Administer estates, offices, buildings, units and households"],
  },
};

/** Why a cell is fixed (the server's RoleLimitRule), for the hint next to it. */
export const RULE_TEXT: Record<string, Message> = {
  EXECUTIVE_KNOWS_EVERYTHING: [
    "总经理可知悉一切，并负责指定绝密知悉人和批准绝密导出",
    "The executive may know everything, designates TOP_SECRET readers and approves TOP_SECRET exports",
  ],
  AUDITOR_READS_AUDIT: ["访问日志和变更记录由审计员查阅", "The access log and the change log are read by the auditor"],
  AUDITOR_READ_ONLY: ["审计员只读，不参与被审计的操作", "The auditor only reads and takes no part in what is audited"],
  LIAISON_FORWARDED_ONLY: ["开发商联络人只能看到转交开发商的投诉", "The developer liaison sees only complaints forwarded to the developer"],
  ANALYST_MASKED: ["数据分析员使用已遮蔽个人信息的数据", "The analyst works on figures with personal data masked"],
  SUPERVISORS_ONLY: ["密级指定和审批只能由主管决定", "Classifying, designating and approvals are a supervisor's"],
  WRITE_NEEDS_READ: ["有修改权限时也须有查看权限", "A write permission needs its read permission"],
  ACCOUNTS_LOCKOUT: ["须有在职人员保留账号管理权限", "Someone active must keep the accounts permission"],
  BEYOND_EDITOR: ["您本人没有此权限，不能授予", "You do not hold this permission, so you cannot give it"],
};

export const permissionName = (p: string) => (PERMISSION_TEXT[p] ? pick(PERMISSION_TEXT[p].name) : p);
export const permissionMeaning = (p: string) => (PERMISSION_TEXT[p] ? pick(PERMISSION_TEXT[p].meaning) : "");
export const ruleText = (r: string) => (RULE_TEXT[r] ? pick(RULE_TEXT[r]) : r);

export { useTitle } from "../../app/title.ts";
