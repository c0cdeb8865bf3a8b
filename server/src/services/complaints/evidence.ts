import type { AttachmentKind } from "@tingjian/prisma/client";
import type { SignedInContext } from "../../access/context.ts";
import { complaintScope, inOrganization } from "../../access/read-scope.ts";
import { InputCheck, NotFoundError } from "../../errors/typed-errors.ts";
import { requireCaseAccess } from "./editing.ts";
import { checkFileName, checkMimeType, decodeContent, storeContent } from "./evidence-files.ts";
import { appendEvents } from "./timeline.ts";

/** INT-2: a file attached as evidence to a complaint (the complaint's row id). */
export interface AddComplaintAttachmentInput {
  complaintId: string;
  kind: AttachmentKind;
  fileName: string;
  mimeType: string;
  contentBase64: string;
}

/**
 * INT-2: attaches evidence to a complaint and records it on the timeline (SPEC §5). The complaint
 * itself is not changed, so no version is needed. SEC-2: evidence is part of the case; only those
 * who know the case add to it. Every bad field of the upload is named at once, before anything is
 * stored. Returns the attachment's id.
 */
export async function addComplaintAttachment(ctx: SignedInContext, input: AddComplaintAttachmentInput): Promise<string> {
  const complaint = await ctx.prisma.complaint.findFirst({
    where: { id: input.complaintId, ...complaintScope(ctx) },
    select: { id: true, classification: true, estateId: true, receivedById: true },
  });
  if (!complaint) throw new NotFoundError("Complaint");
  await requireCaseAccess(ctx, complaint);
  const check = new InputCheck();
  const fileName = check.run(() => checkFileName(input.fileName));
  const bytes = check.run(() => decodeContent(input.contentBase64, "input.contentBase64"));
  const mimeType = check.run(() => checkMimeType(input.kind, input.mimeType, bytes ?? null));
  check.done();
  const stored = await storeContent(ctx, bytes!);
  const created = await ctx.prisma.attachment.create({
    data: {
      ...inOrganization(ctx),
      kind: input.kind,
      fileName: fileName!,
      mimeType: mimeType!,
      ...stored,
      complaintId: complaint.id,
      uploadedById: ctx.viewer.staffId,
      uploadedAt: ctx.now,
      classification: complaint.classification,
    },
    select: { id: true },
  });
  await appendEvents(ctx, complaint.id, [
    { kind: "ATTACHMENT_ADDED", data: { attachmentId: created.id, kind: input.kind, sha256: stored.sha256 } },
  ]);
  return created.id;
}
