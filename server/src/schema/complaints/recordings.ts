import type { Prisma } from "@tingjian/prisma/client";
import { builder } from "../../builder.ts";
import { HotlineRecordingConnection } from "../connections.ts";
import type { Context } from "../../access/context.ts";
import { protectedField, type RecordRef } from "../../access/disclosure.ts";
import { mask } from "../../domain/access/masking.ts";
import { atLeast } from "../../domain/access/need-to-know.ts";
import { protectionOf } from "../../domain/access/protected-fields.ts";
import { scopedNode } from "../../access/read-scope.ts";
import { complaintRef } from "../../services/complaints/case-ref.ts";
import { isStored } from "../../services/complaints/evidence-files.ts";
import { recordingScope } from "../../access/scopes/recordings.ts";
import { archiveHotlineRecording, registerHotlineRecording } from "../../services/complaints/recordings.ts";
import { STANDARD_ERRORS } from "../errors.ts";
import { nonEmpty } from "../prisma-query.ts";
import { ClassificationEnum } from "../access/staff.ts";
import { discloses, storedContent } from "./evidence.ts";

/**
 * INT-6 hotline recordings: the read side (who hears a call, SEC-2, SEC-3, SEC-7) and the thin
 * resolvers of the commands in services/complaints/recordings.ts (retention, archiving; the purge
 * is services/complaints/recordings-purge.ts, run by jobs/housekeeping.ts).
 */

type RecordingForDecision = {
  id: string;
  classification: RecordRef["classification"];
  estateId: string | null;
  answeredById: string | null;
  complaint: { id: string; classification: RecordRef["classification"]; estateId: string; receivedById: string | null } | null;
};
const forDecision = {
  id: true,
  classification: true,
  estateId: true,
  answeredById: true,
  complaint: { select: { id: true, classification: true, estateId: true, receivedById: true } },
} as const;

/**
 * SEC-2: who may know a call. The call of a complaint is known to whoever knows the complaint
 * (so its designations count), at the recording's own level when that is higher; a call of no
 * complaint to the cleared staff of its estate and to whoever answered it.
 */
function recordingRef(r: RecordingForDecision): RecordRef {
  const answered = r.answeredById ? [r.answeredById] : [];
  if (!r.complaint)
    return {
      recordType: "HOTLINE_RECORDING",
      id: r.id,
      classification: r.classification,
      estateIds: r.estateId ? [r.estateId] : [],
      assignedStaffIds: answered,
    };
  const c = complaintRef(r.complaint);
  return {
    ...c,
    classification: atLeast(r.classification, c.classification) ? r.classification : c.classification,
    assignedStaffIds: [...(c.assignedStaffIds ?? []), ...answered],
  };
}
const asRecording = (r: { id: string }) => ({ recordType: "HOTLINE_RECORDING" as const, id: r.id });

builder.prismaNode("HotlineRecording", {
  ...scopedNode(recordingScope),
  id: { field: "id", description: "INT-6: the recording's global id" },
  authScopes: { permission: "complaints:read" },
  description: "INT-6: a recorded hotline call",
  fields: (t) => ({
    startedAt: t.expose("startedAt", { type: "DateTime", description: "When the call started" }),
    durationSeconds: t.exposeInt("durationSeconds", { description: "The call's length in seconds" }),
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
      description:
        "The audio, base64: only for those who may read the call's case (SEC-2), and logged (SEC-3); null otherwise, and after the purge",
      extensions: protectedField("HOTLINE_RECORDING", "contentBase64"),
      select: { ...forDecision, storageKey: true, purgedAt: true },
      resolve: async (r, _a, ctx) => {
        if (r.purgedAt || !isStored(r.storageKey)) return null;
        if (!(await discloses(ctx, recordingRef(r), "CASE", asRecording(r), "contentBase64"))) return null;
        return storedContent(ctx, r.storageKey);
      },
    }),
    hasAudio: t.boolean({
      description: "The audio is kept here (not purged)",
      select: { storageKey: true, purgedAt: true },
      resolve: (r) => isStored(r.storageKey) && !r.purgedAt,
    }),
    estate: t.relation("estate", { nullable: true, description: "The estate concerned (null: company level)" }),
    complaint: t.relation("complaint", { nullable: true, description: "The complaint the call registered or concerns" }),
    answeredBy: t.relation("answeredBy", { nullable: true, description: "The staff who answered the call" }),
    retainUntil: t.expose("retainUntil", { type: "DateTime", description: "INT-6: the audio is kept at least until then" }),
    specialEvent: t.exposeBoolean("specialEvent", { description: "INT-6: archived as an unresolved special event (never purged)" }),
    archivedAt: t.expose("archivedAt", { type: "DateTime", nullable: true, description: "INT-6: when it was archived as a special event" }),
    archivedBy: t.relation("archivedBy", { nullable: true, description: "INT-6: who archived it" }),
    archiveNote: t.string({
      nullable: true,
      description: "INT-6: which special event and why it is unresolved; masked unless you may read the call's case (SEC-2, SEC-7)",
      extensions: protectedField("HOTLINE_RECORDING", "archiveNote"),
      select: forDecision,
      resolve: async (r, _a, ctx) => {
        if (!r.archiveNote || (await discloses(ctx, recordingRef(r), "CASE", asRecording(r), "archiveNote"))) return r.archiveNote;
        return mask("TEXT", r.archiveNote);
      },
    }),
    purgedAt: t.expose("purgedAt", { type: "DateTime", nullable: true, description: "INT-6: when the audio was deleted after retention" }),
    classification: t.expose("classification", {
      type: ClassificationEnum,
      description: "SEC-1: the recording's own level (read at its complaint's if higher)",
    }),
  }),
});

builder.prismaObjectField("Complaint", "recordings", (t) =>
  t.relation("recordings", {
    description: "INT-6: the hotline calls of this complaint, oldest first",
    query: { orderBy: [{ startedAt: "asc" }, { id: "asc" }] },
  }),
);

const HotlineRecordingFilter = builder.inputType("HotlineRecordingFilter", {
  description: "INT-6: which hotline calls to list (all conditions apply)",
  fields: (t) => ({
    estateId: t.globalID({ required: false, description: "Only calls of this estate" }),
    complaintId: t.globalID({ required: false, description: "Only calls of this complaint" }),
    startedFrom: t.field({ type: "DateTime", required: false, description: "Only calls started at or after this instant" }),
    startedBefore: t.field({ type: "DateTime", required: false, description: "Only calls started before this instant" }),
    archived: t.boolean({ required: false, description: "Only archived special events (true) or only the others (false)" }),
    purged: t.boolean({
      required: false,
      description: "Only calls whose audio was purged after retention (true) or only those kept (false)",
    }),
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
  t.prismaConnection(
    {
      type: "HotlineRecording",
      cursor: "id",
      description: "INT-6: hotline calls of your scope, newest first",
      authScopes: { permission: "complaints:read" },
      args: { filter: t.arg({ type: HotlineRecordingFilter, required: false, description: "Which calls; all of your scope without it" }) },
      totalCount: (_p, args, ctx) => ctx.prisma.hotlineRecording.count({ where: recordingWhere(ctx, args.filter) }),
      resolve: (query, _r, args, ctx) =>
        ctx.prisma.hotlineRecording.findMany({
          ...query,
          where: recordingWhere(ctx, args.filter),
          orderBy: [{ startedAt: "desc" }, { id: "desc" }],
        }),
    },
    HotlineRecordingConnection,
  ),
);

const RegisterHotlineRecordingInput = builder.inputType("RegisterHotlineRecordingInput", {
  description: "INT-6: a hotline call to register",
  fields: (t) => ({
    startedAt: t.field({ type: "DateTime", required: true, description: "When the call started; not in the future" }),
    durationSeconds: t.int({ required: true, description: "The call's length, 1 to 86400 seconds" }),
    callerNumber: t.string({ required: false, description: "The caller id, when shown (a mobile or landline number)" }),
    complaintId: t.globalID({ required: false, description: "The complaint the call registered or concerns" }),
    estateId: t.globalID({
      required: false,
      description: "The estate concerned (default: the complaint's); required if your scope is limited and no complaint is given",
    }),
    contentBase64: t.string({ required: false, description: "The audio, base64; without it the audio stays in the telephone system" }),
  }),
});

builder.mutationField("registerHotlineRecording", (t) =>
  t.withAuth({ permission: "complaints:write" }).prismaField({
    type: "HotlineRecording",
    description: "INT-6: registers a hotline call (the caller is the staff who answered it); kept at least until `retainUntil`",
    errors: { types: STANDARD_ERRORS },
    args: { input: t.arg({ type: RegisterHotlineRecordingInput, required: true, description: "The call" }) },
    resolve: async (query, _r, { input }, ctx) => {
      const id = await registerHotlineRecording(ctx, {
        ...input,
        complaintId: input.complaintId?.id ?? null,
        estateId: input.estateId?.id ?? null,
      });
      return ctx.prisma.hotlineRecording.findUniqueOrThrow({ ...nonEmpty(query), where: { id } });
    },
  }),
);

const ArchiveHotlineRecordingInput = builder.inputType("ArchiveHotlineRecordingInput", {
  description: "INT-6: a recording to archive as an unresolved special event",
  fields: (t) => ({
    id: t.globalID({ required: true, description: "The recording" }),
    note: t.string({ required: true, description: "Which special event, and why it is unresolved (at most 500 characters)" }),
  }),
});

builder.mutationField("archiveHotlineRecording", (t) =>
  t.withAuth({ permission: "complaints:write" }).prismaField({
    type: "HotlineRecording",
    description: "INT-6: archives the recording of an unresolved special event separately (never purged); the archiving is logged",
    errors: { types: STANDARD_ERRORS },
    args: { input: t.arg({ type: ArchiveHotlineRecordingInput, required: true, description: "The recording and why it is archived" }) },
    resolve: async (query, _r, { input }, ctx) => {
      const id = await archiveHotlineRecording(ctx, { id: input.id.id, note: input.note });
      return ctx.prisma.hotlineRecording.findUniqueOrThrow({ ...nonEmpty(query), where: { id } });
    },
  }),
);
