import type { Bilingual } from "../bilingual.ts";

/**
 * Messages of company administration (issue 17): roles. [zh, en], `{name}` placeholders
 * (i18n/messages.ts merges the areas). Keys are unique across areas; an input error's stable code
 * is its key in upper snake case.
 */
export const adminRolesMessages = {
  // The limits of the role permission matrix (domain/access/role-limits.ts); {role} is the role's
  // name, {permission} the API's enum name of the permission.
  roleLimitsViolated: [
    "角色权限的修改超出了允许的范围（{count} 处），未保存：{details}",
    "The change breaks {count} limit(s) of the role permissions; nothing was saved: {details}",
  ],
  roleLimitExecutive: [
    "{role}须保留 {permission}：总经理可知悉一切，并且只有总经理能指定绝密知悉人、批准绝密导出",
    "{role} must keep {permission}: the executive may know everything, and only the executive designates TOP_SECRET readers and approves TOP_SECRET exports",
  ],
  roleLimitAuditorReads: [
    "{role}须保留 {permission}：访问日志和管理变更记录由审计员查阅",
    "{role} must keep {permission}: the access log and the change log are read by the auditor",
  ],
  roleLimitAuditorReadOnly: [
    "{role}不能获得 {permission}：审计员只读，不能参与被审计的操作",
    "{role} cannot be given {permission}: the auditor only reads, and takes no part in what is audited",
  ],
  roleLimitLiaison: [
    "{role}不能获得 {permission}：开发商联络人只能看到转交开发商的投诉",
    "{role} cannot be given {permission}: the developer liaison sees only complaints forwarded to the developer",
  ],
  roleLimitAnalyst: [
    "{role}不能获得 {permission}：数据分析员使用已遮蔽个人信息的数据",
    "{role} cannot be given {permission}: the analyst works on figures with personal data masked",
  ],
  roleLimitSupervisors: [
    "{role}不能获得 {permission}：密级指定和审批只能由主管决定",
    "{role} cannot be given {permission}: classifying, designating and deciding approvals are a supervisor's",
  ],
  roleLimitWriteNeedsRead: [
    "{role}有修改权限时也须有 {permission}",
    "{role} needs {permission} together with the matching write permission",
  ],
  roleLimitLockout: [
    "至少须有一个仍有在职人员的角色保留 {permission}，否则将无人能管理账号和角色权限",
    "At least one role held by an active person must keep {permission}, or nobody could administer accounts and roles again",
  ],
  roleLimitBeyondEditor: [
    "您本人没有 {permission}，不能把它授予{role}",
    "You do not hold {permission} yourself, so you cannot give it to {role}",
  ],
  // Role names in messages (SPEC §2).
  roleFrontDesk: ["前台接待", "the front desk"],
  rolePropertyAssistant: ["物业助理", "the property assistant"],
  roleServiceRep: ["客服代表", "the service representative"],
  roleDepartmentHead: ["部门负责人", "the department head"],
  roleOfficeDirector: ["管理处主任", "the office director"],
  roleAnalyst: ["数据分析员", "the analyst"],
  roleCompanyManager: ["公司经理", "the company manager"],
  roleManagementRep: ["管理者代表", "the management representative"],
  roleExecutive: ["总经理", "the executive"],
  roleDeveloperLiaison: ["开发商联络人", "the developer liaison"],
  roleAuditor: ["审计员", "the auditor"],
  roleAdmin: ["系统管理员", "the administrator"],
  // The change log (schema/admin/changes.ts).
  changedBySystem: ["系统（命令行或定时任务）", "The system (command line or scheduled job)"],
} as const satisfies Record<string, Bilingual>;
