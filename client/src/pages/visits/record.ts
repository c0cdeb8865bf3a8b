import { now } from "../../clock.ts";
import type { Client } from "@urql/core";
import { rowOutcome } from "../../components/row-editing/payload.ts";
import { createRowEditing } from "../../components/row-editing/row-editing.ts";
import { RecordVisitMutation, type VisitNode } from "../../graphql/visits.ts";
import { visitAmendments } from "./amend.ts";
import { enumLabel, t, type TextKey } from "./text.ts";

/** A line of the visit grid: a stored visit, or a new one being entered (id "new-…"). */
export interface VisitLine {
  id: string;
  isNew: boolean;
  version: number;
  kind: VisitNode["kind"];
  /** An instant (ISO); while typed, the text as typed until it parses. */
  visitedAt: string;
  householdCode: string;
  area: string;
  customerName: string;
  customerPhone: string;
  content: string;
  feedback: string;
  satisfied: boolean | null;
  resolved: boolean | null;
  signed: boolean;
  visitor: string;
  /** Who recorded it, by login (SEC-6: they may correct it). */
  visitorLogin: string | null;
}

export function toLine(v: VisitNode): VisitLine {
  return {
    id: v.id,
    isNew: false,
    version: v.version,
    kind: v.kind,
    visitedAt: v.visitedAt,
    householdCode: v.household?.code ?? "",
    area: v.area ?? "",
    customerName: v.customer?.name ?? "",
    customerPhone: v.customer?.phone ?? "",
    content: v.content ?? "",
    feedback: v.feedback ?? "",
    satisfied: v.satisfied,
    resolved: v.resolved,
    signed: v.signed,
    visitor: v.visitor?.displayName ?? "",
    visitorLogin: v.visitor?.login ?? null,
  };
}

let drafts = 0;

/** A new visit, now (to the minute), routine, to be filled in. */
export function newLine(visitor: string, visitorLogin: string | null = null): VisitLine {
  const at = now();
  at.setSeconds(0, 0);
  return {
    id: `new-${++drafts}`,
    isNew: true,
    version: 0,
    kind: "ROUTINE",
    visitedAt: at.toISOString(),
    householdCode: "",
    area: "",
    customerName: "",
    customerPhone: "",
    content: "",
    feedback: "",
    satisfied: null,
    resolved: null,
    signed: false,
    visitor,
    visitorLogin,
  };
}

const pad = (n: number) => String(n).padStart(2, "0");

/** "2026-11-05 09:30" in the user's calendar; text that is not an instant is shown as typed. */
export function formatTime(value: string): string {
  const d = new Date(value);
  if (!value || Number.isNaN(d.getTime()) || !value.includes("T")) return value;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The typed "2026-11-05 09:30" as an instant; anything else stays text (and is refused on its cell). */
export function parseTime(text: string): string {
  const m = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})[ T](\d{1,2}):(\d{2})\s*$/.exec(text);
  if (!m) return text;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  return Number.isNaN(d.getTime()) ? text : d.toISOString();
}

export const VISIT_FIELDS = [
  "visitedAt",
  "kind",
  "householdCode",
  "area",
  "content",
  "feedback",
  "satisfied",
  "resolved",
  "signed",
] as const;

export function formatField(field: string, value: unknown): string {
  if (value == null || value === "") return "";
  if (field === "kind") return enumLabel("VisitKind", value as string);
  if (field === "visitedAt") return formatTime(value as string);
  if (typeof value === "boolean") return value ? t("yes") : t("no");
  return String(value);
}

const COLUMN: Record<string, string> = {
  householdId: "householdCode",
  area: "area",
  kind: "kind",
  visitedAt: "visitedAt",
  content: "content",
  feedback: "feedback",
  planId: "visitedAt",
  officeId: "visitedAt",
};

export interface VisitContext {
  planId: () => string;
  /** Household code → id in the plan's estate; undefined while it loads. */
  households: () => Map<string, string> | undefined;
}

/**
 * VIS-1: a committed new row records the visit in the plan; SEC-6: a committed stored row is an
 * amendment, saved with the reason the user gives. A refusal lands on the cell its input field names.
 */
export function visitEditing(client: Client, ctx: VisitContext, onSaved: () => void) {
  const rowLabel = (r: VisitLine) => r.householdCode || r.area || formatTime(r.visitedAt);
  const fieldLabel = (f: string) => t(f as TextKey);
  const column = (inputField: string) => COLUMN[inputField.replace(/^input\./, "")];
  const amendments = visitAmendments(client, { households: ctx.households, rowLabel, fieldLabel, format: formatField, toLine, column });
  // The row editing's own notion of a change (the values as text), so both agree on what to send.
  const changedFields = (edited: VisitLine, saved: VisitLine) =>
    VISIT_FIELDS.filter((f) => String(edited[f] ?? "") !== String(saved[f] ?? ""));
  const rows = createRowEditing<VisitLine>({
    rowId: (r) => r.id,
    rowLabel,
    fieldLabel,
    fields: VISIT_FIELDS,
    format: formatField,
    isNew: (r) => r.isNew,
    check: (r) => {
      if (Number.isNaN(Date.parse(r.visitedAt)) || !r.visitedAt.includes("T")) return { field: "visitedAt", message: t("badTime") };
      const code = r.householdCode.trim();
      if (!code) return null;
      const map = ctx.households();
      if (!map) return { field: "householdCode", message: t("householdsLoading") };
      return map.has(code) ? null : { field: "householdCode", message: t("noHousehold", { code }) };
    },
    save: async (r, saved) => {
      if (!r.isNew) return amendments.amend(r, saved, changedFields(r, saved));
      const code = r.householdCode.trim();
      const input = {
        planId: ctx.planId(),
        householdId: code ? ctx.households()!.get(code)! : null,
        area: r.area.trim() || null,
        kind: r.kind,
        visitedAt: r.visitedAt,
        content: r.content,
        feedback: r.feedback || null,
        satisfied: r.satisfied,
        resolved: r.resolved,
        signed: r.signed,
      };
      const result = await client.mutation(RecordVisitMutation, { input }).toPromise();
      return rowOutcome(result, toLine, column, "content");
    },
    onSaved,
  });
  return { ...rows, reasonRequest: amendments.reasonRequest };
}

export type VisitEditing = ReturnType<typeof visitEditing>;
