import type { Bilingual } from "../bilingual.ts";

/**
 * Messages of company administration (issue 17): accounts. [zh, en], `{name}` placeholders
 * (i18n/messages.ts merges the areas). Keys are unique across areas; an input error's stable code
 * is its key in upper snake case.
 */
export const adminAccountsMessages = {
  // The gate of a session whose temporary password must be changed (builder.ts).
  passwordChangeRequired: ["请先修改临时密码，然后才能继续使用", "Change your temporary password before doing anything else"],
  // Staff accounts (services/admin/staff.ts).
  staffLoginFormat: [
    "登录名由小写字母、数字、点、连字符或下划线组成（2 至 50 个字符，以字母或数字开头）",
    "login is 2 to 50 lower-case letters, digits, dots, hyphens or underscores, starting with a letter or digit",
  ],
  staffLoginTaken: ["登录名 {login} 已被使用", "The login {login} is taken"],
  staffPhoneFormat: ["电话须为 5 至 30 位数字（可含 +、空格和连字符）", "phone is 5 to 30 digits (with +, spaces or hyphens)"],
  staffEmailFormat: ["电子邮箱格式不正确", "email is not an e-mail address"],
  staffEstatesBeyondYours: ["只能授予您自己范围内的项目", "You can give only estates of your own scope"],
  staffRoleBeyondYours: ["只有总经理可以设立或修改总经理账号", "Only the executive makes or changes an executive's account"],
  staffClearanceBeyondYours: ["只有总经理可以授予机密或绝密级别", "Only the executive gives CONFIDENTIAL or TOP_SECRET clearance"],
  staffOwnRole: ["不能修改自己的角色，请由另一位管理员修改", "You cannot change your own role; another administrator can"],
  staffLastAdministrator: [
    "这是最后一位启用的系统管理员，不能停用或改为其他角色",
    "This is the last active administrator: it cannot be deactivated or given another role",
  ],
  staffDeactivateSelf: ["不能停用自己的账号", "You cannot deactivate your own account"],
  staffAlreadyInactive: ["该账号已停用", "The account is deactivated already"],
  staffAlreadyActive: ["该账号已是启用状态", "The account is active already"],
  // Passwords (services/admin/passwords.ts, domain/access/password-policy.ts).
  passwordTooShort: ["密码至少需要 {min} 个字符", "The password needs at least {min} characters"],
  passwordTooLong: ["密码不能超过 {max} 个字符", "The password is longer than {max} characters"],
  passwordTooCommon: [
    "这是最常见的密码之一，容易被猜中，请换一个",
    "This is one of the most common passwords and easily guessed; choose another",
  ],
  passwordContainsLogin: ["密码不能包含登录名", "The password must not contain the login"],
  passwordSameAsCurrent: ["新密码不能与当前密码相同", "The new password must differ from the current one"],
  passwordCurrentWrong: ["当前密码不正确", "The current password is wrong"],
  passwordFromSession: [
    "只能在登录会话中修改密码，不能使用 API 令牌",
    "A password is changed from a signed-in session, not with an API token",
  ],
  passwordResetSelf: ["请在“我的账号”中修改自己的密码", "Change your own password under My account"],
  passwordServiceAccount: ["服务账号没有密码，只使用 API 令牌", "A service account has no password; it uses API tokens"],
  passwordResetBeyondYours: [
    "该账号的角色或密级超出您可授予的范围，只有总经理可以重置其密码",
    "The account's role or clearance is beyond what you may give; only the executive resets its password",
  ],
  // Departments (services/admin/departments.ts).
  departmentCodeFormat: [
    "部门编号由大写字母和数字组成，各部分以连字符连接（如 KF-01）",
    "code is upper-case letters and digits, parts joined by hyphens (e.g. KF-01)",
  ],
  departmentCodeTaken: ["部门编号 {code} 已被使用", "The department code {code} is taken"],
  departmentOneServiceCentre: ["本公司已有一个启用中的客服中心", "The organisation already has an active service centre"],
  departmentNoSuchOffice: ["没有此管理处", "No such management office"],
  departmentNoSuchHead: ["负责人须为本公司启用中的员工", "The head must be an active person of the organisation"],
  departmentInactive: ["该部门已停用", "The department is deactivated"],
  departmentAlreadyInactive: ["该部门已停用", "The department is deactivated already"],
  departmentAlreadyActive: ["该部门已是启用状态", "The department is active already"],
  departmentHasMembers: [
    "该部门还有 {count} 名在职员工，请先将其调往其他部门",
    "The department still has {count} active members; move them first",
  ],
  departmentNoSuchMember: ["所选员工不存在", "No such staff member among those chosen"],
} as const satisfies Record<string, Bilingual>;
