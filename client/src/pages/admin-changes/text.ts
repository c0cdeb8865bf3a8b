import { type Message, pick, translator } from "../../i18n/locale.ts";

/** Issue 17: the administrative change log page's words, in both languages. */
export const t = translator({
  title: ["管理变更记录", "Administrative changes"],
  intro: [
    "每一项管理变更：谁、何时、改了什么，修改前后的值。记录只增不改。",
    "Every administrative change: who, when, what, and the values before and after. Entries are never altered.",
  ],
  entity: ["对象", "What"],
  anyEntity: ["全部", "All"],
  role: ["角色", "Role"],
  anyRole: ["全部角色", "All roles"],
  from: ["起始日期", "From"],
  to: ["截止日期（含）", "To (inclusive)"],
  total: ["共 {n} 条", "{n} changes"],
  none: ["没有符合条件的变更", "No changes match"],
  more: ["加载更多", "Load more"],
  by: ["{who} · {when}", "{who} · {when}"],
  yes: ["是", "Yes"],
  no: ["否", "No"],
  empty: ["（无）", "(none)"],
  added: ["新增", "Added"],
  removed: ["移除", "Removed"],
  record: ["记录 {id}", "Record {id}"],
  clear: ["清除筛选", "Clear filters"],
});

export const ENTITY_TEXT: Record<string, Message> = {
  ORGANIZATION: ["组织", "Organisation"],
  ESTATE: ["项目", "Estate"],
  OFFICE: ["管理处", "Office"],
  BUILDING: ["楼栋", "Building"],
  UNIT: ["单元", "Unit"],
  HOUSEHOLD: ["住户", "Household"],
  DEPARTMENT: ["部门", "Department"],
  STAFF: ["员工账号", "Staff account"],
  ROLE: ["角色权限", "Role permissions"],
  PASSWORD: ["密码", "Password"],
  SESSION: ["登录会话", "Session"],
  CATEGORY: ["投诉类别", "Category"],
  CALENDAR: ["工作日历", "Calendar"],
  POLICY_VALUE: ["政策值", "Policy value"],
  OTHER: ["其他", "Other"],
};

export const ACTION_TEXT: Record<string, Message> = {
  CREATE: ["新建", "Created"],
  UPDATE: ["修改", "Changed"],
  DEACTIVATE: ["停用", "Deactivated"],
  REACTIVATE: ["重新启用", "Reactivated"],
  DELETE: ["删除", "Removed"],
  RESET_PASSWORD: ["重置密码", "Password reset"],
  CHANGE_PASSWORD: ["修改密码", "Password changed"],
  REVOKE_SESSION: ["撤销会话", "Session revoked"],
  OTHER: ["其他", "Other"],
};

/** Names of the fields the services keep; any other is shown as written. */
const FIELD_TEXT: Record<string, Message> = {
  permissions: ["权限", "Permissions"],
  role: ["角色", "Role"],
  customized: ["已调整（非默认）", "Adjusted (not the defaults)"],
  active: ["启用", "Active"],
  name: ["名称", "Name"],
  displayName: ["姓名", "Name"],
  login: ["登录名", "Login"],
  clearance: ["密级", "Clearance"],
  estateIds: ["项目范围", "Estates"],
  departmentId: ["部门", "Department"],
  allEstates: ["全部项目", "All estates"],
  phone: ["电话", "Phone"],
  email: ["电子邮箱", "E-mail"],
  key: ["政策项", "Policy key"],
  value: ["值", "Value"],
  unit: ["单位", "Unit"],
  clock: ["计时方式", "Clock"],
  effectiveFrom: ["生效自", "In force from"],
  effectiveTo: ["生效至", "In force to"],
  note: ["说明", "Note"],
  estateId: ["项目", "Estate"],
  code: ["编号", "Code"],
  kind: ["类型", "Kind"],
  mustChangePassword: ["须修改密码", "Must change password"],
  version: ["版本", "Version"],
};

export const entityName = (e: string) => pick(ENTITY_TEXT[e] ?? ENTITY_TEXT.OTHER!);
export const actionName = (a: string) => pick(ACTION_TEXT[a] ?? ACTION_TEXT.OTHER!);
export const fieldName = (f: string) => (FIELD_TEXT[f] ? pick(FIELD_TEXT[f]) : f);
