import type { Bilingual } from "../bilingual.ts";

/**
 * Messages of the interchange area, [zh, en], `{name}` placeholders (i18n/messages.ts merges the areas).
 * Keys are unique across areas; an input error's stable code is its key in upper snake case.
 */
export const interchangeMessages = {
  importNoEstate: ["您所辖项目中没有此编号的项目", "No estate with this code in your estates"],
  importNoHouseholdInEstate: ["该项目中没有此编号的房屋", "No household with this code in the estate"],
  importInFuture: ["{field} 晚于当前时间", "{field} is in the future"],
  importBadPhone: [
    "phone 不是有效的电话号码：应为 11 位手机号或固定电话（如 021-58881234）",
    "phone is not a valid phone number: it must be {format}",
  ],
  importNoCategory: [
    "没有此名称的启用二级类别：请写作 一级/二级（如 工程维修/漏水），或填写类别编码",
    "No active second-level category with this name: write it as 一级/二级, e.g. 工程维修/漏水, or give its code",
  ],
  importNoDepartment: ["没有此名称或编码的启用部门", "No active department with this name or code"],
  importDuplicateOfItself: ["投诉不能是自身的重复（INT-4）", "A complaint is not a duplicate of itself (INT-4)"],
  importAtLeastSecret: ["投诉至少为秘密级（SEC-1）", "A complaint stays at least SECRET (SEC-1)"],
  importPublicAreaLocation: [
    "公共区域投诉（无房屋编号）须填写位置（INT-2、REC-2）",
    "A public-area complaint (no household_code) needs its location (INT-2, REC-2)",
  ],
  importAnonymousNoContact: ["匿名投诉不填写投诉人姓名或电话（INT-2）", "An anonymous complaint has no complainant name or phone (INT-2)"],
  importComplainantName: [
    "请填写投诉人姓名，或标记为匿名投诉（INT-2）",
    "Give the complainant's name, or mark the complaint anonymous (INT-2)",
  ],
  importSayValid: [
    "已分类或已处理的投诉须说明是否有效（true/false）（CLS-1）",
    "Say whether the complaint is valid (true/false) when it is classified or handled (CLS-1)",
  ],
  importValidNeedsKind: ["有效投诉须填写类型（CLS-2）", "A valid complaint needs its kind (CLS-2)"],
  importValidNeedsCategory: ["有效投诉须填写二级类别（CLS-4）", "A valid complaint needs a second-level category (CLS-4)"],
  importInvalidClosed: [
    "无效投诉在分类时即关闭（CLS-1）：没有分派、承诺、解决或确认",
    "An invalid complaint is closed on classification (CLS-1): it has no assignment, promise, resolution or confirmation",
  ],
  importGiveAssignedAt: ["请填写投诉分派给部门的时间（WF-1）", "Give when the complaint was assigned to the department (WF-1)"],
  importAssignedNeedsDepartment: ["已分派的投诉须填写责任部门（WF-1）", "An assigned complaint names its responsible department (WF-1)"],
  importAssignedBeforeReceived: ["assigned_at 早于 received_at", "assigned_at is before received_at"],
  importPromiseAfterAssignment: [
    "完成承诺在分派之后作出（WF-2）：请填写 assigned_at",
    "A completion promise is made after the assignment (WF-2): give assigned_at",
  ],
  importPromiseAfterAssigned: ["promised_at 须晚于 assigned_at（WF-3）", "promised_at must be after assigned_at (WF-3)"],
  importResolvedNeedsAssigned: [
    "投诉先分派后解决（WF-1）：请填写 assigned_at",
    "A complaint is assigned before it is resolved (WF-1): give assigned_at",
  ],
  importResolvedBeforeAssigned: ["resolved_at 早于 assigned_at", "resolved_at is before assigned_at"],
  importConfirmNeedsResolved: [
    "投诉人确认的是解决结果（WF-4）：请填写 resolved_at",
    "The complainant confirms a resolution (WF-4): give resolved_at",
  ],
  importConfirmedBeforeResolved: ["confirmed_at 早于 resolved_at（WF-4）", "confirmed_at is before resolved_at (WF-4)"],
  importComplaintNoOutsideScope: ["此投诉编号已被您权限范围外的投诉使用", "This complaint_no is used by a complaint outside your scope"],
  importComplaintDiffers: [
    "{field} 与已存投诉不同：已有投诉请在系统中修改（classifyComplaint、amendComplaint、流程步骤），修改有版本并记入时间线，而不是再次导入",
    "{field} differs from the stored complaint: an existing complaint is changed in the app (classifyComplaint, amendComplaint, the workflow steps), where the change is versioned and on its timeline, not by importing it again",
  ],
  importNoFirstReport: [
    "您权限范围内没有此编号的首次投诉（重复投诉链接到首次投诉，而不是另一条重复投诉，INT-4）",
    "No first report with this complaint_no in your scope (a duplicate links to the first report, not to another duplicate, INT-4)",
  ],
  // Cells (interchange/cells.ts, rows.ts): `{field}` is the layout's column name, never the cell.
  importCellNul: ["{field} 含有空字符（NUL）", "{field} contains a NUL character"],
  importCellTooLong: ["{field} 超过 {max} 个字符", "{field} is longer than {max} characters"],
  importCellBool: ["{field} 须为 true/false、yes/no、1/0 或 是/否", "{field} must be true/false, yes/no, 1/0 or 是/否"],
  importCellEnum: ["{field} 须为以下之一：{values}", "{field} must be one of {values}"],
  importCellRating: [
    "{field} 须为 1 到 5 的整数、NA（不适用）或留空（空白）",
    "{field} must be a whole number from 1 to 5, NA (not applicable) or empty (blank)",
  ],
  importCellScore: ["{field} 须为 1 到 5 的整数，或留空（未询问）", "{field} must be a whole number from 1 to 5 or empty (not asked)"],
  importCellListEntryTooLong: ["{field} 中有一项超过 {max} 个字符", "An entry of {field} is longer than {max} characters"],
  importCellTimestamp: [
    "{field} 不是 ISO 8601 时间，如 2026-03-02T09:15:00+08:00（不带时区时按项目所在时区读取）",
    "{field} is not an ISO 8601 timestamp such as 2026-03-02T09:15:00+08:00 (without the offset it is read in the estate's timezone)",
  ],
  importCellRequired: ["{field} 必填", "{field} is required"],
  importSameKey: ["{key} 与第 {line} 行相同", "The same {key} as line {line}"],
  importColumnTwice: ["{column}（{alias}）列出现了两次", "The column {column} ({alias}) appears twice"],
  importColumnMissing: ["缺少必需的列 {column}（{alias}）", "The required column {column} ({alias}) is missing"],
  // The file as a whole (interchange/sheets.ts, xlsx-*.ts, zip.ts, xml-scan.ts).
  importOverLimit: ["{reason}（上限 {setting} = {limit}）", "{reason} (limit {setting} = {limit})"],
  importFileTooBig: [
    "文件大小为 {size}，超过允许的 {max}；更大的文件请用命令行导入（pnpm run import）",
    "The file has {size}, more than the {max} allowed; import larger files with the command line (pnpm run import)",
  ],
  importTooManyRows: [
    "文件超过 {max} 行（第 {line} 行超出）；更大的文件请用命令行导入（pnpm run import）",
    "The file has more than {max} rows (line {line} is one too many); import larger files with the command line (pnpm run import)",
  ],
  importTooManyColumns: ["第 {line} 行超过 {max} 列", "Line {line} has more than {max} columns"],
  importCellTooManyChars: [
    "第 {line} 行 {column} 列：单元格有 {length} 个字符，超过单元格允许的长度",
    "Line {line}, column {column}: the cell has {length} characters, more than a cell may hold",
  ],
  importCellMoreChars: [
    "第 {line} 行 {column} 列：单元格超过 {length} 个字符，超过单元格允许的长度",
    "Line {line}, column {column}: the cell has more than {length} characters, more than a cell may hold",
  ],
  importTooManyCells: [
    "文件超过 {max} 个单元格（在第 {line} 行达到）；更大的文件请用命令行导入（pnpm run import）",
    "The file has more than {max} cells (reached at line {line}); import larger files with the command line (pnpm run import)",
  ],
  importSheetTooManyRows: [
    "工作表超过 {max} 行（第 {line} 行超出）；更大的文件请用命令行导入（pnpm run import）",
    "The sheet has more than {max} rows (line {line} is one too many); import larger files with the command line (pnpm run import)",
  ],
  importSheetTooManyCells: [
    "工作表中有值的单元格超过 {max} 个（在第 {line} 行达到）；更大的文件请用命令行导入（pnpm run import）",
    "The sheet has more than {max} cells holding a value (reached at line {line}); import larger files with the command line (pnpm run import)",
  ],
  importValueBeyondColumns: [
    "第 {line} 行在 {column} 列有值，超出文件允许的 {max} 列",
    "Line {line} has a value in column {column}, beyond the {max} columns a file may have",
  ],
  importMergeBeyondColumns: [
    "合并区域到达 {column} 列，超出文件允许的 {max} 列",
    "A merged range reaches column {column}, beyond the {max} columns a file may have",
  ],
  importSharedStringsCount: ["工作簿的共享字符串表超过 {max} 项", "The workbook's shared strings table has more than {max} entries"],
  importSharedStringsChars: ["工作簿的共享字符串超过 {max} 个字符", "The workbook's shared strings hold more than {max} characters"],
  importSharedStringTooLong: [
    "工作簿中的一段文字（共享字符串 {index}）有 {length} 个字符，超过单元格允许的长度",
    "A text of the workbook (shared string {index}) has {length} characters, more than a cell may hold",
  ],
  importSharedStringMoreChars: [
    "工作簿中的一段文字（共享字符串 {index}）超过 {length} 个字符，超过单元格允许的长度",
    "A text of the workbook (shared string {index}) has more than {length} characters, more than a cell may hold",
  ],
  importZipInflates: [
    "工作簿解压后至少 {size}，超过允许的 {max}：未读取即拒绝（疑似压缩炸弹）",
    "The workbook inflates to at least {size}, more than the {max} allowed: refused unread (a zip bomb?)",
  ],
  importZipOverDeclared: [
    "工作簿的某一部分解压后超过其声明的 {size}（按上限接受的大小）：按压缩炸弹拒绝",
    "A part of the workbook inflates to more than the {size} it declares (the size admitted under the limit): refused as a zip bomb",
  ],
  importZipRatio: [
    "工作簿的某一部分解压后超过其压缩大小的 {ratio} 倍（由 {compressed} 解压出 {inflated}）：按压缩炸弹拒绝",
    "A part of the workbook inflates more than {ratio} times its compressed size ({inflated} from {compressed}): refused as a zip bomb",
  ],
  importNoHeaderRow: ["文件没有标题行", "The file has no header row"],
  importNotUtf8: ["文件不是 UTF-8 文本：请另存为“CSV UTF-8”或 XLSX", 'The file is not UTF-8 text: save it as "CSV UTF-8" or as XLSX'],
  importCsvMalformed: ["CSV 格式错误（{code}）：请检查引号（RFC 4180）", "The CSV is malformed ({code}); check the quoting (RFC 4180)"],
  importNoSheet: ["工作簿中没有工作表", "The workbook has no sheet"],
  importUnreadableXlsx: ["文件不是可读的 XLSX 工作簿", "The file is not a readable XLSX workbook"],
  importUnreadableXlsxBecause: ["文件不是可读的 XLSX 工作簿（{detail}）", "The file is not a readable XLSX workbook ({detail})"],
  importMissingSharedString: [
    "第 {line} 行 {column} 列引用了不存在的共享字符串",
    "line {line}, column {column} refers to a shared string that does not exist",
  ],
  importXlsxTooManyRelationships: ["关系过多", "too many relationships"],
  importXlsxTooManyFormats: ["styles.xml 中格式过多", "too many formats in styles.xml"],
  importXlsxTooManyMerges: ["合并区域超过 {max} 个", "more than {max} merged ranges"],
  importXmlDoctype: ["XML 中有 DOCTYPE 或声明", "a DOCTYPE or declaration in the XML"],
  importXmlLongTag: ["XML 标签超过 {max} 个字符", "an XML tag longer than {max} characters"],
  importXmlEndsInTag: ["XML 在标签内结束", "the XML ends inside a tag"],
  importXmlBadEntity: ["XML 实体格式错误", "a malformed XML entity"],
  importXmlBadCharRef: ["XML 字符引用无效", "an invalid XML character reference"],
  importXmlUndefinedEntity: ["XML 实体未定义", "an undefined XML entity"],
  importZipNoDirectory: ["没有 zip 目录", "no zip directory"],
  importZip64Damaged: ["ZIP64 目录已损坏", "damaged ZIP64 directory"],
  importZipTooManyParts: ["超过 {max} 个部分", "more than {max} parts"],
  importZipDirectoryDamaged: ["zip 目录已损坏", "damaged zip directory"],
  importZipEncrypted: ["工作簿已加密", "the workbook is encrypted"],
  importZipMethod: ["不支持压缩方法 {method}", "compression method {method} is not supported"],
  importZipPartDamaged: ["某一部分已损坏", "damaged part"],
  importZipDataDamaged: ["压缩数据已损坏", "damaged compressed data"],
  // Rows of estates.csv and households.csv.
  importBadTimezone: ["timezone 不是 IANA 时区名称（如 Asia/Shanghai）", "timezone is not an IANA timezone name such as Asia/Shanghai"],
  importEstateOutsideScope: ["此项目编号已被您所辖范围外的项目使用", "This estate code is used by an estate outside your estates"],
  importCustomerNameRequired: ["填写客户的其他列时 customer_name 必填", "customer_name is required with the customer's other columns"],
  importHouseholdOutsideScope: ["此房号编码已被您所辖范围外的房屋使用", "This household code is used by a household outside your estates"],
  importHouseholdMoves: ["房屋不能移到另一个项目（estate_code 不同）", "A household does not move to another estate (estate_code differs)"],
  importBadIdNumber: [
    "id_number 不是有效的居民身份证号：应为 18 位，前 17 位为数字，最后一位为数字或 X",
    "id_number is not a valid resident ID number: it must be {format}",
  ],
  importArchiveNeedsGrant: [
    "修改业主档案需要针对该客户的已批准 READ_ARCHIVE 授权（SEC-3、SEC-6）",
    "Changing the owner archive needs an approved READ_ARCHIVE grant for this customer (SEC-3, SEC-6)",
  ],
  importCustomerNotEntitled: [
    "您无权查看该客户的个人信息，因此不能修改（SEC-2、SEC-6）",
    "You are not entitled to this customer's personal data, so you cannot change it (SEC-2, SEC-6)",
  ],
  importTopSecretExecutive: ["只有总经理可将记录定为绝密（SEC-1）", "Only the executive classifies a record TOP_SECRET (SEC-1)"],
  importConfidentialPermission: [
    "将记录定为机密需要 classification:manage 权限（SEC-1）",
    "Classifying a record CONFIDENTIAL needs the classification:manage permission (SEC-1)",
  ],
  // Rows of callbacks.csv.
  importNoComplaintInScope: ["您权限范围内没有此编号的投诉", "No complaint with this number in your scope"],
  importNoHousehold: ["您所辖项目中没有此编号的房屋", "No household with this code in your estates"],
  importCallbackOtherHousehold: ["该投诉涉及另一户（或公共区域）", "The complaint is about another household (or a public area)"],
  importCallbackNamesComplaint: ["投诉回访或维修回访须填写其投诉编号（CB-1）", "A complaint or repair callback names its complaint (CB-1)"],
  importCallbackGiveTarget: ["请填写回访的 complaint_no 或 household_code", "Give the complaint_no or the household_code of the callback"],
  importCallbackNotMade: ["尚未进行的回访（无 called_at）没有结果", "A callback not yet made (no called_at) has no outcome"],
  importCalledBeforeReceived: ["called_at 早于投诉受理时间", "called_at is before the complaint was received"],
  importCallbackGiveMethod: ["已进行的回访须填写回访方式（CB-5）", "Give the method of a callback made (CB-5)"],
  importCallbackSayReached: ["请说明是否联系上客户（CB-6）", "Say whether the customer was reached (CB-6)"],
  importCallbackNotReached: ["未联系上的客户没有满意度或评分（CB-6）", "A customer not reached gives no verdict or ratings (CB-6)"],
  importCallbackSaySatisfied: ["客户是否满意？（CB-6）", "Was the customer satisfied? (CB-6)"],
  importCallbackSigned: ["{rule}：signed 须为 true", "{rule}: signed must be true"],
  importCallbackNoOutsideScope: ["此回访编号已被您所辖范围外的回访使用", "This callback_no is used by a callback outside your estates"],
  importCallbackDiffers: [
    "{field} 与已存回访不同：已记录的回访请在系统中修改（recordCallback、reviewCallback），而不是再次导入",
    "{field} differs from the stored callback: a recorded callback is changed in the app (recordCallback, reviewCallback), not by importing it again",
  ],
  // Rows of survey_responses.csv.
  importNoCampaign: ["您权限范围内没有此编号的满意度调查", "No survey campaign with this code in your scope"],
  importCampaignStatus: [
    "只能为状态为 {allowed} 的调查录入答卷；此调查为 {status}（SUR-1）",
    "Answers are entered for a campaign that is {allowed}; this one is {status} (SUR-1)",
  ],
  importCampaignOtherEstate: ["该调查不覆盖此房屋所在项目（SUR-2）", "The campaign does not cover this household's estate (SUR-2)"],
  importQuestionnaireDiffers: [
    "{field} 在同一份问卷的各行之间不同（第 {line} 行）",
    "{field} differs between the rows of one questionnaire (line {line})",
  ],
  importHandedOutBeforeStart: ["handed_out_at 早于调查开始时间（SUR-3）", "handed_out_at is before the campaign starts (SUR-3)"],
  importReturnedBeforeHandedOut: [
    "returned_at 早于问卷发放时间（SUR-3）",
    "returned_at is before the questionnaire was handed out (SUR-3)",
  ],
  importNotReturnedNoAnswers: [
    "未回收的问卷（无 returned_at）没有答案（SUR-3）",
    "A questionnaire not returned (no returned_at) has no answers (SUR-3)",
  ],
  importHandoutDiffers: ["handed_out_at 与已存的发放记录不同（SUR-3）", "handed_out_at differs from the stored hand-out (SUR-3)"],
  importReturnDiffers: [
    "returned_at 与已存的回收记录不同：请用 recordSurveyReturn 更正",
    "returned_at differs from the stored return: correct it with recordSurveyReturn",
  ],
  importAnswersEntered: [
    "此问卷的答案已录入：请用 recordSurveyResponse 修改（附发放记录的版本号）",
    "The answers of this questionnaire were entered already: change them with recordSurveyResponse (with the hand-out's version)",
  ],
  importRuleRefusal: ["该行不符合系统规则（{code}）", "The row breaks a rule of the app ({code})"],
  importMultipartOnly: [
    "请以 multipart 方式上传文件（GraphQL multipart request）",
    "Send the file as a multipart upload (GraphQL multipart request)",
  ],
  importFileTooLarge: [
    "上传文件最大 {size}（{setting} = {bytes}）；更大的文件请用命令行导入（pnpm run import）",
    "A file is at most {size} ({setting} = {bytes}); import larger files with the command line (pnpm run import)",
  ],
  importJobIdNew: ["jobId 须为新的 UUID", "jobId must be a new UUID"],
  exportPeriodOrder: ["to 须晚于 from", "to must be after from"],
  exportTooManyRows: [
    "一次导出最多 {max} 条记录；请按项目或时间段缩小范围",
    "An export holds at most {max} records; narrow it to an estate or a period",
  ],
  exportNoGrant: ["您没有此编号的有效 EXPORT_CLASSIFIED 授权", "No active EXPORT_CLASSIFIED grant of yours with this id"],
  exportGrantOneEstate: ["该授权只覆盖一个项目：请导出该项目", "The approval covers one estate: export that estate"],
} as const satisfies Record<string, Bilingual>;
