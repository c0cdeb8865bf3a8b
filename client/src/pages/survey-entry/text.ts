import { pick, translator, type Message } from "../../i18n/locale.ts";

/** Every string of the survey entry page, in both languages. */
export const t = translator({
  title: ["问卷录入", "Survey entry"],
  campaign: ["调查活动", "Campaign"],
  noCampaigns: ["没有进行中或已结束的调查活动", "No running or closed campaign"],
  questionnaire: [
    "问卷：{title} · {code} 第 {revision} 版 · {n} 题",
    "Questionnaire: {title} · {code} revision {revision} · {n} questions",
  ],
  estate: ["项目", "Estate"],
  allEstates: ["全部项目", "All estates"],
  show: ["显示", "Show"],
  pending: ["待录入", "To enter"],
  entered: ["已录入", "Entered"],
  all: ["全部", "All"],
  search: ["查找房号…", "Find a household…"],
  count: ["共 {n} 份问卷", "{n} questionnaires"],
  countShown: ["显示 {shown} / 共 {n} 份", "{shown} of {n} questionnaires"],
  truncated: ["仅显示前 {n} 份，请按项目筛选", "Only the first {n} are shown: choose an estate"],
  none: ["没有符合条件的问卷", "No questionnaires here"],
  readOnly: ["只读：您的角色不能录入问卷", "Read only: your role does not enter answers"],
  howTo: [
    "选中第一题按数字键录入评分（5 非常满意 … 1 非常不满意，n 不适用，- 空白），Tab 到下一题，Enter 保存并跳到下一份问卷。",
    "On the first question type the score (5 very satisfied … 1 very dissatisfied, n not applicable, - blank), Tab to the next question, Enter saves and goes to the next questionnaire.",
  ],
  state: ["状态", "Status"],
  household: ["房号", "Household"],
  estateCol: ["项目", "Estate"],
  distributor: ["发放人", "Handed out by"],
  handedOutAt: ["发放时间", "Handed out"],
  returnedAt: ["回收时间", "Returned"],
  notReturned: ["待录入", "To enter"],
  returned: ["已录入", "Entered"],
  overall: ["（总体满意度，计算满意率）", "(the overall satisfaction rate)"],
  unsaved: ["{n} 份尚未保存", "{n} questionnaires not saved"],
  campaignStatus: ["状态：{status}", "Status: {status}"],
});

export type TextKey = Parameters<typeof t>[0];

/** SUR-6: the 5-point scale, in the words of the paper questionnaire. */
const SCALE: Record<string, Message> = {
  "5": ["5 非常满意", "5 very satisfied"],
  "4": ["4 满意", "4 satisfied"],
  "3": ["3 一般", "3 neutral"],
  "2": ["2 不满意", "2 dissatisfied"],
  "1": ["1 非常不满意", "1 very dissatisfied"],
  NA: ["N/A 不适用", "N/A not applicable"],
  blank: ["- 空白", "- blank"],
};

/** An option of an answer cell as the editor lists it. */
export const scaleLabel = (value: string | null) => pick(SCALE[value ?? "blank"]!);

const STATUS: Record<string, Message> = {
  RUNNING: ["进行中", "Running"],
  CLOSED: ["已结束", "Closed"],
  DRAFT: ["草稿", "Draft"],
  CANCELLED: ["已取消", "Cancelled"],
};
export const statusLabel = (s: string) => (STATUS[s] ? pick(STATUS[s]!) : s);
