import { msg, type Msg } from "../i18n/messages.ts";

/**
 * SPEC §13, shared/interchange/README.md: the required spreadsheet layout of each file, with the
 * Chinese header aliases. Pure data plus header matching: which column of the file is which field.
 */
export const KINDS = ["ESTATES", "HOUSEHOLDS", "COMPLAINTS", "CALLBACKS", "SURVEY_RESPONSES"] as const;
export type InterchangeKind = (typeof KINDS)[number];

/** How a cell is read (cells.ts). Enum values are the file's lower-case words. */
export type CellType =
  | { t: "text"; max: number }
  | { t: "bool" }
  | { t: "timestamp" }
  | { t: "rating" }
  | { t: "score" }
  | { t: "list"; max: number }
  | { t: "enum"; values: readonly string[] };

export interface ColumnSpec {
  /** The English header, also the field name problems and exports use. */
  name: string;
  /** The Chinese header of the layout. */
  alias: string;
  type: CellType;
  /** The column must be present and every row must give a value. */
  required?: boolean;
  /** SEC-1: personal data; its value never appears in a problem, a log line or an unapproved export. */
  personal?: boolean;
}

export interface LayoutSpec {
  kind: InterchangeKind;
  /** The file name stem of an export (`complaints-2026-11-22.csv`). */
  stem: string;
  /** The columns that identify a row (SPEC §13: rows are keyed by their code/number columns). */
  key: readonly string[];
  columns: readonly ColumnSpec[];
}

const text = (max = 200): CellType => ({ t: "text", max });
const bool: CellType = { t: "bool" };
const timestamp: CellType = { t: "timestamp" };
const enumOf = (...values: string[]): CellType => ({ t: "enum", values });

export const CLASSIFICATIONS = ["internal", "secret", "confidential", "top_secret"] as const;

export const LAYOUTS: Record<InterchangeKind, LayoutSpec> = {
  ESTATES: {
    kind: "ESTATES",
    stem: "estates",
    key: ["estate_code"],
    columns: [
      { name: "estate_code", alias: "项目编号", type: text(40), required: true },
      { name: "name", alias: "项目名称", type: text(200), required: true },
      { name: "kind", alias: "类型", type: enumOf("residential", "commercial", "office", "villa") },
      { name: "timezone", alias: "时区", type: text(64) },
    ],
  },
  HOUSEHOLDS: {
    kind: "HOUSEHOLDS",
    stem: "households",
    key: ["household_code"],
    columns: [
      { name: "household_code", alias: "房号编码", type: text(60), required: true },
      { name: "estate_code", alias: "项目编号", type: text(40), required: true },
      { name: "building", alias: "楼栋", type: text(60), required: true },
      { name: "unit", alias: "单元", type: text(60) },
      { name: "room", alias: "房号", type: text(60), required: true },
      { name: "occupied", alias: "是否常住", type: bool },
      { name: "customer_name", alias: "业主姓名", type: text(100), personal: true },
      { name: "customer_kind", alias: "客户类型", type: enumOf("owner", "tenant") },
      { name: "phone", alias: "联系电话", type: text(40), personal: true },
      { name: "id_number", alias: "身份证号", type: text(40), personal: true },
      { name: "plates", alias: "车牌号", type: { t: "list", max: 20 }, personal: true },
    ],
  },
  COMPLAINTS: {
    kind: "COMPLAINTS",
    stem: "complaints",
    key: ["complaint_no"],
    columns: [
      { name: "complaint_no", alias: "投诉编号", type: text(40), required: true },
      { name: "estate_code", alias: "项目编号", type: text(40), required: true },
      { name: "household_code", alias: "房号编码", type: text(60) },
      { name: "location", alias: "位置", type: text(200) },
      {
        name: "channel",
        alias: "渠道",
        type: enumOf("visit", "phone", "letter", "fax", "web", "department", "callback", "survey"),
        required: true,
      },
      { name: "received_at", alias: "受理时间", type: timestamp, required: true },
      { name: "anonymous", alias: "是否匿名", type: bool },
      { name: "complainant_name", alias: "投诉人", type: text(100), personal: true },
      { name: "phone", alias: "联系电话", type: text(40), personal: true },
      {
        name: "kind",
        alias: "投诉性质",
        type: enumOf("service", "engineering", "warranty", "municipal", "suggestion", "enquiry", "claim"),
      },
      { name: "category", alias: "类别", type: text(100) },
      { name: "severity", alias: "严重程度", type: enumOf("general", "important", "major") },
      { name: "valid", alias: "是否有效", type: bool },
      // Case content (SEC-2): treated like personal data in problems and exports.
      { name: "content", alias: "投诉内容", type: text(5000), required: true, personal: true },
      { name: "department", alias: "责任部门", type: text(100) },
      { name: "assigned_at", alias: "派单时间", type: timestamp },
      { name: "promised_at", alias: "承诺完成时间", type: timestamp },
      { name: "resolved_at", alias: "完成时间", type: timestamp },
      { name: "confirmed_at", alias: "业主确认时间", type: timestamp },
      { name: "duplicate_of", alias: "重复投诉", type: text(40) },
      { name: "classification", alias: "密级", type: enumOf(...CLASSIFICATIONS) },
    ],
  },
  CALLBACKS: {
    kind: "CALLBACKS",
    stem: "callbacks",
    key: ["callback_no"],
    columns: [
      { name: "callback_no", alias: "回访编号", type: text(40), required: true },
      { name: "complaint_no", alias: "投诉编号", type: text(40) },
      { name: "household_code", alias: "房号编码", type: text(60) },
      {
        name: "kind",
        alias: "回访类型",
        type: enumOf("complaint", "repair", "periodic", "sampling", "event", "visit", "survey_followup"),
        required: true,
      },
      { name: "method", alias: "回访方式", type: enumOf("in_person", "appointment", "phone", "letter") },
      { name: "called_at", alias: "回访时间", type: timestamp },
      { name: "staff", alias: "回访人", type: text(100) },
      { name: "reached", alias: "是否联系上", type: bool },
      { name: "satisfied", alias: "是否满意", type: bool },
      { name: "rating_quality", alias: "质量评分", type: { t: "score" } },
      { name: "rating_speed", alias: "速度评分", type: { t: "score" } },
      { name: "rating_attitude", alias: "态度评分", type: { t: "score" } },
      { name: "signed", alias: "客户签字", type: bool },
      // CB-6: what the customer said is case content (PROTECTED_COLUMNS.CALLBACK.customerText).
      { name: "comment", alias: "回访意见", type: text(2000), personal: true },
    ],
  },
  SURVEY_RESPONSES: {
    kind: "SURVEY_RESPONSES",
    stem: "survey_responses",
    key: ["campaign_code", "household_code", "dimension"],
    columns: [
      { name: "campaign_code", alias: "调查编号", type: text(40), required: true },
      { name: "household_code", alias: "房号编码", type: text(60), required: true },
      { name: "handed_out_at", alias: "发放时间", type: timestamp, required: true },
      { name: "returned_at", alias: "回收时间", type: timestamp },
      { name: "dimension", alias: "调查项目", type: text(60), required: true },
      { name: "rating", alias: "评分", type: { t: "rating" } },
      // SUR-6: the household's own words are case content (PROTECTED_COLUMNS.SURVEY_RESPONSE.comment).
      { name: "comment", alias: "意见", type: text(2000), personal: true },
    ],
  },
};

/** Header text as compared: case, surrounding spaces, a BOM and inner space/underscore/hyphen runs ignored. */
export function normalizeHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, "")
    .trim()
    .toLowerCase()
    .replace(/[\s_\-]+/g, "_");
}

export interface HeaderMatch {
  /** Field name → column index in the file. */
  index: Map<string, number>;
  /** Headers of the file that are not part of the layout (ignored; the layout allows more columns). */
  ignored: string[];
  problems: { column: string; reason: Msg }[];
}

/** SPEC §13: finds each layout column in the header row, in any order, by English name or Chinese alias. */
export function matchHeaders(layout: LayoutSpec, headers: readonly string[]): HeaderMatch {
  const byName = new Map<string, ColumnSpec>();
  for (const c of layout.columns) {
    byName.set(normalizeHeader(c.name), c);
    byName.set(normalizeHeader(c.alias), c);
  }
  const index = new Map<string, number>();
  const ignored: string[] = [];
  const problems: HeaderMatch["problems"] = [];
  headers.forEach((h, i) => {
    const norm = normalizeHeader(h);
    if (!norm) return;
    const col = byName.get(norm);
    if (!col) {
      ignored.push(h.trim());
      return;
    }
    if (index.has(col.name)) problems.push({ column: h.trim(), reason: msg("importColumnTwice", { column: col.name, alias: col.alias }) });
    else index.set(col.name, i);
  });
  for (const c of layout.columns) {
    if (c.required && !index.has(c.name))
      problems.push({ column: c.name, reason: msg("importColumnMissing", { column: c.name, alias: c.alias }) });
  }
  return { index, ignored, problems };
}

/** The header an export writes: the English name, or the Chinese alias. */
export function headerOf(column: ColumnSpec, chinese: boolean): string {
  return chinese ? column.alias : column.name;
}
