import type { Prisma, StaffRole } from "@tingjian/prisma/client";
import { builder } from "../../builder.ts";
import type { Context } from "../../access/context.ts";
import { entitlement } from "../../access/disclosure.ts";
import { isSupervisor } from "../../domain/access/roles.ts";
import { history, RevisionRef, writeRevision } from "../access/revisions.ts";
import { ConflictError, ForbiddenError, InputError, NotFoundError, requiredText } from "../../errors/typed-errors.ts";
import { conflictErrorType, STANDARD_ERRORS } from "../errors.ts";
import { nonEmpty } from "../prisma-query.ts";
import { visitScope } from "./plans.ts";
import { checkVisitedAt, feedbackText, visited, VisitKindEnum, visitRecordRef } from "./record-rules.ts";

/**
 * SEC-6 (000 §3 6.5.1.3) for visit records (VIS-1): front-line staff correct what they typed; the
 * previous values stay in the record's `history` with who changed them, when and why. A stale
 * version is a VisitRecordConflictError carrying the record as it is now; nothing is written.
 */

export class VisitRecordConflictError extends ConflictError {}
builder.objectFields(conflictErrorType(VisitRecordConflictError, "VisitRecordConflictError"), (t) => ({
  current: t.prismaField({ type: "VisitRecord", resolve: (query, e, _a, ctx) => ctx.prisma.visitRecord.findUniqueOrThrow({ ...query, where: { id: e.recordId } }) }),
}));

builder.prismaObjectField("VisitRecord", "history", (t) =>
  t.field({
    type: [RevisionRef],
    description: "SEC-6: every amendment, newest first; content and feedback stay masked for those who may not read them",
    resolve: (r, _a, ctx) => history(ctx, visitRecordRef(r)),
  }));

/**
 * Who corrects a stored visit: the visitor who recorded it, or a supervisor of its estate (SPEC §2:
 * department head, office director, company leadership — those who review the records, CB-10,
 * VIS-2). The estate scope is the record's scope (visitScope): a record outside it is not found.
 */
export function mayAmendVisit(viewer: { staffId: string; role: StaffRole }, record: { visitorId: string | null }): boolean {
  return (!!record.visitorId && record.visitorId === viewer.staffId) || isSupervisor(viewer.role);
}

const AmendVisitRecordInput = builder.inputType("AmendVisitRecordInput", {
  description: "Give only the fields that change; null clears an optional field. Each is checked as when the visit was recorded",
  fields: (t) => ({
    id: t.globalID({ required: true }),
    version: t.int({ required: true, description: "The version read; a stale one gets a VisitRecordConflictError and changes nothing" }),
    reason: t.string({ required: true, description: "SEC-6: why the record is amended (kept in its history)" }),
    visitedAt: t.field({ type: "DateTime", required: false, description: "Within the plan's month, not in the future" }),
    kind: t.field({ type: VisitKindEnum, required: false }),
    householdId: t.globalID({ required: false, description: "A household of the plan's estate; null for an area visit" }),
    area: t.string({ required: false, description: "The area of an area visit; null for a household visit" }),
    content: t.string({ required: false }),
    feedback: t.string({ required: false }),
    satisfied: t.boolean({ required: false }),
    resolved: t.boolean({ required: false }),
    signed: t.boolean({ required: false }),
  }),
});
type AmendInput = typeof AmendVisitRecordInput.$inferInput;

/** A field the record cannot be without: given as null is a refusal naming it, not a silent "unchanged". */
function present<V>(value: V | null | undefined, field: string): V | undefined {
  if (value === null) throw new InputError(`input.${field}`, `${field} cannot be cleared`);
  return value;
}

const given = (v: unknown) => v !== undefined;

async function recordForAmendment(ctx: Context, id: string) {
  return ctx.prisma.visitRecord.findFirst({
    where: { id, AND: [visitScope(ctx)] },
    include: { household: { select: { code: true } }, plan: { select: { month: true, status: true, estate: { select: { timezone: true } } } } },
  });
}

/** The record as amended, every field checked by the rules of recording (typed InputError naming the field). */
async function amended(ctx: Context, current: NonNullable<Awaited<ReturnType<typeof recordForAmendment>>>, input: AmendInput) {
  const visitedAt = present(input.visitedAt, "visitedAt") ?? current.visitedAt;
  if (given(input.visitedAt)) checkVisitedAt(ctx, current.plan, visitedAt);
  const kind = present(input.kind, "kind") ?? current.kind;
  let target = { householdId: current.householdId, householdCode: current.household?.code ?? null, customerId: current.customerId, area: current.area };
  if (given(input.householdId) || given(input.area) || given(input.kind)) {
    const householdId = given(input.householdId) ? (input.householdId?.id ?? null) : current.householdId;
    const area = given(input.area) ? input.area : current.area;
    // The same household keeps the contact it was visited with; only a different one is looked up.
    if (householdId && householdId === current.householdId && !area?.trim()) {
      if (kind === "AREA") throw new InputError("input.kind", "A household visit is not an AREA visit");
    } else {
      target = await visited(ctx, { householdId, area, kind }, current.estateId);
    }
  }
  const content = given(input.content) ? requiredText(input.content, "input.content", 5000) : current.content;
  const feedback = given(input.feedback) ? feedbackText(input.feedback) : current.feedback;
  return {
    visitedAt, kind, ...target, content, feedback,
    satisfied: given(input.satisfied) ? (input.satisfied ?? null) : current.satisfied,
    resolved: given(input.resolved) ? (input.resolved ?? null) : current.resolved,
    signed: present(input.signed, "signed") ?? current.signed,
  };
}

/** The columns an amendment may change, as kept in the history (the household by its code, instants as ISO text). */
const HISTORY_FIELDS = ["visitedAt", "kind", "household", "customerId", "area", "content", "feedback", "satisfied", "resolved", "signed"] as const;

function historyValues(r: { visitedAt: Date; kind: string; householdCode: string | null; customerId: string | null; area: string | null; content: string | null; feedback: string | null; satisfied: boolean | null; resolved: boolean | null; signed: boolean }) {
  return {
    visitedAt: r.visitedAt.toISOString(), kind: r.kind, household: r.householdCode, customerId: r.customerId, area: r.area,
    content: r.content, feedback: r.feedback, satisfied: r.satisfied, resolved: r.resolved, signed: r.signed,
  } satisfies Record<(typeof HISTORY_FIELDS)[number], unknown>;
}

builder.mutationField("amendVisitRecord", (t) =>
  t.prismaField({
    type: "VisitRecord",
    description: "SEC-6: corrects a stored visit (VIS-1) — by its visitor or a supervisor of its estate, while the month is not yet signed (VIS-2); the previous values stay in `history` with who, when and why",
    authScopes: { permission: "complaints:write" },
    errors: { types: [...STANDARD_ERRORS, VisitRecordConflictError] },
    args: { input: t.arg({ type: AmendVisitRecordInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      const viewer = ctx.viewer!;
      const current = await recordForAmendment(ctx, input.id.id);
      if (!current) throw new NotFoundError("Visit record");
      if (!mayAmendVisit(viewer, current)) throw new ForbiddenError("SEC-6: a visit record is corrected by its visitor or a supervisor of its estate");
      // SEC-2: correcting what was said means knowing it; a masked reader cannot amend it.
      if (!(await entitlement(ctx, visitRecordRef(current), "CASE")).ok) throw new ForbiddenError("Not entitled to this visit record's content");
      if (current.version !== input.version) throw new VisitRecordConflictError(current.id, current.version);
      const reason = requiredText(input.reason, "input.reason", 500);
      // VIS-2: the director's signature covers the month as it was reviewed.
      if (current.plan?.status === "REVIEWED") throw new InputError("input.id", "The month's visits were reviewed and signed (VIS-2); its records are no longer amended");
      const next = await amended(ctx, current, input);
      const before = historyValues({ ...current, householdCode: current.household?.code ?? null });
      const after = historyValues(next);
      const changed = HISTORY_FIELDS.filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]));
      if (changed.length === 0) throw new InputError("input", "Nothing to amend: the values given are those stored");
      const data: Prisma.VisitRecordUncheckedUpdateManyInput = {
        visitedAt: next.visitedAt, kind: next.kind, householdId: next.householdId, customerId: next.customerId, area: next.area,
        content: next.content, feedback: next.feedback, satisfied: next.satisfied, resolved: next.resolved, signed: next.signed, version: { increment: 1 },
      };
      const updated = await ctx.prisma.visitRecord.updateMany({ where: { id: current.id, version: input.version }, data });
      if (updated.count === 0) {
        const now = await ctx.prisma.visitRecord.findUniqueOrThrow({ where: { id: current.id }, select: { version: true } });
        throw new VisitRecordConflictError(current.id, now.version);
      }
      await writeRevision(ctx, {
        recordType: "VISIT_RECORD", recordId: current.id, recordVersion: input.version + 1, reason,
        before: Object.fromEntries(changed.map((f) => [f, before[f]])), after: Object.fromEntries(changed.map((f) => [f, after[f]])),
      });
      return ctx.prisma.visitRecord.findUniqueOrThrow({ ...nonEmpty(query), where: { id: current.id } });
    },
  }),
);
