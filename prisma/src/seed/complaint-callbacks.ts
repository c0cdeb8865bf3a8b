import type { Company, EstateInfo } from "./company.ts";
import type { AddEvent, Batch, Row } from "./complaint-case.ts";
import { DAY, HOUR, type SeedContext } from "./context.ts";
import { callbackComments } from "./vocabulary.ts";

export function confirm(ctx: SeedContext, batch: Batch, c: Row, confirmedAt: Date, event: AddEvent) {
  // WF-4: who, when and how the complainant confirmed the resolution.
  const method = ctx.rng.weighted([
    ["PHONE_CONSENT", 55],
    ["SIGNATURE", 35],
    ["SMS", 10],
  ] as const);
  batch.add("complaint_confirmations", {
    id: ctx.rng.uuid(),
    organizationId: ctx.organizationId,
    complaintId: c.id,
    customerId: c.complainantId,
    confirmedByName: c.complainantName,
    confirmedAt,
    method,
    satisfied: true,
    note: method === "PHONE_CONSENT" ? "电话录音确认" : null,
    createdAt: confirmedAt,
  });
  Object.assign(c, { status: "CONFIRMED", confirmedAt });
  event("CONFIRMED", confirmedAt, "RESOLVED", "CONFIRMED", null, null, { method, satisfied: true });
}

/** CB-1/CB-2/SLA-10/SLA-11: the callback after confirmation; a dissatisfied one reopens (CB-7). */
export function callbacks(
  ctx: SeedContext,
  company: Company,
  estate: EstateInfo,
  batch: Batch,
  c: Row,
  confirmedAt: Date,
  repair: boolean,
  event: AddEvent,
) {
  const { rng } = ctx;
  const owner =
    c.severity === "MAJOR"
      ? company.staff.managers[0]!
      : c.severity === "IMPORTANT"
        ? rng.pick(company.staff.deptHeads)
        : rng.pick(estate.staff.assistants);
  let previous: string | null = null;
  let from = confirmedAt;
  for (let seq = 1; seq <= 3; seq++) {
    const dueAt = new Date(from.getTime() + (repair ? 7 * DAY : 3 * DAY));
    const late = rng.chance(0.06);
    const calledAt = new Date(from.getTime() + (late ? rng.int(80, 200) : rng.int(2, repair ? 150 : 66)) * HOUR);
    const id = rng.uuid();
    const row = plannedCallback(ctx, estate, c, { id, seq, previous, dueAt, owner, repair, confirmedAt });
    batch.add("callbacks", row);
    if (calledAt >= ctx.end) return;
    const { reached, satisfied } = recordCall(ctx, estate, batch, c, row, { seq, calledAt, owner });
    event("CALLBACK", calledAt, null, null, owner, null, { callbackId: id, sequence: seq, reached, satisfied });
    if (satisfied) {
      Object.assign(c, { status: "VERIFIED", verifiedAt: calledAt, closedAt: calledAt });
      event("TRANSITION", calledAt, "CONFIRMED", "VERIFIED", owner);
      return;
    }
    if (reached) {
      const again = reopen(ctx, batch, c, { calledAt, owner, callbackId: id }, event);
      if (!again) return;
      from = again;
    } else {
      from = calledAt;
    }
    previous = id;
  }
}

/** The callback row as planned: due SLA-10/SLA-11 after confirmation, owned by the severity's level. */
function plannedCallback(
  ctx: SeedContext,
  estate: EstateInfo,
  c: Row,
  p: { id: string; seq: number; previous: string | null; dueAt: Date; owner: string; repair: boolean; confirmedAt: Date },
): Row {
  return {
    id: p.id,
    organizationId: ctx.organizationId,
    no: `HF${String(++ctx.sequence).padStart(9, "0")}`,
    kind: p.repair ? "REPAIR" : "COMPLAINT",
    estateId: estate.id,
    complaintId: c.id,
    householdId: c.householdId,
    customerId: c.complainantId,
    sequence: p.seq,
    previousCallbackId: p.previous,
    dueAt: p.dueAt,
    assignedToId: p.owner,
    status: "PLANNED",
    classification: "SECRET",
    createdAt: p.confirmedAt,
  };
}

/** The call made: method, whether the customer was reached and satisfied, the director's review and the ratings. */
function recordCall(
  ctx: SeedContext,
  estate: EstateInfo,
  batch: Batch,
  c: Row,
  row: Row,
  call: { seq: number; calledAt: Date; owner: string },
) {
  const { rng, organizationId } = ctx;
  const { seq, calledAt, owner } = call;
  // CB-5: phone calls need no signature; in-person callbacks carry the customer's signature.
  const method =
    seq > 1 && c.severity !== "MAJOR"
      ? "PHONE"
      : rng.weighted([
          ["PHONE", 45],
          ["IN_PERSON", 35],
          ["APPOINTMENT", 15],
          ["LETTER", 5],
        ] as const);
  const reached = rng.chance(0.96);
  const satisfied = reached ? rng.chance(seq === 1 ? 0.91 : 0.97) : null;
  Object.assign(row, {
    method,
    calledAt,
    staffId: owner,
    reached,
    satisfied,
    signed: method === "IN_PERSON" || method === "APPOINTMENT",
    status: reached ? "DONE" : "NOT_REACHED",
    comment: reached ? rng.pick(callbackComments) : "电话无人接听",
    reviewedById: estate.staff.director,
    reviewedAt: new Date(calledAt.getTime() + rng.int(1, 5) * DAY),
    reviewSigned: true,
  });
  if (reached) {
    for (const dimension of ["QUALITY", "SPEED", "ATTITUDE"] as const) {
      const rating = satisfied
        ? rng.weighted([
            [5, 6],
            [4, 4],
          ] as const)
        : rng.weighted([
            [1, 2],
            [2, 4],
            [3, 3],
          ] as const);
      batch.add("callback_ratings", { id: rng.uuid(), organizationId, callbackId: row.id, dimension, rating, satisfied: rating >= 4 });
    }
  }
  return { reached, satisfied };
}

/** CB-7: dissatisfied — reopened, handled again, confirmed again; returns when, or null when the history ends first. */
function reopen(
  ctx: SeedContext,
  batch: Batch,
  c: Row,
  call: { calledAt: Date; owner: string; callbackId: string },
  event: AddEvent,
): Date | null {
  const { rng } = ctx;
  const { calledAt, owner, callbackId } = call;
  event("REOPENED", calledAt, "CONFIRMED", "REOPENED", owner, null, { rule: "CB-7", callbackId });
  const redo = new Date(calledAt.getTime() + rng.int(4, 72) * HOUR);
  if (redo >= ctx.end) {
    c.status = "REOPENED";
    return null;
  }
  event("TRANSITION", redo, "REOPENED", "RESOLVED", owner);
  const again = new Date(redo.getTime() + rng.int(2, 24) * HOUR);
  if (again >= ctx.end) {
    c.status = "RESOLVED";
    return null;
  }
  confirm(ctx, batch, c, again, event);
  return again;
}
