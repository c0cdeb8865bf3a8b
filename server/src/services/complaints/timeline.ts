import type { ComplaintEventKind, ComplaintStatus, Prisma, PrismaClient } from "@tingjian/prisma/client";
import type { Viewer } from "../../domain/access/viewer.ts";

/** SPEC §5: the complaint's timeline is append-only; these are the only writes to it besides the system's own. */
export interface EventInput {
  kind: ComplaintEventKind;
  note?: string | null;
  data?: Prisma.InputJsonValue;
  fromStatus?: ComplaintStatus | null;
  toStatus?: ComplaintStatus | null;
  /** Default: now. System events (deemed acceptance, breach) carry the instant they happened. */
  at?: Date;
  /** Default: the caller; null for the system. */
  actorId?: string | null;
}

export interface TimelineWriter {
  prisma: PrismaClient | Prisma.TransactionClient;
  now: Date;
  viewer: Pick<Viewer, "staffId"> | null;
  organizationId: string | null;
}

/**
 * Appends timeline events after the complaint's latest one: events of one change, or of two
 * changes within the same millisecond, get distinct increasing instants so the order is stable.
 */
export async function appendEvents(ctx: TimelineWriter, complaintId: string, events: EventInput[]): Promise<void> {
  if (events.length === 0) return;
  // Every writer is a signed-in request or a job acting for one organisation.
  const organizationId = ctx.organizationId;
  if (!organizationId) throw new Error("appendEvents: no organisation");
  const last = await ctx.prisma.complaintEvent.findFirst({ where: { complaintId }, orderBy: { at: "desc" }, select: { at: true } });
  const from = Math.max(ctx.now.getTime(), (last?.at.getTime() ?? 0) + 1);
  await ctx.prisma.complaintEvent.createMany({
    data: events.map((e, i) => ({
      organizationId,
      complaintId,
      kind: e.kind,
      note: e.note ?? null,
      data: e.data,
      fromStatus: e.fromStatus ?? null,
      toStatus: e.toStatus ?? null,
      at: e.at ?? new Date(from + i),
      actorId: e.actorId === undefined ? (ctx.viewer?.staffId ?? null) : e.actorId,
    })),
  });
}
