import type { Prisma, PrismaClient } from "@tingjian/prisma/client";
import { builder } from "../../builder.ts";
import type { Context } from "../../access/context.ts";
import { entitlement, protectedField, type RecordRef } from "../../access/disclosure.ts";
import { mask } from "../../domain/access/masking.ts";
import { atLeast } from "../../domain/access/need-to-know.ts";
import { protectionOf } from "../../domain/access/protected-fields.ts";
import { isPhone, PHONE_FORMAT } from "../../domain/people/contact-formats.ts";
import { policyAt } from "../../domain/policies/policy-at.ts";
import { ForbiddenError, InputError, NotFoundError, requiredText } from "../../errors/typed-errors.ts";
import { STANDARD_ERRORS } from "../errors.ts";
import { nonEmpty } from "../prisma-query.ts";
import { complaintScope, estateFilter, inOrganization, scopedNode } from "../../access/read-scope.ts";
import { ClassificationEnum } from "../access/staff.ts";
import { complaintRef } from "./complaint.ts";
import { appendEvents, requireCaseAccess } from "./editing.ts";
import { decodeContent, discloses, isStored, storeContent, storedContent } from "./evidence.ts";

/**
 * INT-6: hotline recordings are kept at least 30 days (policy "INT-6.retentionDays", never less);
 * recordings of unresolved special events are archived separately, and the archiving is logged.
 * After retention the audio of the rest is purged; the metadata stays.
 */
export const RETENTION_KEY = "INT-6.retentionDays";
export const MIN_RETENTION_DAYS = 30;
const DAY = 86_400_000;
/** The storage key of a call whose audio is not uploaded: it stays in the telephone system. */
const AUDIO_ELSEWHERE = "phone-system";

/**
 * SPEC §2: the call of a complaint is seen with the complaint; a call not tied to one by the staff of
 * its estate (one of no estate: company-level staff). The developer liaison hears only calls of the
 * complaints forwarded to the developer.
 */
export function recordingScope(ctx: Context): Prisma.HotlineRecordingWhereInput {
  const estateId = estateFilter(ctx);
  const ofComplaint: Prisma.HotlineRecordingWhereInput = { complaint: complaintScope(ctx) };
  const unlinked: Prisma.HotlineRecordingWhereInput = {
    complaintId: null, ...(estateId ? { estateId } : {}), ...(ctx.viewer?.role === "EXECUTIVE" ? {} : { classification: { not: "TOP_SECRET" } }),
  };
  return { ...inOrganization(ctx), OR: ctx.viewer?.role === "DEVELOPER_LIAISON" ? [ofComplaint] : [ofComplaint, unlinked] };
}

type RecordingForDecision = {
  id: string; classification: RecordRef["classification"]; estateId: string | null; answeredById: string | null;
  complaint: { id: string; classification: RecordRef["classification"]; estateId: string; receivedById: string | null } | null;
};
const forDecision = {
  id: true, classification: true, estateId: true, answeredById: true,
  complaint: { select: { id: true, classification: true, estateId: true, receivedById: true } },
} as const;

/**
 * SEC-2: who may know a call. The call of a complaint is known to whoever knows the complaint
 * (so its designations count), at the recording's own level when that is higher; a call of no
 * complaint to the cleared staff of its estate and to whoever answered it.
 */
function recordingRef(r: RecordingForDecision): RecordRef {
  const answered = r.answeredById ? [r.answeredById] : [];
  if (!r.complaint) return { recordType: "HOTLINE_RECORDING", id: r.id, classification: r.classification, estateIds: r.estateId ? [r.estateId] : [], assignedStaffIds: answered };
  const c = complaintRef(r.complaint);
  return { ...c, classification: atLeast(r.classification, c.classification) ? r.classification : c.classification, assignedStaffIds: [...(c.assignedStaffIds ?? []), ...answered] };
}
const asRecording = (r: { id: string }) => ({ recordType: "HOTLINE_RECORDING" as const, id: r.id });

builder.prismaNode("HotlineRecording", {
  ...scopedNode(recordingScope),
  authScopes: { permission: "complaints:read" },
  description: "INT-6: a recorded hotline call",
  fields: (t) => ({
    startedAt: t.expose("startedAt", { type: "DateTime" }),
    durationSeconds: t.exposeInt("durationSeconds"),
    callerNumber: t.string({
      nullable: true,
      description: "The caller's number: masked unless you may read this call's contacts (SEC-2, SEC-7); reads are logged (SEC-3)",
      extensions: protectedField("HOTLINE_RECORDING", "callerNumber"),
      select: forDecision,
      resolve: async (r, _a, ctx) => {
        if (!r.callerNumber) return r.callerNumber;
        if (await discloses(ctx, recordingRef(r), "CONTACT", asRecording(r), "callerNumber")) return r.callerNumber;
        return mask(protectionOf("HOTLINE_RECORDING", "callerNumber")!.mask, r.callerNumber);
      },
    }),
    contentBase64: t.string({
      nullable: true,
      description: "The audio, base64: only for those who may read the call's case (SEC-2), and logged (SEC-3); null otherwise, and after the purge",
      extensions: protectedField("HOTLINE_RECORDING", "contentBase64"),
      select: { ...forDecision, storageKey: true, purgedAt: true },
      resolve: async (r, _a, ctx) => {
        if (r.purgedAt || !isStored(r.storageKey)) return null;
        if (!(await discloses(ctx, recordingRef(r), "CASE", asRecording(r), "contentBase64"))) return null;
        return storedContent(ctx, r.storageKey);
      },
    }),
    hasAudio: t.boolean({ description: "The audio is kept here (not purged)", select: { storageKey: true, purgedAt: true }, resolve: (r) => isStored(r.storageKey) && !r.purgedAt }),
    estate: t.relation("estate", { nullable: true }),
    complaint: t.relation("complaint", { nullable: true }),
    answeredBy: t.relation("answeredBy", { nullable: true }),
    retainUntil: t.expose("retainUntil", { type: "DateTime", description: "INT-6: the audio is kept at least until then" }),
    specialEvent: t.exposeBoolean("specialEvent", { description: "INT-6: archived as an unresolved special event (never purged)" }),
    archivedAt: t.expose("archivedAt", { type: "DateTime", nullable: true }),
    archivedBy: t.relation("archivedBy", { nullable: true }),
    archiveNote: t.string({
      nullable: true, extensions: protectedField("HOTLINE_RECORDING", "archiveNote"), select: forDecision,
      resolve: async (r, _a, ctx) => {
        if (!r.archiveNote || (await discloses(ctx, recordingRef(r), "CASE", asRecording(r), "archiveNote"))) return r.archiveNote;
        return mask("TEXT", r.archiveNote);
      },
    }),
    purgedAt: t.expose("purgedAt", { type: "DateTime", nullable: true, description: "INT-6: when the audio was deleted after retention" }),
    classification: t.expose("classification", { type: ClassificationEnum }),
  }),
});

builder.prismaObjectField("Complaint", "recordings", (t) =>
  t.relation("recordings", { description: "INT-6: the hotline calls of this complaint, oldest first", query: { orderBy: [{ startedAt: "asc" }, { id: "asc" }] } }),
);

const HotlineRecordingFilter = builder.inputType("HotlineRecordingFilter", {
  fields: (t) => ({
    estateId: t.globalID({ required: false }),
    complaintId: t.globalID({ required: false }),
    startedFrom: t.field({ type: "DateTime", required: false }),
    startedBefore: t.field({ type: "DateTime", required: false }),
    archived: t.boolean({ required: false, description: "Only archived special events (true) or only the others (false)" }),
    purged: t.boolean({ required: false }),
  }),
});

function recordingWhere(ctx: Context, f: typeof HotlineRecordingFilter.$inferInput | null | undefined): Prisma.HotlineRecordingWhereInput {
  const and: Prisma.HotlineRecordingWhereInput[] = [recordingScope(ctx)];
  if (f?.estateId) and.push({ estateId: f.estateId.id });
  if (f?.complaintId) and.push({ complaintId: f.complaintId.id });
  if (f?.startedFrom) and.push({ startedAt: { gte: f.startedFrom } });
  if (f?.startedBefore) and.push({ startedAt: { lt: f.startedBefore } });
  if (typeof f?.archived === "boolean") and.push({ archivedAt: f.archived ? { not: null } : null });
  if (typeof f?.purged === "boolean") and.push({ purgedAt: f.purged ? { not: null } : null });
  return { AND: and };
}

builder.queryField("hotlineRecordings", (t) =>
  t.prismaConnection({
    type: "HotlineRecording",
    cursor: "id",
    description: "INT-6: hotline calls of your scope, newest first",
    authScopes: { permission: "complaints:read" },
    args: { filter: t.arg({ type: HotlineRecordingFilter, required: false }) },
    totalCount: (_p, args, ctx) => ctx.prisma.hotlineRecording.count({ where: recordingWhere(ctx, args.filter) }),
    resolve: (query, _r, args, ctx) =>
      ctx.prisma.hotlineRecording.findMany({ ...query, where: recordingWhere(ctx, args.filter), orderBy: [{ startedAt: "desc" }, { id: "desc" }] }),
  }),
);

/** INT-6: the retention in force for an estate when the call started; never below 30 days. */
async function retentionDays(ctx: Context, estateId: string | null, at: Date): Promise<number> {
  const rows = await ctx.prisma.policyValue.findMany({
    where: { ...inOrganization(ctx), key: RETENTION_KEY },
    select: { key: true, estateId: true, valueNumeric: true, effectiveFrom: true, effectiveTo: true },
  });
  const row = policyAt(rows.map((r) => ({ ...r, value: r.valueNumeric === null ? null : Number(r.valueNumeric) })), RETENTION_KEY, estateId, at);
  return Math.max(MIN_RETENTION_DAYS, row?.value ?? MIN_RETENTION_DAYS);
}

const RegisterHotlineRecordingInput = builder.inputType("RegisterHotlineRecordingInput", {
  fields: (t) => ({
    startedAt: t.field({ type: "DateTime", required: true }),
    durationSeconds: t.int({ required: true }),
    callerNumber: t.string({ required: false, description: "The caller id, when shown" }),
    complaintId: t.globalID({ required: false, description: "The complaint the call registered or concerns" }),
    estateId: t.globalID({ required: false, description: "The estate concerned (default: the complaint's); required if your scope is limited and no complaint is given" }),
    contentBase64: t.string({ required: false, description: "The audio, base64; without it the audio stays in the telephone system" }),
  }),
});
type RegisterInput = typeof RegisterHotlineRecordingInput.$inferInput;

/** Where the call belongs: the complaint's estate, or an estate of the caller's scope. */
async function placeCall(ctx: Context, input: RegisterInput): Promise<{ estateId: string | null; complaint: RecordingForDecision["complaint"] }> {
  const scope = estateFilter(ctx);
  if (input.complaintId) {
    const complaint = await ctx.prisma.complaint.findFirst({ where: { id: input.complaintId.id, ...complaintScope(ctx) }, select: forDecision.complaint.select });
    if (!complaint) throw new InputError("input.complaintId", "No such complaint in your scope");
    if (input.estateId && input.estateId.id !== complaint.estateId) throw new InputError("input.estateId", "The complaint belongs to another estate");
    // SEC-2: a call is added to a case only by those who know the case.
    if (!(await entitlement(ctx, complaintRef(complaint), "CASE")).ok) throw new ForbiddenError("Not entitled to this complaint's case");
    return { estateId: complaint.estateId, complaint };
  }
  if (!input.estateId) {
    if (scope) throw new InputError("input.estateId", "Give the estate or the complaint of the call (your scope is limited to your estates)");
    return { estateId: null, complaint: null };
  }
  const estate = scope && !scope.in.includes(input.estateId.id) ? null
    : await ctx.prisma.estate.findFirst({ where: { id: input.estateId.id, ...inOrganization(ctx) }, select: { id: true } });
  if (!estate) throw new InputError("input.estateId", "No such estate in your scope");
  return { estateId: estate.id, complaint: null };
}

builder.mutationField("registerHotlineRecording", (t) =>
  t.prismaField({
    type: "HotlineRecording",
    description: "INT-6: registers a hotline call (the caller is the staff who answered it); kept at least until `retainUntil`",
    authScopes: { permission: "complaints:write" },
    errors: { types: STANDARD_ERRORS },
    args: { input: t.arg({ type: RegisterHotlineRecordingInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      if (input.startedAt.getTime() > ctx.now.getTime() + 60_000) throw new InputError("input.startedAt", "startedAt cannot be in the future");
      if (input.durationSeconds < 1 || input.durationSeconds > DAY / 1000) throw new InputError("input.durationSeconds", "durationSeconds must be between 1 and 86400");
      const callerNumber = input.callerNumber?.trim() || null;
      if (callerNumber && !isPhone(callerNumber)) throw new InputError("input.callerNumber", `callerNumber must be ${PHONE_FORMAT}`);
      const { estateId, complaint } = await placeCall(ctx, input);
      const audio = input.contentBase64 ? decodeContent(input.contentBase64, "input.contentBase64") : null;
      const storageKey = audio ? (await storeContent(ctx, audio)).storageKey : AUDIO_ELSEWHERE;
      const days = await retentionDays(ctx, estateId, input.startedAt);
      const created = await ctx.prisma.hotlineRecording.create({
        data: {
          ...inOrganization(ctx), estateId, complaintId: complaint?.id ?? null, callerNumber, startedAt: input.startedAt,
          durationSeconds: input.durationSeconds, storageKey, answeredById: ctx.viewer!.staffId, retainUntil: new Date(input.startedAt.getTime() + days * DAY),
        },
        select: { id: true },
      });
      if (complaint) await appendEvents(ctx, complaint.id, [{ kind: "ATTACHMENT_ADDED", data: { recordingId: created.id, kind: "RECORDING" } }]);
      return ctx.prisma.hotlineRecording.findUniqueOrThrow({ ...nonEmpty(query), where: { id: created.id } });
    },
  }),
);

const ArchiveHotlineRecordingInput = builder.inputType("ArchiveHotlineRecordingInput", {
  fields: (t) => ({
    id: t.globalID({ required: true }),
    note: t.string({ required: true, description: "Which special event, and why it is unresolved" }),
  }),
});

builder.mutationField("archiveHotlineRecording", (t) =>
  t.prismaField({
    type: "HotlineRecording",
    description: "INT-6: archives the recording of an unresolved special event separately (never purged); the archiving is logged",
    authScopes: { permission: "complaints:write" },
    errors: { types: STANDARD_ERRORS },
    args: { input: t.arg({ type: ArchiveHotlineRecordingInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      const note = requiredText(input.note, "input.note", 500);
      const rec = await ctx.prisma.hotlineRecording.findFirst({ where: { id: input.id.id, AND: [recordingScope(ctx)] }, select: { id: true, complaintId: true, archivedAt: true, purgedAt: true, classification: true } });
      if (!rec) throw new NotFoundError("Hotline recording");
      // SEC-2: archiving a case's call is handling the case.
      if (rec.complaintId) await requireCaseAccess(ctx, await ctx.prisma.complaint.findUniqueOrThrow({ where: { id: rec.complaintId }, select: { id: true, classification: true, estateId: true, receivedById: true } }));
      if (rec.archivedAt) throw new InputError("input.id", "The recording is archived already");
      if (rec.purgedAt) throw new InputError("input.id", "The recording's audio was purged after its retention period; there is nothing left to archive");
      // Conditional on the state read: a purge or another archiving in between changes nothing here.
      const done = await ctx.prisma.hotlineRecording.updateMany({
        where: { id: rec.id, archivedAt: null, purgedAt: null },
        data: { specialEvent: true, archivedAt: ctx.now, archivedById: ctx.viewer!.staffId, archiveNote: note },
      });
      if (done.count === 0) throw new InputError("input.id", "The recording was archived or purged meanwhile");
      if (rec.complaintId) await appendEvents(ctx, rec.complaintId, [{ kind: "NOTE", note: "热线录音作为未解决的特殊事件单独归档", data: { recordingId: rec.id, archived: true } }]);
      // INT-6, SEC-3: the archiving is logged in the append-only access log (a copy into the archive), last so that nothing after it can fail.
      ctx.access.record({ action: "COPY", recordType: "HOTLINE_RECORDING", recordId: rec.id, fields: ["archive"], classification: rec.classification, purpose: note });
      return ctx.prisma.hotlineRecording.findUniqueOrThrow({ ...nonEmpty(query), where: { id: rec.id } });
    },
  }),
);

/**
 * INT-6 retention purge (housekeeping, every organisation): deletes the audio of recordings past
 * `retainUntil` (never before it) that are not archived as special events and are no evidence of a
 * phone confirmation (WF-4); the recording's metadata stays, with `purgedAt`. Stored bytes are
 * deleted only when nothing else refers to them. Returns the number of recordings purged.
 */
export async function purgeExpiredRecordings(prisma: PrismaClient, now: Date): Promise<number> {
  return prisma.$transaction(async (tx) => {
    const purged = await tx.hotlineRecording.updateManyAndReturn({
      where: { retainUntil: { lt: now }, archivedAt: null, specialEvent: false, purgedAt: null, confirmations: { none: {} } },
      data: { purgedAt: now },
      select: { organizationId: true, storageKey: true },
    });
    const stored = new Map(purged.filter((r) => isStored(r.storageKey)).map((r) => [`${r.organizationId} ${r.storageKey}`, r]));
    for (const { organizationId, storageKey } of stored.values()) {
      const sha256 = storageKey.slice(storageKey.indexOf(":") + 1);
      // Lock first, then look for references in a fresh statement: an upload of the same bytes
      // (which share-locks the row until it commits) keeps them.
      await tx.$queryRaw`SELECT 1 FROM file_contents WHERE organization_id = ${organizationId}::uuid AND sha256 = ${sha256} FOR UPDATE`;
      await tx.$executeRaw`DELETE FROM file_contents f WHERE f.organization_id = ${organizationId}::uuid AND f.sha256 = ${sha256}
        AND NOT EXISTS (SELECT 1 FROM attachments a WHERE a.organization_id = f.organization_id AND a.storage_key = ${storageKey})
        AND NOT EXISTS (SELECT 1 FROM hotline_recordings r WHERE r.organization_id = f.organization_id AND r.storage_key = ${storageKey} AND r.purged_at IS NULL)`;
    }
    return purged.length;
  });
}
