import { pick, translator, type Message } from "../../i18n/locale.ts";

/** Every string of the callback ledger, in both languages. */
export const t = translator({
  title: ["回访台账", "Callbacks"],
  viewDue: ["待回访", "Due"],
  viewOverdue: ["已超时", "Overdue"],
  viewDone: ["已回访", "Done"],
  view: ["范围", "Show"],
  estate: ["项目", "Estate"],
  allEstates: ["全部项目", "All estates"],
  month: ["月份", "Month"],
  monthHint: ["待回访：截止于该月底前；已回访：该月内回访", "Due: due by the month's end; done: called in the month"],
  search: ["查找编号、房号、客户…", "Find a number, household, customer…"],
  count: ["共 {n} 条", "{n} callbacks"],
  countShown: ["显示 {shown} / 共 {n} 条", "{shown} of {n} callbacks"],
  truncated: ["仅显示前 {n} 条，请缩小范围", "Only the first {n} are shown: narrow the filters"],
  none: ["该范围内没有回访记录", "No callbacks in this range"],
  readOnly: ["只读：您的角色不能登记回访", "Read only: your role does not record callbacks"],
  howTo: ["双击或按 Enter 编辑一行待回访记录，Tab 切换单元格，Enter 保存。上门/预约回访须上传客户签字 (CB-5)。", "Double-click or press Enter on a planned callback to edit it, Tab between cells, Enter to save. An in-person or appointment callback needs the customer's signature (CB-5)."],
  no: ["回访编号", "Callback no."],
  complaint: ["投诉编号", "Complaint"],
  estateCol: ["项目", "Estate"],
  household: ["房号", "Household"],
  customerName: ["客户", "Customer"],
  customerPhone: ["联系电话", "Phone"],
  kind: ["类型", "Kind"],
  sequence: ["次数", "Round"],
  dueAt: ["应回访时间", "Due"],
  assignedTo: ["回访责任人", "To call back"],
  status: ["状态", "Status"],
  method: ["回访方式", "Method"],
  reached: ["是否联系上", "Reached"],
  satisfied: ["客户评价", "Verdict"],
  comment: ["客户意见", "Customer's words"],
  signature: ["客户签字", "Signature"],
  calledAt: ["回访时间", "Called at"],
  staff: ["回访人", "Called by"],
  reviewedBy: ["审核签字", "Reviewed by"],
  reviewedAt: ["审核时间", "Reviewed at"],
  sign: ["审核签字", "Review and sign"],
  reachedYes: ["已联系上", "Reached"],
  reachedNo: ["未联系上", "Not reached"],
  satisfiedYes: ["满意", "Satisfied"],
  satisfiedNo: ["不满意", "Dissatisfied"],
  methodRequired: ["请选择回访方式", "Choose how the customer was contacted"],
  reachedRequired: ["请选择是否联系上客户", "Say whether the customer was reached"],
  pickFile: ["选择签字文件", "Choose the signature file"],
  reading: ["读取中…", "Reading…"],
  overdue: ["超时", "Overdue"],
  statsTitle: ["{month} 回访统计 (CB-10)", "Callback statistics of {month} (CB-10)"],
  made: ["本月回访", "Made"],
  reachedCount: ["联系上", "Reached"],
  callbackRate: ["回访率", "Callback rate"],
  target: ["目标 {target}", "target {target}"],
  phoneShare: ["电话回访占比 (CB-5)", "Phone share (CB-5)"],
  phoneLimit: ["上限 {max}", "at most {max}"],
  satisfaction: ["满意率", "Satisfaction"],
  issues: ["问题解决率", "Issues resolved"],
  unreviewed: ["待审核", "Not reviewed"],
  overdueCount: ["月底超时未回访", "Overdue at month end"],
  statsFailed: ["统计加载失败", "Statistics could not be loaded"],
  unsaved: ["{n} 行尚未保存", "{n} rows not saved"],
});

type Key = Parameters<typeof t>[0];
export type { Key as TextKey };

const ENUMS: Record<string, Record<string, Message>> = {
  CallbackMethod: { PHONE: ["电话", "Phone"], IN_PERSON: ["上门", "In person"], APPOINTMENT: ["预约面谈", "By appointment"], LETTER: ["信函", "Letter"] },
  CallbackStatus: { PLANNED: ["待回访", "Planned"], DONE: ["已回访", "Done"], NOT_REACHED: ["未联系上", "Not reached"], CANCELLED: ["已取消", "Cancelled"] },
  CallbackKind: {
    COMPLAINT: ["投诉回访", "Complaint"], REPAIR: ["维修回访", "Repair"], PERIODIC: ["定期回访", "Periodic"], SAMPLING: ["抽样回访", "Sampling"],
    EVENT: ["活动回访", "Event"], SURVEY_FOLLOWUP: ["问卷跟进", "Survey follow-up"], VISIT: ["走访回访", "Visit"],
  },
};

/** The label of a callback enum value (CallbackMethod, CallbackStatus, CallbackKind); unknown values as they are. */
export function enumLabel(type: keyof typeof ENUMS, value: string | null | undefined): string {
  if (value == null) return "";
  const m = ENUMS[type]?.[value];
  return m ? pick(m) : value;
}
