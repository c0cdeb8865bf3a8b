import { AttachmentKind, type RecordType } from "@tingjian/prisma/client";
import { builder } from "../../builder.ts";
import type { Context } from "../../access/context.ts";
import { entitlement, protectedField, type RecordRef } from "../../access/disclosure.ts";
import { complaintScope, inOrganization, scopedNode } from "../../access/read-scope.ts";
import type { ProtectionRule } from "../../domain/access/protected-fields.ts";
import { complaintRef } from "../../services/complaints/case-ref.ts";
import { addComplaintAttachment } from "../../services/complaints/evidence.ts";
import { isStored, MAX_FILE_BYTES, storedHash } from "../../services/complaints/evidence-files.ts";
import { batched } from "../batched.ts";
import { STANDARD_ERRORS } from "../errors.ts";
import { nonEmpty } from "../prisma-query.ts";

/**
 * INT-2 evidence attachments (photo, recording, signature, documents): the read side and the
 * resolver of services/complaints/evidence.ts. The bytes live in the database (file_contents,
 * services/complaints/evidence-files.ts). Metadata is visible with the complaint; the bytes only to
 * whoever may read the complaint's case (SEC-2), and every such read is logged (SEC-3).
 */

const KIND_DESCRIPTIONS: Record<AttachmentKind, string> = {
  PHOTO: "INT-2: a photo (an image)",
  VIDEO: "INT-2: a video",
  RECORDING: "INT-2: a sound recording (audio)",
  SIGNATURE: "INT-2, WF-4: a signature (an image or a PDF)",
  DOCUMENT: "INT-2: a document (an image, PDF, text, Word or Excel file)",
  REPLY_LETTER: "INT-2: a written reply (an image, PDF, text, Word or Excel file)",
  ARCHIVE_DOCUMENT: "SEC-8: a document of an owner's archive; never a complaint's evidence",
  OTHER: "INT-2: any other file (never active content such as HTML or SVG)",
};
export const AttachmentKindEnum = builder.enumType(AttachmentKind, {
  name: "AttachmentKind",
  description: "INT-2 kinds of evidence (ARCHIVE_DOCUMENT: SEC-8 owner archives only)",
  values: Object.fromEntries(Object.values(AttachmentKind).map((k) => [k, { description: KIND_DESCRIPTIONS[k] }])) as Record<
    AttachmentKind,
    { description: string }
  >,
});

/**
 * The stored bytes of a storage key, base64; null when they are not kept in the database (or
 * purged). The contents asked for by the rows of a list (attachments, recordings) are read in one
 * query, not one per row (issue 6), and bytes shared by several rows once. (Prisma's implicit
 * batching of `findUnique` calls of one tick did the former too, but silently: any other query
 * shape is a statement per row; statement-counts.test.ts holds this.) Each row has decided and
 * logged its own disclosure before asking.
 */
export async function storedContent(ctx: Context, storageKey: string): Promise<string | null> {
  const hash = storedHash(storageKey);
  if (!hash) return null;
  const bytes = await batched(ctx, "file_contents.bytes", hash, async (hashes) => {
    const rows = await ctx.prisma.fileContent.findMany({
      where: { ...inOrganization(ctx), sha256: { in: hashes } },
      select: { sha256: true, bytes: true },
    });
    return new Map(rows.map((r) => [r.sha256, r.bytes]));
  });
  return bytes ? Buffer.from(bytes).toString("base64") : null;
}

/**
 * SEC-2, SEC-3 for a record that belongs to another: the decision is taken on `decideOn` (e.g.
 * the complaint, whose designations count), the read is logged against the record itself.
 */
export async function discloses(
  ctx: Context,
  decideOn: RecordRef,
  rule: ProtectionRule,
  logAs: { recordType: RecordType; id: string },
  field: string,
): Promise<boolean> {
  const e = await entitlement(ctx, decideOn, rule);
  if (e.ok)
    ctx.access.read(logAs.recordType, logAs.id, field, {
      classification: decideOn.classification,
      approvalId: e.approvalId,
      purpose: e.purpose,
    });
  return e.ok;
}

const complaintForDecision = { select: { id: true, classification: true, estateId: true, receivedById: true } } as const;

builder.prismaNode("Attachment", {
  // Only evidence of complaints in the caller's scope exists for it (SPEC §2, SEC-2).
  ...scopedNode((ctx) => ({ ...inOrganization(ctx), complaint: complaintScope(ctx) })),
  id: { field: "id", description: "INT-2: the attachment's global id" },
  authScopes: { permission: "complaints:read" },
  description: "INT-2: a complaint's evidence; the bytes through `contentBase64`",
  fields: (t) => ({
    kind: t.expose("kind", { type: AttachmentKindEnum, description: "INT-2: what kind of evidence" }),
    fileName: t.exposeString("fileName", { description: "The file's name as uploaded (a plain name, no folders)" }),
    mimeType: t.exposeString("mimeType", { description: "The media type, checked against the kind and the bytes (INT-2)" }),
    sizeBytes: t.exposeInt("sizeBytes", { description: "The file's size in bytes" }),
    sha256: t.exposeString("sha256", { description: "Hex SHA-256 of the bytes" }),
    uploadedAt: t.expose("uploadedAt", { type: "DateTime", description: "When it was attached" }),
    uploadedBy: t.relation("uploadedBy", { nullable: true, description: "Who attached it" }),
    complaint: t.relation("complaint", {
      nullable: true,
      description: "The complaint it is evidence of (in your scope, as the attachment is)",
    }),
    contentBase64: t.string({
      nullable: true,
      description: "The file, base64: only for those who may read the complaint's case (SEC-2), and logged (SEC-3); null otherwise",
      extensions: protectedField("ATTACHMENT", "contentBase64"),
      select: { storageKey: true, complaint: complaintForDecision },
      resolve: async (a, _args, ctx) => {
        if (!a.complaint || !isStored(a.storageKey)) return null;
        if (!(await discloses(ctx, complaintRef(a.complaint), "CASE", { recordType: "ATTACHMENT", id: a.id }, "contentBase64")))
          return null;
        return storedContent(ctx, a.storageKey);
      },
    }),
  }),
});

builder.prismaObjectField("Complaint", "attachments", (t) =>
  t.relation("attachments", { description: "INT-2: evidence, oldest first", query: { orderBy: [{ uploadedAt: "asc" }, { id: "asc" }] } }),
);

const AddComplaintAttachmentInput = builder.inputType("AddComplaintAttachmentInput", {
  description: "INT-2: a file to attach to a complaint as evidence",
  fields: (t) => ({
    id: t.globalID({ required: true, description: "The complaint" }),
    kind: t.field({ type: AttachmentKindEnum, required: true, description: "What kind of evidence (not ARCHIVE_DOCUMENT)" }),
    fileName: t.string({ required: true, description: "A plain file name (no folders or control characters), at most 200 characters" }),
    mimeType: t.string({ required: true, description: "e.g. image/jpeg; must suit the kind" }),
    contentBase64: t.string({ required: true, description: `The file, base64; at most ${MAX_FILE_BYTES / 1048576} MB` }),
  }),
});

builder.mutationField("addComplaintAttachment", (t) =>
  t.withAuth({ permission: "complaints:write" }).prismaField({
    type: "Attachment",
    description:
      "INT-2: attaches evidence to a complaint (recorded on its timeline); needs no version, since it changes nothing of the complaint itself",
    errors: { types: STANDARD_ERRORS },
    args: { input: t.arg({ type: AddComplaintAttachmentInput, required: true, description: "The complaint and the file" }) },
    resolve: async (query, _r, { input }, ctx) => {
      const id = await addComplaintAttachment(ctx, { ...input, complaintId: input.id.id });
      return ctx.prisma.attachment.findUniqueOrThrow({ ...nonEmpty(query), where: { id } });
    },
  }),
);
