/**
 * Chinese for English texts that schema modules still pass as plain strings, keyed by the exact
 * English text (gettext-style). An interim: a module that moves to catalogue keys (messages.ts)
 * drops its entries here. test/api/error-language.test.ts fails when an entry no longer matches any
 * text in server/src (the English was edited). Without an entry, a refusal reads
 * "无权执行此操作：<English>" and a missing record "该记录不存在或您无权查看" in Chinese.
 */

/** Record nouns given to NotFoundError. */
export const NOUNS: Readonly<Record<string, string>> = {
  "API token": "API 令牌",
  "Active COPY_ARCHIVE grant": "有效的档案复制授权",
  Approval: "审批申请",
  Calendar: "工作日历",
  "Callback issue": "回访问题",
  Callback: "回访",
  Category: "类别",
  Claim: "索赔",
  Complaint: "投诉",
  "Corrective action": "纠正措施",
  Customer: "客户",
  Designation: "知悉人指定",
  Escalation: "升级",
  Estate: "项目",
  "Government inquiry": "政府转办件",
  "Hotline recording": "热线录音",
  "Nonconformity report": "不符合项报告",
  "Questionnaire hand-out": "问卷发放记录",
  Questionnaire: "问卷",
  Staff: "员工",
  "Survey campaign": "调查活动",
  "Survey task": "调查任务",
  "Tenants' meeting": "业主座谈会",
  "Visit plan": "走访计划",
  "Visit record": "走访记录",
};

/** Fixed ForbiddenError texts and the InputError texts users meet most. */
export const PHRASES: Readonly<Record<string, string>> = {
  // ForbiddenError
  "A callback is reviewed by someone other than the person who made it": "回访记录须由回访人以外的人员审核",
  "A plan is confirmed by someone other than its author (WF-2)": "处理方案须由制定人以外的人员确认 (WF-2)",
  "A regular survey covers every estate (SUR-2); it is planned by company-level staff": "例行调查覆盖所有项目 (SUR-2)，由公司层面人员策划",
  "A supervisor closes an action (REC-1)": "纠正措施由主管关闭 (REC-1)",
  "A supervisor verifies the effect of an action (REC-1)": "纠正措施的效果由主管验证 (REC-1)",
  "API tokens are created from a signed-in session, not with another token": "API 令牌须在登录会话中创建，不能用另一个令牌创建",
  "An action is worked on by its owner or a supervisor (REC-1)": "纠正措施由其负责人或主管处理 (REC-1)",
  "Callback records are reviewed by a supervisor (CB-10)": "回访记录由主管审核 (CB-10)",
  "Complaints handled by several departments are coordinated by the service centre (WF-1)": "多部门处理的投诉由服务中心协调 (WF-1)",
  "Corrective actions are opened by a supervisor (REC-1, 000 §7 4.9.2)": "纠正措施由主管发起 (REC-1, 000 §7 4.9.2)",
  "Disclosing an archive requires personal-data:read and the need to know it": "披露档案需要 personal-data:read 权限且确有知悉需要",
  "Duplicate suggestions are part of registering complaints": "重复投诉提示属于投诉登记功能",
  "Issuing tokens for another account needs tokens:manage": "为其他账号签发令牌需要 tokens:manage 权限",
  "Nobody approves their own request": "任何人不得审批自己的申请",
  "Not entitled to this claim's case (SEC-2)": "您无权知悉此索赔所属的案件 (SEC-2)",
  "Not entitled to this complaint's protected fields": "您无权查看此投诉的受保护字段",
  "Not entitled to this customer's personal data": "您无权查看此客户的个人信息",
  "Amending an owner archive needs an approved READ_ARCHIVE grant for it": "修改业主档案需要已批准的 READ_ARCHIVE 授权",
  "Only a supervisor lowers the severity of a major complaint (CLS-3)": "只有主管可以降低重大投诉的严重程度 (CLS-3)",
  "Only the executive classifies or declassifies TOP_SECRET": "只有总经理可以定为或解除绝密",
  "Only the executive designates who may know TOP_SECRET records (SEC-2)": "只有总经理可以指定绝密记录的知悉人 (SEC-2)",
  "Only the executive revokes TOP_SECRET designations": "只有总经理可以撤销绝密知悉人指定",
  "Only the supervisor it was escalated to, or a company manager, decides": "只有被升级至的主管或公司经理可以决定",
  "Plans are confirmed by the service centre, the office director or company leadership (WF-2)": "处理方案由服务中心、管理处主任或公司领导确认 (WF-2)",
  "Questionnaires serve every estate; they are kept by company-level staff": "问卷适用于所有项目，由公司层面人员维护",
  "Searching customers by name or phone requires the personal-data:read permission": "按姓名或电话查找客户需要 personal-data:read 权限",
  "The campaign covers estates outside your scope; it is run by staff of all its estates (§2)": "该调查活动涉及您管辖范围以外的项目，须由覆盖其全部项目的人员执行 (§2)",
  "The cause of a repeated repair is recorded by the responsible manager (CB-11)": "重复维修的原因由责任经理记录 (CB-11)",
  "The plan is made by the responsible (lead) department or a supervisor (WF-2)": "处理方案由责任（主办）部门或主管制定 (WF-2)",
  "Typical cases are compiled by customer service and the managers (REC-4, 002 9.6.1)": "典型案例由客服和经理整理 (REC-4, 002 9.6.1)",
  "VIS-2: only the estate's office director or company leadership review and sign the visit record": "VIS-2：走访记录只能由该项目的管理处主任或公司领导审核签字",
  "You are not entitled to know this archive, so you cannot approve access to it": "您无权知悉此档案，因此不能批准对它的访问",
  "You are not entitled to know this record": "您无权知悉此记录",
  "You are not entitled to know this record, so you cannot designate others": "您无权知悉此记录，因此不能指定他人",
  "You may not handle this callback (its classification or your need to know)": "您不能处理此回访（密级或知悉需要不符）",
  "You may not handle this complaint (its classification or your need to know)": "您不能处理此投诉（密级或知悉需要不符）",

  // InputError (the most frequent fixed texts)
  "No such estate in your scope": "您的管辖范围内没有此项目",
  "content must not be empty": "投诉内容不能为空",
  "No such complaint in your scope": "您的管辖范围内没有此投诉",
  "No such visit plan in your scope": "您的管辖范围内没有此走访计划",
  "No such office in your scope": "您的管辖范围内没有此管理处",
  "No such staff member": "没有此员工",
  "No such department": "没有此部门",
  "No such category": "没有此类别",
  "Not in the future": "不能晚于当前时间",
  "Nothing to change": "没有需要修改的内容",
  "The due date must be in the future": "到期日必须晚于当前时间",
  "The period ends after it starts": "结束时间必须晚于开始时间",
  "The parent category is inactive; activate it first": "上级类别已停用，请先启用",
};

/** The Chinese of a fixed English text, if there is one. */
export function phraseZh(english: string): string | undefined {
  return Object.hasOwn(PHRASES, english) ? PHRASES[english] : undefined;
}

export function nounZh(english: string): string | undefined {
  return Object.hasOwn(NOUNS, english) ? NOUNS[english] : undefined;
}
