import type { ColDef, ICellRendererParams, ValueFormatterParams } from "ag-grid-community";
import type { RowConnection } from "../../graphql/reports.ts";
import { label } from "../../i18n/labels.ts";
import { formatDateTime, pick, translator, type Message } from "../../i18n/locale.ts";
import { navigate } from "../../router/router.tsx";
import { partName, slaRuleName } from "../reports/labels.ts";

const t = translator({
  inNumerator: ["计入分子", "In numerator"],
  no: ["编号", "No."],
  receivedAt: ["受理时间", "Received"],
  estate: ["项目", "Estate"],
  household: ["房号", "Household"],
  location: ["公共区域", "Public area"],
  category: ["类别", "Category"],
  kind: ["类型", "Kind"],
  severity: ["级别", "Severity"],
  channel: ["渠道", "Channel"],
  status: ["状态", "Status"],
  valid: ["有效", "Valid"],
  repeat: ["重复投诉", "Repeat"],
  department: ["责任部门", "Department"],
  complainant: ["投诉人", "Complainant"],
  content: ["内容", "Content"],
  method: ["方式", "Method"],
  calledAt: ["回访时间", "Called"],
  dueAt: ["应回访", "Due"],
  reached: ["已联系上", "Reached"],
  satisfied: ["满意", "Satisfied"],
  sequence: ["次序", "Round"],
  staff: ["回访人", "Called by"],
  complaint: ["投诉", "Complaint"],
  description: ["问题", "Issue"],
  onSpot: ["当场答复", "Answered on the spot"],
  resolved: ["已解决", "Resolved"],
  promised: ["承诺答复", "Promised reply"],
  replied: ["答复时间", "Replied"],
  rule: ["规则", "Rule"],
  stage: ["阶段", "Stage"],
  clock: ["计时", "Clock"],
  round: ["轮次", "Round"],
  started: ["开始", "Started"],
  deadline: ["期限", "Deadline"],
  finished: ["完成", "Finished"],
  dimension: ["维度", "Dimension"],
  rating: ["评分", "Rating"],
  notApplicable: ["不适用", "Not applicable"],
  comment: ["意见", "Comment"],
  campaign: ["调查", "Campaign"],
  handedOut: ["发放", "Handed out"],
  returned: ["已回收", "Returned"],
  returnedAt: ["回收时间", "Returned at"],
  distributor: ["发放人", "Distributor"],
  code: ["房号", "Household"],
  building: ["楼栋", "Building"],
  occupied: ["常住", "Occupied"],
  visitedAt: ["走访时间", "Visited"],
  area: ["区域", "Area"],
  visitor: ["走访人", "Visitor"],
  signed: ["已签字", "Signed"],
  mainStage: ["主阶段", "Main"],
  yes: ["是", "Yes"],
  no_: ["否", "No"],
});

/** Enum values the shared labels do not cover. */
const ENUMS: Record<string, Message> = {
  PHONE: ["电话", "Phone"],
  IN_PERSON: ["上门", "In person"],
  APPOINTMENT: ["预约", "Appointment"],
  LETTER: ["信函", "Letter"],
  DONE: ["已完成", "Done"],
  NOT_REACHED: ["未联系上", "Not reached"],
  PLANNED: ["计划中", "Planned"],
  CANCELLED: ["已取消", "Cancelled"],
  MET: ["按时", "Met"],
  BREACHED: ["超时", "Breached"],
  RUNNING: ["计时中", "Running"],
  PAUSED: ["暂停", "Paused"],
  WORKING: ["工作时间", "Working hours"],
  WALL: ["自然时间", "24 × 7"],
  COMPLAINT: ["投诉回访", "Complaint"],
  EVENT: ["活动", "Event"],
  PERIODIC: ["定期", "Periodic"],
  REPAIR: ["维修", "Repair"],
  SAMPLING: ["抽样", "Sampling"],
  SURVEY_FOLLOWUP: ["调查跟进", "Survey follow-up"],
  VISIT: ["走访", "Visit"],
  RESIDENTIAL: ["住宅", "Residential"],
  COMMERCIAL: ["商业", "Commercial"],
  OFFICE: ["写字楼", "Office"],
  AREA: ["区域走访", "Area"],
  DOOR_TO_DOOR: ["上门走访", "Door to door"],
  EMERGENCY: ["紧急", "Emergency"],
  HOLIDAY: ["节日", "Holiday"],
  MOVE_IN: ["入住", "Move-in"],
  ROUTINE: ["例行", "Routine"],
};

type Row = Record<string, unknown>;
const text = (header: string, field: string, width = 120): ColDef<Row> => ({ headerName: header, field, width });
const when = (header: string, field: string): ColDef<Row> => ({
  headerName: header,
  field,
  width: 150,
  valueFormatter: (p: ValueFormatterParams<Row>) => formatDateTime(p.value as string),
});
const yesNo = (header: string, field: string, width = 120): ColDef<Row> => ({
  headerName: header,
  field,
  width,
  cellDataType: "text",
  valueFormatter: (p: ValueFormatterParams<Row>) => (p.value == null ? "" : p.value ? t("yes") : t("no_")),
});
const enumOf = (header: string, field: string, type?: string): ColDef<Row> => ({
  headerName: header,
  field,
  width: 110,
  valueFormatter: (p: ValueFormatterParams<Row>) =>
    p.value == null
      ? ""
      : type
        ? label(type, p.value as string)
        : ENUMS[p.value as string]
          ? pick(ENUMS[p.value as string]!)
          : String(p.value),
});
/** A complaint's number, linking to the complaint. */
const complaintNo = (field: string, idField: string): ColDef<Row> => ({
  headerName: t("complaint"),
  field,
  width: 150,
  cellRenderer: (p: ICellRendererParams<Row>) => {
    const id = idField.split(".").reduce<unknown>((o, k) => (o as Row | null)?.[k], p.data);
    if (!p.value || !id) return String(p.value ?? "");
    const a = document.createElement("a");
    a.href = `/complaints/${encodeURIComponent(String(id))}`;
    a.textContent = String(p.value);
    a.addEventListener("click", (e) => {
      e.preventDefault();
      navigate(a.getAttribute("href")!);
    });
    return a;
  },
});
const category: ColDef<Row> = {
  headerName: t("category"),
  colId: "category",
  width: 150,
  valueGetter: (p) => {
    const c = p.data?.category as { name: string; parent: { name: string } | null } | null;
    return c ? (c.parent ? `${c.parent.name} / ${c.name}` : c.name) : "";
  },
};

/** The columns of each kind of row, built when asked (in the reader's language). */
const COLUMNS: Record<RowConnection, () => ColDef<Row>[]> = {
  complaints: () => [
    complaintNo("no", "id"),
    when(t("receivedAt"), "receivedAt"),
    text(t("estate"), "estate.name"),
    text(t("household"), "household.code"),
    text(t("location"), "location"),
    category,
    enumOf(t("kind"), "kind", "ComplaintKind"),
    enumOf(t("severity"), "severity", "ComplaintSeverity"),
    enumOf(t("channel"), "channel", "ComplaintChannel"),
    enumOf(t("status"), "status", "ComplaintStatus"),
    yesNo(t("valid"), "valid"),
    yesNo(t("repeat"), "isRepeat"),
    text(t("department"), "leadDepartment.name"),
    text(t("complainant"), "complainantName"),
    { ...text(t("content"), "content", 260), flex: 1, minWidth: 260, tooltipField: "content" },
  ],
  callbacks: () => [
    text(t("no"), "no", 150),
    complaintNo("complaint.no", "complaint.id"),
    enumOf(t("kind"), "kind"),
    enumOf(t("status"), "status"),
    enumOf(t("method"), "method"),
    when(t("dueAt"), "dueAt"),
    when(t("calledAt"), "calledAt"),
    yesNo(t("reached"), "reached"),
    yesNo(t("satisfied"), "satisfied"),
    text(t("sequence"), "sequence", 80),
    yesNo(t("signed"), "signed"),
    text(t("estate"), "estate.name"),
    text(t("household"), "household.code"),
    text(t("staff"), "staff.displayName"),
  ],
  callbackIssues: () => [
    { ...text(t("description"), "description", 320), flex: 1, minWidth: 320, tooltipField: "description" },
    text(t("department"), "department.name"),
    yesNo(t("onSpot"), "answeredOnSpot", 170),
    yesNo(t("resolved"), "resolved"),
    when(t("promised"), "promisedReplyAt"),
    when(t("replied"), "repliedAt"),
  ],
  slaStages: () => [
    complaintNo("complaint.no", "complaint.id"),
    { headerName: t("rule"), field: "rule", width: 200, valueFormatter: (p) => slaRuleName(String(p.value)) },
    { ...text(t("stage"), "stage"), valueFormatter: (p) => (p.value === "main" ? t("mainStage") : String(p.value ?? "")) },
    enumOf(t("status"), "status"),
    enumOf(t("clock"), "clock"),
    text(t("round"), "round", 80),
    when(t("started"), "startedAt"),
    when(t("deadline"), "deadlineAt"),
    when(t("finished"), "finishedAt"),
    text(t("estate"), "complaint.estate.name"),
  ],
  surveyResponses: () => [
    {
      headerName: t("dimension"),
      colId: "dimension",
      width: 170,
      valueGetter: (p) => {
        const d = p.data?.dimension as { code: string; name: string } | undefined;
        return d ? partName({ metric: "SATISFACTION", part: d.code, partLabel: d.name }) : "";
      },
    },
    text(t("rating"), "rating", 90),
    yesNo(t("notApplicable"), "notApplicable", 150),
    { ...text(t("comment"), "comment", 360), flex: 1, minWidth: 360, tooltipField: "comment" },
  ],
  surveyHandouts: () => [
    text(t("campaign"), "campaign.name", 220),
    text(t("estate"), "estate.name"),
    text(t("household"), "household.code", 140),
    when(t("handedOut"), "handedOutAt"),
    yesNo(t("returned"), "returned"),
    when(t("returnedAt"), "returnedAt"),
    text(t("distributor"), "distributor.displayName"),
  ],
  households: () => [
    text(t("code"), "code", 160),
    text(t("estate"), "estate.name"),
    text(t("building"), "building.name"),
    enumOf(t("kind"), "kind"),
    yesNo(t("occupied"), "occupied"),
  ],
  visitRecords: () => [
    when(t("visitedAt"), "visitedAt"),
    text(t("estate"), "estate.name"),
    text(t("household"), "household.code", 140),
    text(t("area"), "area"),
    enumOf(t("kind"), "kind"),
    yesNo(t("satisfied"), "satisfied"),
    yesNo(t("resolved"), "resolved"),
    yesNo(t("signed"), "signed"),
    text(t("visitor"), "visitor.displayName"),
  ],
};

/** The grid's columns for each kind of row behind a figure. Personal data is shown as the server sent it (masked for most roles, SEC-7). */
export function rowColumns(connection: RowConnection, withNumeratorFlag = true): ColDef<Row>[] {
  const flag = yesNo(t("inNumerator"), "_inNumerator", 150);
  return withNumeratorFlag ? [flag, ...COLUMNS[connection]()] : COLUMNS[connection]();
}
