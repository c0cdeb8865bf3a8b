import type { Bilingual } from "../bilingual.ts";

/**
 * Messages of the surveys area, [zh, en], `{name}` placeholders (i18n/messages.ts merges the areas).
 * Keys are unique across areas; an input error's stable code is its key in upper snake case.
 * No message quotes a protected value (SEC-1): households are named by nothing here.
 */
export const surveysMessages = {
  // §2: who may change a campaign or a questionnaire.
  surveyCampaignOutsideScope: [
    "该调查活动覆盖您权限以外的项目，须由其全部项目的人员执行 (§2)",
    "The campaign covers estates outside your scope; it is run by staff of all its estates (§2)",
  ],
  surveyRegularCompanyLevel: [
    "例行调查覆盖所有项目 (SUR-2)，由公司层面人员策划",
    "A regular survey covers every estate (SUR-2); it is planned by company-level staff",
  ],
  questionnaireCompanyLevel: [
    "问卷适用于所有项目，由公司层面人员维护",
    "Questionnaires serve every estate; they are kept by company-level staff",
  ],

  // SUR-1: the campaign's workflow.
  surveyCampaignStepNotAllowed: [
    "当前状态 {status} 不能执行 {action}；可执行：{possible}",
    "{action} is not possible from {status}; possible: {possible}",
  ],
  surveyCampaignStatusNeeded: [
    "{what}要求调查活动处于 {allowed} 状态；该活动当前为 {status}",
    "{what} needs a campaign that is {allowed}; this one is {status}",
  ],
  surveySampleMissing: [
    "SUR-2：请先抽取样本（{total} 个项目中有 {missing} 个尚无样本）",
    "SUR-2: draw the sample first ({missing} of {total} estates have none)",
  ],
  surveySampleStale: [
    "SUR-2：抽样后又有 {missing} 户提出了有效投诉，请重新抽样（使用已存的种子，结果可复现）",
    "SUR-2: {missing} households made a valid complaint since the sample was drawn; draw it again (from the stored seed, so it stays reproducible)",
  ],
  surveyCampaignNotEnded: [
    "调查活动持续到 {endsAt}；未回收的问卷在结束后跟进",
    "The campaign runs until {endsAt}; questionnaires not returned are followed up after it",
  ],
  surveyCampaignNoEnd: ["调查活动尚未结束，请先关闭", "The campaign has no end yet; close it first"],
  // The steps named in surveyCampaignStatusNeeded.
  surveyStepHandOut: ["发放问卷", "Handing out questionnaires"],
  surveyStepReturn: ["登记问卷回收", "Recording a return"],
  surveyStepAnswers: ["录入答卷", "Entering answers"],
  surveyStepFollowUp: ["跟进未回收问卷", "Following up questionnaires"],
  surveyStepDraw: ["抽样", "Drawing the sample"],
  surveyStepPostSurvey: ["安排调查后续工作", "Planning the post-survey work"],
  surveyStepOpenLetter: ["发布公开信", "An open letter"],

  // SUR-1, SUR-2: planning a campaign.
  surveyRegularCoversAll: [
    "例行调查覆盖所有项目 (SUR-2)：请不填项目，或为部分项目策划专项调查",
    "A regular survey covers every estate (SUR-2): omit estateIds, or plan a SPECIAL survey for some of them",
  ],
  surveySpecialNeedsEstates: ["专项调查须列出所调查的项目", "A special survey names the estates it covers"],
  surveyNoSuchEstate: ["您的权限范围内没有该项目", "No such estate in your scope"],
  surveyRegularQuota: [
    "{year} 年已有 {count} 次例行调查（{codes}）；SUR-1 每年两次，请改为专项调查",
    "{year} already has {count} regular surveys ({codes}); SUR-1 plans two a year, so plan a SPECIAL survey",
  ],
  surveyNoPreviousCampaign: ["本次之前没有该调查活动", "No such campaign before this one"],
  surveyEndsAfterStart: ["结束时间须晚于开始时间", "The campaign ends after it starts"],
  surveyNoSuchQuestionnaire: ["没有该问卷", "No such questionnaire"],
  surveyQuestionnaireEmpty: ["该问卷没有任何维度 (SUR-6)", "The questionnaire has no dimensions (SUR-6)"],
  surveyCampaignCodeTaken: ["调查活动编号 {code} 已存在", "A campaign {code} exists already"],
  surveySeedTooLong: ["种子最多 200 个字符", "A seed is at most 200 characters"],

  // SUR-3: hand-outs and returns.
  surveyHandoutCount: ["每次发放 1 至 {max} 份", "1 to {max} hand-outs at a time"],
  surveyHouseholdNotSampled: [
    "该户不在本次调查您所辖项目的样本中 (SUR-2)",
    "The household is not in this campaign's sample of your estates (SUR-2)",
  ],
  surveyHouseholdHasQuestionnaire: ["该户已发放问卷（每户一份）", "The household has its questionnaire already (one per household)"],
  surveyBeforeCampaignStart: ["不能早于调查开始", "Not before the campaign starts"],
  surveyInFuture: ["不能晚于当前时间", "Not in the future"],
  surveyNoSuchStaff: ["没有该员工", "No such staff member"],
  surveyCommentTooLong: ["备注最多 {max} 个字符", "A comment is at most {max} characters"],
  surveyBeforeHandout: ["不能早于问卷发放", "Not before the questionnaire was handed out"],

  // SUR-6: answers, one questionnaire or many (§13).
  surveyRowCount: ["每次 1 至 {max} 行", "1 to {max} rows"],
  surveyBulkRefused: ["{rows} 行有问题，未录入任何内容", "{rows} rows have problems; nothing was entered"],
  surveyRowKey: ["请填写 handoutId 或 householdCode 之一", "Give either handoutId or householdCode"],
  surveyRowNoHandout: [
    "本次调查未向您所辖项目的该户发放问卷",
    "No questionnaire of this campaign was handed out to this household in your estates",
  ],
  surveyRowTwice: ["该问卷在本次录入中出现两次", "The questionnaire appears twice in this entry"],
  surveyAnswersEntered: [
    "该问卷的答案已录入；请用 recordSurveyResponse（附发放记录的版本号）修改",
    "Its answers were entered already; change them with recordSurveyResponse (with the hand-out's version)",
  ],
  surveyUnknownDimension: [
    '本次调查的问卷没有维度 "{dimension}"；可用：{codes}',
    'No dimension "{dimension}" in this campaign\'s questionnaire; it has {codes}',
  ],
  surveyDimensionTwice: ['维度 "{dimension}" 回答了两次', 'Dimension "{dimension}" is answered twice'],
  surveyRatingRange: [
    "评分为 1（很不满意）至 5（很满意）的整数；空白请不填",
    "A rating is a whole number from 1 (very dissatisfied) to 5 (very satisfied); leave it out for a blank",
  ],
  surveyRatingOrNotApplicable: ["一项回答要么评分，要么不适用，不能兼有", "An answer is either a rating or not applicable, not both"],
  surveyNotApplicableRefused: ['维度 "{dimension}" 不能回答"不适用"', 'Dimension "{dimension}" cannot be answered "not applicable"'],

  // SUR-6: questionnaires.
  questionnaireFrozen: [
    "SUR-6：该问卷版本已冻结{usedBy}；如需修改请复制为新版本",
    "SUR-6: this questionnaire revision is frozen{usedBy}; copy it into a new revision to change it",
  ],
  questionnaireCodeTaken: [
    "问卷 {code} 已存在；请复制其版本（reviseQuestionnaire）",
    "Questionnaire {code} exists; copy a revision of it (reviseQuestionnaire) instead",
  ],
  questionnaireNoDimensions: ["问卷至少有一个维度", "A questionnaire has at least one dimension"],
  questionnaireDimensionCode: [
    "编号由小写字母、数字和 _ 组成，以字母开头（如 repair_speed），最多 40 个字符",
    "A code is lower-case letters, digits and _, starting with a letter (e.g. repair_speed), at most 40",
  ],
  questionnaireDimensionCodeTwice: ['编号 "{code}" 用了两次', 'Code "{code}" is used twice'],
  questionnaireDimensionName: ["名称为 1 至 100 个字符", "A name of 1 to 100 characters"],
  questionnaireDimensionOrder: ["须为非负整数", "A non-negative whole number"],
  questionnaireOneOverall: ["只能有一个总体维度", "Only one dimension is the overall one"],
  questionnaireOverallApplies: ['总体维度不能回答"不适用"', 'The overall dimension cannot be answered "not applicable"'],

  // SUR-5: post-survey work.
  surveyTaskNotOpen: ["该任务已是 {status} 状态", "The task is {status} already"],
  surveyLetterEstate: ["不是本次调查在您权限范围内的项目", "Not an estate of this campaign in your scope"],
  surveyLetterCompletion: ["不能早于公开信发布", "Not before the letter is published"],

  // SUR-7: tenants' meetings.
  tenantMeetingWholeNumber: ["须为 0 或以上的整数", "A whole number, 0 or more"],
  tenantMeetingNoMembers: ["座谈会须有成员", "A meeting has members"],
  tenantMeetingMetAtMost: ["不能超过成员人数", "At most the number of members"],
  tenantMeetingAnsweredAtMost: ["不能超过提出的诉求数", "At most the requests raised"],
  tenantMeetingYear: ["年份如 2026", "A year such as 2026"],
} as const satisfies Record<string, Bilingual>;
