import type { Bilingual } from "../bilingual.ts";

/**
 * Messages of the interchange area, [zh, en], `{name}` placeholders (i18n/messages.ts merges the areas).
 * Keys are unique across areas; an input error's stable code is its key in upper snake case.
 */
export const interchangeMessages = {
  importNoEstate: ["您所辖项目中没有此编号的项目", "No estate with this code in your estates"],
  importNoHouseholdInEstate: ["该项目中没有此编号的房屋", "No household with this code in the estate"],
  importInFuture: ["{field} 晚于当前时间", "{field} is in the future"],
  importBadPhone: ["phone 不是有效的电话号码：应为 {format}", "phone is not a valid phone number: it must be {format}"],
  importNoCategory: ["没有此名称的启用二级类别：请写作 一级/二级（如 工程维修/漏水），或填写类别编码", "No active second-level category with this name: write it as 一级/二级, e.g. 工程维修/漏水, or give its code"],
  importNoDepartment: ["没有此名称或编码的启用部门", "No active department with this name or code"],
  importDuplicateOfItself: ["投诉不能是自身的重复（INT-4）", "A complaint is not a duplicate of itself (INT-4)"],
  importAtLeastSecret: ["投诉至少为秘密级（SEC-1）", "A complaint stays at least SECRET (SEC-1)"],
  importPublicAreaLocation: ["公共区域投诉（无房屋编号）须填写位置（INT-2、REC-2）", "A public-area complaint (no household_code) needs its location (INT-2, REC-2)"],
  importAnonymousNoContact: ["匿名投诉不填写投诉人姓名或电话（INT-2）", "An anonymous complaint has no complainant name or phone (INT-2)"],
  importComplainantName: ["请填写投诉人姓名，或标记为匿名投诉（INT-2）", "Give the complainant's name, or mark the complaint anonymous (INT-2)"],
  importSayValid: ["已分类或已处理的投诉须说明是否有效（true/false）（CLS-1）", "Say whether the complaint is valid (true/false) when it is classified or handled (CLS-1)"],
  importValidNeedsKind: ["有效投诉须填写类型（CLS-2）", "A valid complaint needs its kind (CLS-2)"],
  importValidNeedsCategory: ["有效投诉须填写二级类别（CLS-4）", "A valid complaint needs a second-level category (CLS-4)"],
  importInvalidClosed: ["无效投诉在分类时即关闭（CLS-1）：没有分派、承诺、解决或确认", "An invalid complaint is closed on classification (CLS-1): it has no assignment, promise, resolution or confirmation"],
  importGiveAssignedAt: ["请填写投诉分派给部门的时间（WF-1）", "Give when the complaint was assigned to the department (WF-1)"],
  importAssignedNeedsDepartment: ["已分派的投诉须填写责任部门（WF-1）", "An assigned complaint names its responsible department (WF-1)"],
  importAssignedBeforeReceived: ["assigned_at 早于 received_at", "assigned_at is before received_at"],
  importPromiseAfterAssignment: ["完成承诺在分派之后作出（WF-2）：请填写 assigned_at", "A completion promise is made after the assignment (WF-2): give assigned_at"],
  importPromiseAfterAssigned: ["promised_at 须晚于 assigned_at（WF-3）", "promised_at must be after assigned_at (WF-3)"],
  importResolvedNeedsAssigned: ["投诉先分派后解决（WF-1）：请填写 assigned_at", "A complaint is assigned before it is resolved (WF-1): give assigned_at"],
  importResolvedBeforeAssigned: ["resolved_at 早于 assigned_at", "resolved_at is before assigned_at"],
  importConfirmNeedsResolved: ["投诉人确认的是解决结果（WF-4）：请填写 resolved_at", "The complainant confirms a resolution (WF-4): give resolved_at"],
  importConfirmedBeforeResolved: ["confirmed_at 早于 resolved_at（WF-4）", "confirmed_at is before resolved_at (WF-4)"],
  importComplaintNoOutsideScope: ["此投诉编号已被您权限范围外的投诉使用", "This complaint_no is used by a complaint outside your scope"],
  importComplaintDiffers: ["{field} 与已存投诉不同：已有投诉请在系统中修改（classifyComplaint、amendComplaint、流程步骤），修改有版本并记入时间线，而不是再次导入", "{field} differs from the stored complaint: an existing complaint is changed in the app (classifyComplaint, amendComplaint, the workflow steps), where the change is versioned and on its timeline, not by importing it again"],
  importNoFirstReport: ["您权限范围内没有此编号的首次投诉（重复投诉链接到首次投诉，而不是另一条重复投诉，INT-4）", "No first report with this complaint_no in your scope (a duplicate links to the first report, not to another duplicate, INT-4)"],
  importMultipartOnly: ["请以 multipart 方式上传文件（GraphQL multipart request）", "Send the file as a multipart upload (GraphQL multipart request)"],
  importFileTooLarge: [
    "上传文件最大 {size}（{setting} = {bytes}）；更大的文件请用命令行导入（pnpm run import）",
    "A file is at most {size} ({setting} = {bytes}); import larger files with the command line (pnpm run import)",
  ],
  importJobIdNew: ["jobId 须为新的 UUID", "jobId must be a new UUID"],
  exportPeriodOrder: ["to 须晚于 from", "to must be after from"],
  exportTooManyRows: ["一次导出最多 {max} 条记录；请按项目或时间段缩小范围", "An export holds at most {max} records; narrow it to an estate or a period"],
  exportNoGrant: ["您没有此编号的有效 EXPORT_CLASSIFIED 授权", "No active EXPORT_CLASSIFIED grant of yours with this id"],
  exportGrantOneEstate: ["该授权只覆盖一个项目：请导出该项目", "The approval covers one estate: export that estate"],
} as const satisfies Record<string, Bilingual>;
