import type { Prisma } from "@tingjian/prisma/client";
import type { Context, SignedInContext } from "../../access/context.ts";
import { complaintScope, estateFilter, inOrganization } from "../../access/read-scope.ts";
import { recordingScope } from "../../access/scopes/recordings.ts";
import { isPhone } from "../../domain/people/contact-formats.ts";
import { policyAt } from "../../domain/policies/policy-at.ts";
import { InputCheck, InputError, NotFoundError } from "../../errors/typed-errors.ts";
import { msg } from "../../i18n/messages.ts";
import { requireCaseAccess } from "./editing.ts";
import { decodeContent, storeContent } from "./evidence-files.ts";
import { appendEvents } from "./timeline.ts";

/**
 * INT-6: hotline recordings are kept at least 30 days (policy "INT-6.retentionDays", never less);
 * recordings of unresolved special events are archived separately, and the archiving is logged.
 * After retention the audio of the rest is purged (recordings-purge.ts); the metadata stays.
 */
export const RETENTION_KEY = "INT-6.retentionDays";
export const MIN_RETENTION_DAYS = 30;
const DAY = 86_400_000;
/** The storage key of a call whose audio is not uploaded: it stays in the telephone system. */
const AUDIO_ELSEWHERE = "phone-system";

/** INT-6: the retention in force for an estate when the call started; never below 30 days. */
async function retentionDays(ctx: Context, estateId: string | null, at: Date): Promise<number> {
  const rows = await ctx.prisma.policyValue.findMany({
    where: { ...inOrganization(ctx), key: RETENTION_KEY },
    select: { key: true, estateId: true, valueNumeric: true, effectiveFrom: true, effectiveTo: true },
  });
  const row = policyAt(
    rows.map((r) => ({ ...r, value: r.valueNumeric === null ? null : Number(r.valueNumeric) })),
    RETENTION_KEY,
    estateId,
    at,
  );
  return Math.max(MIN_RETENTION_DAYS, row?.value ?? MIN_RETENTION_DAYS);
}

/** INT-6: a hotline call as registered by the staff who answered it (row ids). */
export interface RegisterHotlineRecordingInput {
  startedAt: Date;
  durationSeconds: number;
  callerNumber?: string | null;
  complaintId?: string | null;
  estateId?: string | null;
  contentBase64?: string | null;
}

/** Where the call belongs: the complaint's estate, or an estate of the caller's scope. */
async function placeCall(
  ctx: SignedInContext,
  input: RegisterHotlineRecordingInput,
): Promise<{ estateId: string | null; complaintId: string | null }> {
  const scope = estateFilter(ctx);
  if (input.complaintId) {
    const complaint = await ctx.prisma.complaint.findFirst({
      where: { id: input.complaintId, ...complaintScope(ctx) },
      select: { id: true, classification: true, estateId: true, receivedById: true },
    });
    if (!complaint) throw new InputError("input.complaintId", msg("recordingComplaintNotInScope"));
    if (input.estateId && input.estateId !== complaint.estateId) throw new InputError("input.estateId", msg("recordingEstateMismatch"));
    // SEC-2: a call is added to a case only by those who know the case.
    await requireCaseAccess(ctx, complaint);
    return { estateId: complaint.estateId, complaintId: complaint.id };
  }
  if (!input.estateId) {
    if (scope) throw new InputError("input.estateId", msg("recordingPlaceRequired"));
    return { estateId: null, complaintId: null };
  }
  const estate =
    scope && !scope.in.includes(input.estateId)
      ? null
      : await ctx.prisma.estate.findFirst({ where: { id: input.estateId, ...inOrganization(ctx) }, select: { id: true } });
  if (!estate) throw new InputError("input.estateId", msg("recordsEstateNotInScope"));
  return { estateId: estate.id, complaintId: null };
}

/**
 * INT-6: registers a hotline call; the caller is the staff who answered it. The audio is stored
 * here when uploaded (else it stays in the telephone system) and kept at least until
 * `retainUntil`. A call of a complaint is on its timeline (SPEC §5). Every bad field is named at
 * once (issue 16). Returns the recording's id.
 */
export async function registerHotlineRecording(ctx: SignedInContext, input: RegisterHotlineRecordingInput): Promise<string> {
  const check = new InputCheck();
  check.that(input.startedAt.getTime() <= ctx.now.getTime() + 60_000, "input.startedAt", msg("recordingStartedInFuture"));
  check.that(input.durationSeconds >= 1 && input.durationSeconds <= DAY / 1000, "input.durationSeconds", msg("recordingDuration"));
  const callerNumber = input.callerNumber?.trim() || null;
  check.that(!callerNumber || isPhone(callerNumber), "input.callerNumber", msg("recordingCallerNumber"));
  const place = await check.runAsync(() => placeCall(ctx, input));
  const audio = input.contentBase64 ? check.run(() => decodeContent(input.contentBase64!, "input.contentBase64")) : null;
  check.done();
  const { estateId, complaintId } = place!;
  const storageKey = audio ? (await storeContent(ctx, audio)).storageKey : AUDIO_ELSEWHERE;
  const days = await retentionDays(ctx, estateId, input.startedAt);
  const created = await ctx.prisma.hotlineRecording.create({
    data: {
      ...inOrganization(ctx),
      estateId,
      complaintId,
      callerNumber,
      startedAt: input.startedAt,
      durationSeconds: input.durationSeconds,
      storageKey,
      answeredById: ctx.viewer.staffId,
      retainUntil: new Date(input.startedAt.getTime() + days * DAY),
    },
    select: { id: true },
  });
  if (complaintId)
    await appendEvents(ctx, complaintId, [{ kind: "ATTACHMENT_ADDED", data: { recordingId: created.id, kind: "RECORDING" } }]);
  return created.id;
}

/**
 * INT-6: archives the recording of an unresolved special event separately (never purged), with a
 * note of which event and why it is unresolved; the archiving is on the complaint's timeline and
 * in the access log (SEC-3). Returns the recording's id.
 */
export async function archiveHotlineRecording(ctx: SignedInContext, input: { id: string; note: string }): Promise<string> {
  const rec = await ctx.prisma.hotlineRecording.findFirst({
    where: { id: input.id, AND: [recordingScope(ctx)] },
    select: { id: true, complaintId: true, archivedAt: true, purgedAt: true, classification: true },
  });
  if (!rec) throw new NotFoundError("Hotline recording");
  // SEC-2: archiving a case's call is handling the case.
  if (rec.complaintId) {
    await requireCaseAccess(
      ctx,
      await ctx.prisma.complaint.findUniqueOrThrow({
        where: { id: rec.complaintId },
        select: { id: true, classification: true, estateId: true, receivedById: true },
      }),
    );
  }
  const check = new InputCheck();
  const note = check.text(input.note, "input.note", 500);
  check.that(!rec.archivedAt, "input.id", msg("recordingArchivedAlready"));
  check.that(!!rec.archivedAt || !rec.purgedAt, "input.id", msg("recordingPurgedAlready"));
  check.done();
  // Conditional on the state read: a purge or another archiving in between changes nothing here.
  const done = await ctx.prisma.hotlineRecording.updateMany({
    where: { id: rec.id, archivedAt: null, purgedAt: null },
    data: { specialEvent: true, archivedAt: ctx.now, archivedById: ctx.viewer.staffId, archiveNote: note },
  });
  if (done.count === 0) throw new InputError("input.id", msg("recordingChangedMeanwhile"));
  if (rec.complaintId) await appendEvents(ctx, rec.complaintId, [{ kind: "NOTE", data: { recordingId: rec.id, archived: true } }]);
  // INT-6, SEC-3: the archiving is logged in the append-only access log (a copy into the archive), last so that nothing after it can fail.
  ctx.access.record({
    action: "COPY",
    recordType: "HOTLINE_RECORDING",
    recordId: rec.id,
    fields: ["archive"],
    classification: rec.classification,
    purpose: note,
  });
  return rec.id;
}
