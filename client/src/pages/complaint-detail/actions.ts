import type { ComplaintDetail, Lookups, StaffDirectoryFilter } from "../../graphql/complaint-detail.ts";
import { label } from "../../i18n/labels.ts";
import { formatDateTime, pick, type Message } from "../../i18n/locale.ts";
import { detailLabel } from "./detail-labels.ts";

/**
 * SPEC §5: every action a complaint's page offers, with the mutation it runs and the inputs that
 * mutation takes (server/schema.graphql). The workflow actions come from `availableActions`
 * (server/src/domain/complaints/workflow.ts); the others change no status and are offered while
 * the complaint is open.
 */

export type Value = string | boolean | string[];
export type Values = Record<string, Value>;
export interface Option {
  value: string;
  label: string;
  group?: string;
}

export interface FieldSpec {
  /** The mutation input's field; an InputError's `input.<name>` lands on it. */
  name: string;
  label: Message;
  type: "text" | "textarea" | "select" | "datetime" | "checkbox" | "multi" | "person";
  required?: boolean | ((v: Values) => boolean);
  options?: (c: ComplaintDetail, lookups: Lookups | undefined) => Option[];
  show?: (v: Values) => boolean;
  initial?: (c: ComplaintDetail) => Value;
  /** "true"/"false" selects become booleans. */
  boolean?: boolean;
  /**
   * A "person" field: whom the server's staff directory offers for these values, or null while
   * the form lacks what the choice depends on (`waitsFor` says what).
   */
  people?: (c: ComplaintDetail, v: Values) => StaffDirectoryFilter | null;
  waitsFor?: Message;
  /** A "person" field's empty choice when the server then picks (e.g. the next level up). */
  defaultChoice?: Message;
}

export interface ActionSpec {
  key: string;
  label: Message;
  /** The SPEC rule the action implements. */
  rule: string;
  mutation: string;
  fields: FieldSpec[];
  fixed?: Record<string, unknown>;
  needsLookups?: boolean;
}

const enumOptions = (type: string, values: string[]) => () => values.map((v) => ({ value: v, label: detailLabel(type, v) }));
const BOOL = (): Option[] => [
  { value: "true", label: pick(["是", "Yes"]) },
  { value: "false", label: pick(["否", "No"]) },
];

const KINDS = ["SERVICE", "ENGINEERING", "WARRANTY", "MUNICIPAL", "SUGGESTION", "ENQUIRY", "CLAIM"];
const SEVERITIES = ["GENERAL", "IMPORTANT", "MAJOR"];

const categories = (_c: ComplaintDetail, l: Lookups | undefined): Option[] =>
  (l?.categories ?? []).flatMap((p) => p.children.filter((x) => x.active).map((x) => ({ value: x.id, label: x.name, group: p.name })));
const departments = (_c: ComplaintDetail, l: Lookups | undefined): Option[] =>
  (l?.departments ?? []).map((d) => ({ value: d.id, label: d.name }));

const note = (required = false, labelText: Message = ["备注", "Note"]): FieldSpec => ({
  name: "note",
  label: labelText,
  type: "textarea",
  required,
});

const classifyFields: FieldSpec[] = [
  {
    name: "kind",
    label: ["类型 (CLS-2)", "Kind (CLS-2)"],
    type: "select",
    required: true,
    options: () => KINDS.map((k) => ({ value: k, label: label("ComplaintKind", k) })),
    initial: (c) => c.kind ?? "",
  },
  {
    name: "severity",
    label: ["严重程度 (CLS-3)", "Severity (CLS-3)"],
    type: "select",
    required: true,
    options: () => SEVERITIES.map((s) => ({ value: s, label: label("ComplaintSeverity", s) })),
    initial: (c) => c.severity,
  },
  {
    name: "categoryId",
    label: ["类别 (CLS-4)", "Category (CLS-4)"],
    type: "select",
    required: true,
    options: categories,
    initial: (c) => c.category?.id ?? "",
  },
  {
    name: "inWarranty",
    label: ["保修期内或开发商遗留 (WF-5)", "In warranty or developer legacy (WF-5)"],
    type: "checkbox",
    initial: (c) => c.inWarranty,
  },
];

export const ACTIONS: Record<string, ActionSpec> = {
  CLASSIFY: {
    key: "CLASSIFY",
    label: ["分类", "Classify"],
    rule: "CLS-1…CLS-4",
    mutation: "classifyComplaint",
    fixed: { valid: true },
    needsLookups: true,
    fields: [...classifyFields, note()],
  },
  RECLASSIFY: {
    key: "RECLASSIFY",
    label: ["重新分类", "Reclassify"],
    rule: "CLS-1…CLS-4",
    mutation: "classifyComplaint",
    fixed: { valid: true },
    needsLookups: true,
    fields: [...classifyFields, note(true, ["重新分类原因", "Why it is reclassified"])],
  },
  MARK_INVALID: {
    key: "MARK_INVALID",
    label: ["判为无效", "Mark invalid"],
    rule: "CLS-1",
    mutation: "classifyComplaint",
    fixed: { valid: false },
    fields: [{ name: "invalidReason", label: ["给投诉人的解释", "Explanation for the complainant"], type: "textarea", required: true }],
  },
  ASSIGN: {
    key: "ASSIGN",
    label: ["派单", "Assign"],
    rule: "WF-1",
    mutation: "assignComplaint",
    needsLookups: true,
    fields: [
      {
        name: "leadDepartmentId",
        label: ["责任部门", "Lead department"],
        type: "select",
        required: true,
        options: departments,
        initial: (c) => c.leadDepartment?.id ?? "",
      },
      {
        name: "assistingDepartmentIds",
        label: ["协办部门（由服务中心协调）", "Assisting departments (coordinated by the service centre)"],
        type: "multi",
        options: departments,
        initial: () => [],
      },
      {
        // WF-1, SLA-8: the responsible person, a member of the lead department who may handle this case (SEC-2).
        name: "assigneeId",
        label: ["负责人（责任部门成员）", "Responsible person (a member of the lead department)"],
        type: "person",
        people: (c, v) =>
          typeof v.leadDepartmentId === "string" && v.leadDepartmentId
            ? { pick: "ASSIGNEE", complaintId: c.id, departmentId: v.leadDepartmentId }
            : null,
        waitsFor: ["请先选择责任部门", "Choose the lead department first"],
        defaultChoice: ["暂不指定", "Nobody yet"],
        initial: (c) => c.assignee?.id ?? "",
      },
      note(),
    ],
  },
  RECORD_PLAN: {
    key: "RECORD_PLAN",
    label: ["记录处理方案", "Record the plan"],
    rule: "WF-2, WF-3",
    mutation: "recordComplaintPlan",
    fields: [
      { name: "causeAnalysis", label: ["原因分析", "Cause analysis"], type: "textarea", required: true },
      {
        name: "responsibility",
        label: ["责任方", "Responsibility"],
        type: "select",
        required: true,
        options: enumOptions("Responsibility", ["COMPANY", "CONTRACTOR", "DEVELOPER", "CUSTOMER"]),
      },
      { name: "plan", label: ["处理方案", "Plan"], type: "textarea", required: true },
      { name: "promisedAt", label: ["承诺完成时间", "Promised completion"], type: "datetime", required: true },
      { name: "changeReason", label: ["承诺变更的书面原因 (WF-3)", "Written reason for changing the promise (WF-3)"], type: "textarea" },
    ],
  },
  CONFIRM_PLAN: {
    key: "CONFIRM_PLAN",
    label: ["确认方案并告知投诉人", "Confirm the plan and tell the complainant"],
    rule: "WF-2",
    mutation: "confirmComplaintPlan",
    fields: [{ name: "communicatedAt", label: ["告知时间（默认现在）", "Told at (default now)"], type: "datetime" }, note()],
  },
  START: { key: "START", label: ["开始处理", "Start work"], rule: "§5", mutation: "startComplaintWork", fields: [note()] },
  FORWARD_TO_DEVELOPER: {
    key: "FORWARD_TO_DEVELOPER",
    label: ["转开发商", "Forward to the developer"],
    rule: "WF-5, SLA-7",
    mutation: "forwardComplaintToDeveloper",
    fields: [
      { name: "developerName", label: ["开发商接收部门", "Developer's receiving department"], type: "text", required: true },
      { name: "developerContact", label: ["联系人", "Contact"], type: "text" },
      { name: "plan", label: ["方案（默认当前方案）", "Plan (default: the current plan)"], type: "textarea" },
    ],
  },
  DEVELOPER_ANSWERED: {
    key: "DEVELOPER_ANSWERED",
    label: ["记录开发商答复", "Record the developer's answer"],
    rule: "WF-5",
    mutation: "recordDeveloperAnswer",
    fields: [
      {
        name: "accepted",
        label: ["开发商接受", "Accepted by the developer"],
        type: "select",
        required: true,
        boolean: true,
        options: BOOL,
      },
      { name: "response", label: ["答复内容", "Answer"], type: "textarea", required: true },
    ],
  },
  RESOLVE: {
    key: "RESOLVE",
    label: ["办结", "Resolve"],
    rule: "§5, SLA-6",
    mutation: "resolveComplaint",
    fields: [
      { name: "note", label: ["处理结果", "What was done"], type: "textarea", required: true },
      {
        name: "disruptiveRepair",
        label: ["影响客户的大型维修 (CB-11)", "Large repair that disrupted the customer (CB-11)"],
        type: "checkbox",
        initial: () => false,
      },
    ],
  },
  CONFIRM: {
    key: "CONFIRM",
    label: ["记录投诉人确认", "Record the complainant's confirmation"],
    rule: "WF-4",
    mutation: "confirmComplaintResolution",
    fields: [
      {
        name: "method",
        label: ["确认方式", "How"],
        type: "select",
        required: true,
        options: enumOptions("ConfirmationMethod", ["SIGNATURE", "PHONE_CONSENT", "IN_PERSON", "LETTER", "SMS", "WEB"]),
      },
      { name: "satisfied", label: ["投诉人满意", "Satisfied"], type: "select", required: true, boolean: true, options: BOOL },
      { name: "confirmedByName", label: ["确认人（如非登记的投诉人）", "Who confirmed (if not the complainant on record)"], type: "text" },
      { name: "confirmedAt", label: ["确认时间（默认现在）", "When (default now)"], type: "datetime" },
      {
        name: "signatureAttachmentId",
        label: ["签字的处理单（附件）", "The signed handling form (attachment)"],
        type: "select",
        required: true,
        show: (v) => v.method === "SIGNATURE",
        options: (c) => c.attachments.filter((a) => a.kind === "SIGNATURE").map((a) => ({ value: a.id, label: a.fileName })),
      },
      {
        name: "recordingId",
        label: ["电话录音", "The recorded call"],
        type: "select",
        required: true,
        show: (v) => v.method === "PHONE_CONSENT",
        options: (c) => c.recordings.map((r) => ({ value: r.id, label: `${formatDateTime(r.startedAt)} · ${r.durationSeconds}s` })),
      },
      {
        name: "note",
        label: ["投诉人的意见（不满意时必填）", "The complainant's words (required when not satisfied)"],
        type: "textarea",
        required: (v) => v.satisfied === "false",
      },
    ],
  },
  REOPEN: {
    key: "REOPEN",
    label: ["重开", "Reopen"],
    rule: "CB-7",
    mutation: "reopenComplaint",
    fields: [{ name: "reason", label: ["重开原因", "Why it is reopened"], type: "textarea", required: true }],
  },
  REPLY: {
    key: "REPLY",
    label: ["答复投诉人", "Reply to the complainant"],
    rule: "SLA-9",
    mutation: "recordComplaintReply",
    fields: [{ name: "note", label: ["告知投诉人的内容", "What the complainant was told"], type: "textarea", required: true }],
  },
  PAUSE: {
    key: "PAUSE",
    label: ["暂停计时", "Pause the clock"],
    rule: "§6",
    mutation: "pauseComplaintClock",
    fields: [{ name: "reason", label: ["暂停原因（等待客户）", "Why (waiting for the customer)"], type: "textarea", required: true }],
  },
  RESUME: { key: "RESUME", label: ["恢复计时", "Resume the clock"], rule: "§6", mutation: "resumeComplaintClock", fields: [note()] },
  ESCALATE: {
    key: "ESCALATE",
    label: ["升级上报", "Escalate"],
    rule: "WF-7",
    mutation: "escalateComplaint",
    fields: [
      { name: "reason", label: ["升级原因", "Why it is escalated"], type: "textarea", required: true },
      {
        name: "toStaffId",
        label: ["上报给", "Report to"],
        type: "person",
        people: (c) => ({ pick: "ESCALATION", complaintId: c.id }),
        defaultChoice: ["默认：上一级主管", "Default: the next level up"],
      },
    ],
  },
};

const OPEN = ["REGISTERED", "CLASSIFIED", "ASSIGNED", "PLANNED", "IN_PROGRESS", "FORWARDED_TO_DEVELOPER", "REOPENED", "RESOLVED"];

/** §6: the clock is paused after a PAUSE event until a RESUME one (or while an open deadline says so). */
export function clockPaused(c: ComplaintDetail): boolean {
  const last = c.recentEvents.edges
    .map((e) => e.node.kind)
    .filter((k) => k === "PAUSE" || k === "RESUME")
    .at(-1);
  return last ? last === "PAUSE" : c.openDeadlines.some((s) => s.status === "PAUSED" || !!s.pausedSince);
}

/** The actions to offer now: the status's workflow actions with a form, then the other steps an open complaint allows. */
export function offeredActions(c: ComplaintDetail): ActionSpec[] {
  const workflow = c.availableActions.filter((a) => ACTIONS[a]).map((a) => ACTIONS[a]!);
  const open = OPEN.includes(c.status);
  const extra: string[] = [];
  if (c.plans.some((p) => p.status === "DRAFT") && open) extra.push("CONFIRM_PLAN");
  if (c.valid === true && open && c.status !== "REGISTERED" && c.status !== "REOPENED") extra.push("RECLASSIFY");
  if (open) extra.push("REPLY");
  if (open && c.status !== "RESOLVED") extra.push(clockPaused(c) ? "RESUME" : "PAUSE");
  if (open) extra.push("ESCALATE");
  return [...workflow, ...extra.map((k) => ACTIONS[k]!)];
}

/** WF-3: a changed promise needs its written reason once there is an earlier one. */
export function fieldRequired(action: ActionSpec, f: FieldSpec, v: Values, c: ComplaintDetail): boolean {
  if (action.key === "RECORD_PLAN" && f.name === "changeReason") return c.promises.length > 0;
  return typeof f.required === "function" ? f.required(v) : !!f.required;
}

/** The mutation input from the form's values: empty optional fields are left out. */
export function buildInput(action: ActionSpec, v: Values, id: string, version: number): Record<string, unknown> {
  const input: Record<string, unknown> = { id, version, ...action.fixed };
  for (const f of action.fields) {
    if (f.show && !f.show(v)) continue;
    const raw = v[f.name];
    if (f.type === "checkbox") input[f.name] = raw === true;
    else if (f.type === "multi") {
      if (Array.isArray(raw) && raw.length) input[f.name] = raw;
    } else if (typeof raw === "string" && raw.trim() !== "") {
      input[f.name] = f.boolean ? raw === "true" : f.type === "datetime" ? new Date(raw).toISOString() : raw.trim();
    }
  }
  return input;
}

/** The form's starting values for the complaint. */
export function initialValues(action: ActionSpec, c: ComplaintDetail): Values {
  return Object.fromEntries(
    action.fields.map((f) => [f.name, f.initial?.(c) ?? (f.type === "checkbox" ? false : f.type === "multi" ? [] : "")]),
  );
}
