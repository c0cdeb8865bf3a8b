import type { Client } from "@urql/core";
import { createSignal } from "solid-js";
import type { ReasonRequest } from "../../components/cell-editing/cell-editing.ts";
import { rowOutcome } from "../../components/row-editing/payload.ts";
import type { RowOutcome } from "../../components/row-editing/row-editing.ts";
import { AmendVisitRecordMutation, type AmendVisitRecordInput, type VisitNode } from "../../graphql/visits.ts";
import type { VisitLine } from "./record.ts";

/**
 * SPEC §2 supervisors, who may correct any visit of their estates (server:
 * schema/visits/amendments.ts decides; this only keeps the grid from offering edits it would refuse).
 */
const SUPERVISORS = ["DEPARTMENT_HEAD", "OFFICE_DIRECTOR", "COMPANY_MANAGER", "MANAGEMENT_REP", "EXECUTIVE"];

/** SEC-6: the visitor who recorded a visit, or a supervisor, corrects it. */
export function mayAmend(me: { staff: { login: string; role: string } } | null | undefined, line: VisitLine): boolean {
  if (!me) return false;
  return line.visitorLogin === me.staff.login || SUPERVISORS.includes(me.staff.role);
}

export interface AmendContext {
  households: () => Map<string, string> | undefined;
  rowLabel: (line: VisitLine) => string;
  fieldLabel: (field: string) => string;
  format: (field: string, value: unknown) => string;
  toLine: (v: VisitNode) => VisitLine;
  /** The grid column a refused input field (`input.visitedAt`) belongs to. */
  column: (inputField: string) => string | undefined;
}

type Patch = Omit<AmendVisitRecordInput, "id" | "version" | "reason">;

/** The changed cells as the mutation's fields: a household by its id, empty optional text as null (cleared). */
function patchOf(line: VisitLine, changed: readonly string[], households: Map<string, string> | undefined): Patch {
  const patch: Patch = {};
  for (const f of changed) {
    if (f === "householdCode") {
      const code = line.householdCode.trim();
      patch.householdId = code ? (households?.get(code) ?? null) : null;
    } else if (f === "area") patch.area = line.area.trim() || null;
    else if (f === "feedback") patch.feedback = line.feedback.trim() || null;
    else if (f === "visitedAt" || f === "content") patch[f] = line[f];
    else if (f === "kind") patch.kind = line.kind;
    else if (f === "satisfied" || f === "resolved") patch[f] = line[f];
    else if (f === "signed") patch.signed = line.signed;
  }
  return patch;
}

/**
 * SEC-6: a stored visit's committed row edit becomes `amendVisitRecord` on the version the grid
 * holds, after the user said why (the shared ReasonDialog; cancelling puts the row back as saved).
 * A stale version goes to the row editing's conflict dialog; "keep mine" saves the same values
 * again on the current version with the reason already given, without asking twice.
 */
export function visitAmendments(client: Client, ctx: AmendContext) {
  const [reasonRequest, setReasonRequest] = createSignal<ReasonRequest | null>(null);
  /** The reason of an amendment refused as stale, for the "keep mine" retry of exactly those values. */
  let retry: { id: string; version: number; values: string; reason: string } | null = null;

  const ask = (r: Omit<ReasonRequest, "resolve">) =>
    new Promise<string | null>((resolve) =>
      setReasonRequest({
        ...r,
        resolve: (v) => {
          setReasonRequest(null);
          resolve(v);
        },
      }),
    );

  const shown = (line: VisitLine, fields: readonly string[]) => {
    const value = (f: string) => ctx.format(f, (line as unknown as Record<string, unknown>)[f]);
    return fields.length === 1 ? value(fields[0]!) : fields.map((f) => `${ctx.fieldLabel(f)}: ${value(f) || "—"}`).join("；");
  };

  async function amend(edited: VisitLine, saved: VisitLine, changed: readonly string[]): Promise<RowOutcome<VisitLine>> {
    const values = JSON.stringify(changed.map((f) => [f, (edited as unknown as Record<string, unknown>)[f]]));
    const pending = retry;
    retry = null;
    const reason =
      pending && pending.id === edited.id && pending.version === saved.version && pending.values === values
        ? pending.reason
        : await ask({
            rowLabel: ctx.rowLabel(saved),
            fieldLabel: changed.map(ctx.fieldLabel).join("、"),
            from: shown(saved, changed),
            to: shown(edited, changed),
          });
    if (reason == null) return { kind: "saved", row: saved };
    const input: AmendVisitRecordInput = { id: edited.id, version: saved.version, reason, ...patchOf(edited, changed, ctx.households()) };
    const result = await client.mutation(AmendVisitRecordMutation, { input }).toPromise();
    const outcome = rowOutcome(result, ctx.toLine, ctx.column, changed[0] ?? "content");
    if (outcome.kind === "conflict") retry = { id: edited.id, version: outcome.current.version, values, reason };
    return outcome;
  }

  return { amend, reasonRequest };
}
