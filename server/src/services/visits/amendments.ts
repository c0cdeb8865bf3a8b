import type { Prisma, StaffRole, VisitKind } from "@tingjian/prisma/client";
import type { SignedInContext } from "../../access/context.ts";
import { entitlement } from "../../access/disclosure.ts";
import { isSupervisor } from "../../domain/access/roles.ts";
import { VisitRecordConflictError } from "../../errors/visits.ts";
import { ForbiddenError, InputCheck, InputError, NotFoundError, requiredText } from "../../errors/typed-errors.ts";
import { msg } from "../../i18n/messages.ts";
import { writeRevision } from "../access/revisions.ts";
import { writeAtVersion } from "../versioned-write.ts";
import { checkVisitedAt, feedbackText, visited, visitRecordRef } from "./record-rules.ts";
import { visitScope } from "../../access/scopes/visits.ts";

/**
 * SEC-6 (000 §3 6.5.1.3) for visit records (VIS-1): front-line staff correct what they typed; the
 * previous values stay in the record's history with who changed them, when and why. A stale
 * version is a VisitRecordConflictError; nothing is written.
 */

/** Only the fields that change are given (undefined = unchanged); null clears an optional field. */
export interface AmendVisitRecordInput {
  id: string;
  version: number;
  reason: string;
  visitedAt?: Date | null;
  kind?: VisitKind | null;
  householdId?: string | null;
  area?: string | null;
  content?: string | null;
  feedback?: string | null;
  satisfied?: boolean | null;
  resolved?: boolean | null;
  signed?: boolean | null;
}

/**
 * Who corrects a stored visit: the visitor who recorded it, or a supervisor of its estate (SPEC §2:
 * department head, office director, company leadership — those who review the records, CB-10,
 * VIS-2). The estate scope is the record's scope (visitScope): a record outside it is not found.
 */
export function mayAmendVisit(viewer: { staffId: string; role: StaffRole }, record: { visitorId: string | null }): boolean {
  return (!!record.visitorId && record.visitorId === viewer.staffId) || isSupervisor(viewer.role);
}

const given = (v: unknown) => v !== undefined;

async function recordForAmendment(ctx: SignedInContext, id: string) {
  return ctx.prisma.visitRecord.findFirst({
    where: { id, AND: [visitScope(ctx)] },
    include: {
      household: { select: { code: true } },
      plan: { select: { month: true, status: true, estate: { select: { timezone: true } } } },
    },
  });
}
type Current = NonNullable<Awaited<ReturnType<typeof recordForAmendment>>>;

/** A field the record cannot be without: given as null is a problem naming it, not a silent "unchanged". */
function present<V>(check: InputCheck, value: V | null | undefined, field: string): V | undefined {
  check.that(value !== null, `input.${field}`, msg("visitFieldNotClearable", { name: field }));
  return value ?? undefined;
}

/** The record as amended, every field checked by the rules of recording; the problems go to `check`. */
async function amended(ctx: SignedInContext, check: InputCheck, current: Current, input: AmendVisitRecordInput) {
  const visitedAt = present(check, input.visitedAt, "visitedAt") ?? current.visitedAt;
  if (input.visitedAt) check.run(() => checkVisitedAt(ctx.now, current.plan, visitedAt));
  const kind = present(check, input.kind, "kind") ?? current.kind;
  let target = {
    householdId: current.householdId,
    householdCode: current.household?.code ?? null,
    customerId: current.customerId,
    area: current.area,
  };
  if (given(input.householdId) || given(input.area) || given(input.kind)) {
    const householdId = given(input.householdId) ? (input.householdId ?? null) : current.householdId;
    const area = given(input.area) ? input.area : current.area;
    // The same household keeps the contact it was visited with; only a different one is looked up.
    if (householdId && householdId === current.householdId && !area?.trim()) {
      check.that(kind !== "AREA", "input.kind", msg("visitHouseholdNotArea"));
    } else {
      target = (await check.runAsync(() => visited(ctx, { householdId, area, kind }, current.estateId))) ?? target;
    }
  }
  const content = given(input.content)
    ? (check.run(() => requiredText(input.content, "input.content", 5000)) ?? current.content)
    : current.content;
  const feedback = given(input.feedback) ? (check.run(() => feedbackText(input.feedback)) ?? null) : current.feedback;
  return {
    visitedAt,
    kind,
    ...target,
    content,
    feedback,
    satisfied: given(input.satisfied) ? (input.satisfied ?? null) : current.satisfied,
    resolved: given(input.resolved) ? (input.resolved ?? null) : current.resolved,
    signed: present(check, input.signed, "signed") ?? current.signed,
  };
}

/** The columns an amendment may change, as kept in the history (the household by its code, instants as ISO text). */
const HISTORY_FIELDS = [
  "visitedAt",
  "kind",
  "household",
  "customerId",
  "area",
  "content",
  "feedback",
  "satisfied",
  "resolved",
  "signed",
] as const;

function historyValues(r: {
  visitedAt: Date;
  kind: string;
  householdCode: string | null;
  customerId: string | null;
  area: string | null;
  content: string | null;
  feedback: string | null;
  satisfied: boolean | null;
  resolved: boolean | null;
  signed: boolean;
}) {
  return {
    visitedAt: r.visitedAt.toISOString(),
    kind: r.kind,
    household: r.householdCode,
    customerId: r.customerId,
    area: r.area,
    content: r.content,
    feedback: r.feedback,
    satisfied: r.satisfied,
    resolved: r.resolved,
    signed: r.signed,
  } satisfies Record<(typeof HISTORY_FIELDS)[number], unknown>;
}

/** The stored record the caller may amend (SEC-6, SEC-2), at the version read. */
async function amendable(ctx: SignedInContext, input: AmendVisitRecordInput): Promise<Current> {
  const current = await recordForAmendment(ctx, input.id);
  if (!current) throw new NotFoundError("Visit record");
  if (!mayAmendVisit(ctx.viewer, current)) throw new ForbiddenError(msg("visitAmendForbidden"));
  // SEC-2: correcting what was said means knowing it; a masked reader cannot amend it.
  if (!(await entitlement(ctx, visitRecordRef(current), "CASE")).ok) throw new ForbiddenError(msg("visitContentNotEntitled"));
  if (current.version !== input.version) throw new VisitRecordConflictError(current.id, current.version);
  return current;
}

/**
 * SEC-6: corrects a stored visit (VIS-1) — by its visitor or a supervisor of its estate, while the
 * month is not yet signed (VIS-2). Every bad field is named at once. Returns the record's id.
 */
export async function amendVisitRecord(ctx: SignedInContext, input: AmendVisitRecordInput): Promise<string> {
  const current = await amendable(ctx, input);
  const check = new InputCheck();
  const reason = check.text(input.reason, "input.reason", 500);
  // VIS-2: the director's signature covers the month as it was reviewed.
  check.that(current.plan?.status !== "REVIEWED", "input.id", msg("visitRecordsSigned"));
  const next = await amended(ctx, check, current, input);
  check.done();
  const before = historyValues({ ...current, householdCode: current.household?.code ?? null });
  const after = historyValues(next);
  const changed = HISTORY_FIELDS.filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]));
  if (changed.length === 0) throw new InputError("input", msg("visitNothingToAmend"));
  const data: Prisma.VisitRecordUncheckedUpdateManyInput = {
    visitedAt: next.visitedAt,
    kind: next.kind,
    householdId: next.householdId,
    customerId: next.customerId,
    area: next.area,
    content: next.content,
    feedback: next.feedback,
    satisfied: next.satisfied,
    resolved: next.resolved,
    signed: next.signed,
  };
  await writeAtVersion(ctx.prisma.visitRecord, current, data, (id, v) => new VisitRecordConflictError(id, v));
  await writeRevision(ctx, {
    recordType: "VISIT_RECORD",
    recordId: current.id,
    recordVersion: input.version + 1,
    reason,
    before: Object.fromEntries(changed.map((f) => [f, before[f]])),
    after: Object.fromEntries(changed.map((f) => [f, after[f]])),
  });
  return current.id;
}
