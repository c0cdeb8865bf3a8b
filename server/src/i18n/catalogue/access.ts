import type { Bilingual } from "../bilingual.ts";

/**
 * Messages of the access area, [zh, en], `{name}` placeholders (i18n/messages.ts merges the areas).
 * Keys are unique across areas; an input error's stable code is its key in upper snake case.
 * None quotes a protected value (SEC-1): ids, levels, roles and limits only.
 */
export const accessMessages = {
  // SEC-3: approvals.
  approvalKindNotRequestable: [
    "此处只能申请 READ_ARCHIVE、COPY_ARCHIVE 或 EXPORT_CLASSIFIED",
    "Only READ_ARCHIVE, COPY_ARCHIVE and EXPORT_CLASSIFIED are requested here",
  ],
  approvalArchiveRequired: ["请指明业主档案", "Name the owner archive"],
  approvalNotPending: ["该申请当前为 {status}，不是待审批状态", "The request is {status}, not PENDING"],
  approvalOwnRequest: ["不能审批自己的申请", "Nobody approves their own request"],
  approvalWrongRole: ["{level} 级别的 {kind} 申请须由以下角色审批：{roles}", "A {kind} request at {level} level is decided by: {roles}"],
  approverMustKnow: [
    "您无知悉该档案的权限，因此不能批准他人查阅",
    "You are not entitled to know this archive, so you cannot approve access to it",
  ],
  grantHoursRange: ["授权时长须在 1 至 {max} 小时之间", "grantHours must be between 1 and {max}"],
  // WF-1, WF-7: whom an action may name (services/access/staff-picks.ts).
  staffIdExpected: ["须为人员 ID", "A Staff id"],
  pickNoSuchPerson: ["本组织没有此人", "No such person in your organisation"],
  pickInactive: ["此人的账号已停用", "That person's account is no longer active"],
  pickNotInLeadDepartment: ["责任人须为主办部门的成员", "The responsible person must be a member of the lead department"],
  pickNotHandler: ["此人的角色不处理投诉", "That person's role does not handle complaints"],
  pickNotSupervisor: [
    "此人不是主管（部门负责人、管理处主任、公司经理、管理者代表或总经理）",
    "Not a supervisor (department head, office director, company manager, management representative or executive)",
  ],
  pickSelf: ["请上报给您以外的主管", "Escalate to a supervisor other than yourself"],
  pickOtherEstate: [
    "此人不负责该投诉所在的项目，看不到该投诉",
    "That person does not work on this complaint's estate and could not see it",
  ],
  pickCannotKnow: [
    "此人无权知悉该投诉：其密级高于此人的知悉级别（SEC-2）",
    "That person may not know this complaint: its classification is above their clearance (SEC-2)",
  ],
  // WF-1, WF-7: the staff directory's filter.
  idOfType: ["须为本系统给出的 {type} ID", "A {type} id"],
  atMostCharacters: ["不能超过 {max} 个字符", "At most {max} characters"],
  noComplaintInScope: ["您的范围内没有此投诉", "No such complaint in your scope"],
  noSuchDepartment: ["没有此部门", "No such department"],
  noEstateInScope: ["您的管辖范围内没有此项目", "No such estate in your scope"],
  directoryLimitRange: ["limit 须在 1 至 {max} 之间；请缩小筛选范围", "limit must be between 1 and {max}; narrow the filter instead"],
  // SEC-1, SEC-2, SEC-5: classification and designations.
  classificationFloor: ["客户信息和投诉至少为秘密级（SEC-1）", "Customer information and complaints stay at least SECRET (SEC-1)"],
  untilInFuture: ["until 须为将来的时间", "until must be in the future"],
  topSecretExecutiveOnly: ["只有总经理可以定为或解除绝密", "Only the executive classifies or declassifies TOP_SECRET"],
  recordNotEntitled: ["您无权知悉此记录", "You are not entitled to know this record"],
  designatorNotEntitled: [
    "您无权知悉此记录，因此不能指定他人知悉",
    "You are not entitled to know this record, so you cannot designate others",
  ],
  designationLevels: ["知悉人指定只适用于绝密或机密记录", "Designations are for TOP_SECRET or CONFIDENTIAL records"],
  expiresAtInFuture: ["expiresAt 须为将来的时间", "expiresAt must be in the future"],
  topSecretDesignationExecutiveOnly: [
    "只有总经理可以指定绝密记录的知悉人（SEC-2）",
    "Only the executive designates who may know TOP_SECRET records (SEC-2)",
  ],
  topSecretRevocationExecutiveOnly: ["只有总经理可以撤销绝密记录的知悉人指定", "Only the executive revokes TOP_SECRET designations"],
  // SEC-3: exports and copies.
  exportTooLarge: ["一次导出最多 {max} 行，请按项目缩小范围", "An export holds at most {max} rows; narrow it to an estate"],
  noExportGrant: ["您没有此 ID 的有效 EXPORT_CLASSIFIED 授权", "No active EXPORT_CLASSIFIED grant of yours with this id"],
  grantForOtherEstate: ["该授权针对的是另一个项目", "The approval covers another estate"],
  // SEC-4: government inquiries.
  unknownArchiveFields: ["档案字段未知或未给出：{fields}", "Unknown or missing archive fields: {fields}"],
  discloserNotEntitled: [
    "披露档案需要 personal-data:read 权限并有知悉需要",
    "Disclosing an archive requires personal-data:read and the need to know it",
  ],
  // §2, issue 15 item 10: API tokens.
  tokenFromToken: [
    "API 令牌须在登录会话中创建，不能用另一个令牌创建",
    "API tokens are created from a signed-in session, not with another token",
  ],
  tokenForOtherNeedsManage: ["为其他账号签发令牌需要 tokens:manage 权限", "Issuing tokens for another account needs tokens:manage"],
  tokenOwnerServiceAccount: ["只能为服务账号签发他人令牌", "Tokens for other accounts are issued only to service accounts"],
  tokenScopesRequired: ["请至少给出一个权限范围", "Give at least one scope"],
  tokenLifetime: ["令牌有效期最长一年", "A token lives at most one year"],
  // Per-user settings (services/access/preferences.ts).
  preferenceKey: ["只能使用小写字母、数字及 . : _ -，最多 80 个字符", "Lower-case letters, digits and . : _ -, at most 80 characters"],
  preferenceTooLarge: ["最多 32 KB", "At most 32 KB"],
  preferenceNotJson: ["不是有效的 JSON", "Not valid JSON"],
  preferenceNotObject: ["须为 JSON 对象或数组", "A JSON object or array"],
  preferenceNotStorable: ["JSON 嵌套最多 {depth} 层，且不得含空字符", "JSON nested at most {depth} levels, without NUL characters"],
  // Sign-out: alone, so that a failing neighbour cannot roll it back while the cookie is cleared.
  signOutAlone: ["退出登录须单独提交", "signOut must be the only field of its mutation"],
  // SPEC §6: working calendars.
  calendarYearRange: ["年份须在 2000 至 2100 之间", "A year between 2000 and 2100"],
  calendarDayOtherYear: ["{date} 不在 {year} 年", "{date} is not in {year}"],
  calendarDayTwice: ["{date} 重复给出", "{date} is given twice"],
  calendarHolidayFollows: ["只有调休工作日才按某个星期几的时段上班", "Only a make-up working day follows a weekday's slots"],
  calendarWeekday: ["须为 ISO 星期几，1-7", "An ISO weekday, 1-7"],
  calendarNoWorkingTime: ["这样该年将没有任何工作时间", "The year would have no working time left"],
  // SPEC preamble, §6: policy values.
  policyKey: ['须为规则键，如 "SLA-2.duration" 或 "CB-1.callbackRate"', 'A rule key such as "SLA-2.duration" or "CB-1.callbackRate"'],
  policyNotInPast: [
    "政策值从现在或以后生效；过去的期间保留当时的政策",
    "A policy takes effect now or later; past periods keep the policy they had",
  ],
  policyNonNegative: ["须为非负数", "A non-negative number"],
  policyPercent: ["百分比最大为 100", "A percentage is at most 100"],
  policySlaUnit: [
    "SLA 时长的单位须为 MINUTES、HOURS、WORKING_HOURS 或 DAYS",
    "Give SLA durations in MINUTES, HOURS, WORKING_HOURS or DAYS",
  ],
  policyClockOnlyDuration: ["只有时长才按时钟计算", "Only a duration runs on a clock"],
  policyWorkingHoursClock: ["工作小时按 WORKING 时钟计算", "Working hours run on the WORKING clock"],
  noSuchEstate: ["没有此项目", "No such estate"],
  policySameInstant: ["此键已有一个值在同一时刻生效", "A value of this key already takes effect at that instant"],
  // SEC-6: amending an owner archive.
  nothingToAmend: ["没有要修改的内容：请至少给出一个字段", "Nothing to amend: give at least one field"],
  customerNameEmpty: ["姓名不能为空", "name must not be empty"],
  customerPhoneFormat: ["电话须为 11 位手机号或固定电话（如 021-58881234）", "phone must be {format}"],
  customerIdNumberFormat: ["身份证号须为 18 位：17 位数字加一位数字或 X", "idNumber must be {format}"],
  amendArchiveNeedsGrant: [
    "修改业主档案需要已批准的 READ_ARCHIVE 授权",
    "Amending an owner archive needs an approved READ_ARCHIVE grant for it",
  ],
  customerDataNotEntitled: ["您无权查看该客户的个人信息", "Not entitled to this customer's personal data"],
  // SEC-7: a search by name or phone is a read of personal data.
  customerSearchNeedsPersonalData: [
    "按姓名或电话搜索客户需要 personal-data:read 权限",
    "Searching customers by name or phone requires the personal-data:read permission",
  ],
  // CLS-4: the category tree.
  categoryCodeFormat: [
    "代码由大写字母和数字组成，各部分以连字符连接（如 ENG-LEAK）",
    "code is upper-case letters and digits, parts joined by hyphens (e.g. ENG-LEAK)",
  ],
  noSuchCategory: ["没有此分类", "No such category"],
  categoryTwoLevels: [
    "分类树只有两级（CLS-4）：二级分类下不能再有子分类",
    "The tree has two levels (CLS-4): a second-level category has no children",
  ],
  categoryParentInactive: ["上级分类已停用，请先启用它", "The parent category is inactive; activate it first"],
  categoryCodeTaken: ["代码 {code} 已被使用", "The code {code} is taken"],
  categoryNameTakenSibling: ["同一上级下已有名为 {name} 的分类", "Another category under the same parent is already named {name}"],
  categoryNameTakenTop: ["一级分类中已有名为 {name} 的分类", "Another category at the top level is already named {name}"],
  categoryActiveChildren: ["请先停用其下启用中的子分类", "Deactivate its active subcategories first"],
  nothingToChange: ["没有要修改的内容", "Nothing to change"],
  categoryInUse: ["该分类正在使用中（{uses}）：请改为停用", "The category is in use ({uses}): deactivate it instead"],
  //@@
} as const satisfies Record<string, Bilingual>;
