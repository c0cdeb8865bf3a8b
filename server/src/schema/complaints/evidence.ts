import { createHash } from "node:crypto";
import { AttachmentKind, type RecordType } from "@tingjian/prisma/client";
import { builder } from "../../builder.ts";
import type { Context } from "../../access/context.ts";
import { entitlement, protectedField, type RecordRef } from "../../access/disclosure.ts";
import type { ProtectionRule } from "../../domain/access/protected-fields.ts";
import { ForbiddenError, InputError, NotFoundError } from "../../errors/typed-errors.ts";
import { STANDARD_ERRORS } from "../errors.ts";
import { nonEmpty } from "../prisma-query.ts";
import { batched } from "../batched.ts";
import { complaintScope, inOrganization, scopedNode } from "../../access/read-scope.ts";
import { complaintRef } from "./complaint.ts";
import { appendEvents } from "./editing.ts";

/**
 * INT-2 evidence attachments (photo, recording, signature, documents). The bytes live in the
 * database (file_contents, one row per distinct content of an organisation); an attachment refers
 * to them by storageKey "db:<sha256>". Metadata is visible with the complaint; the bytes only to
 * whoever may read the complaint's case (SEC-2), and every such read is logged (SEC-3).
 */

/** INT-2, INT-6: the largest file kept, in decoded bytes. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
const STORED = "db:";

export const AttachmentKindEnum = builder.enumType(AttachmentKind, { name: "AttachmentKind", description: "INT-2 kinds of evidence (ARCHIVE_DOCUMENT: SEC-8 owner archives only)" });

/** Decodes a base64 upload; too large, empty or not base64 is an InputError on `field`. */
export function decodeContent(value: string, field: string): Buffer {
  const text = value.replace(/\s+/g, "");
  // Refuse an oversized upload before decoding it (4 base64 characters carry 3 bytes).
  if (text.length > Math.ceil(MAX_FILE_BYTES / 3) * 4) throw new InputError(field, `The file is larger than the limit of ${MAX_FILE_BYTES / 1048576} MB`);
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) throw new InputError(field, `${field} must be the file's bytes in base64`);
  const bytes = Buffer.from(text, "base64");
  if (bytes.length === 0) throw new InputError(field, "The file is empty");
  if (bytes.length > MAX_FILE_BYTES) throw new InputError(field, `The file is larger than the limit of ${MAX_FILE_BYTES / 1048576} MB`);
  return bytes;
}

/**
 * Stores bytes once per organisation (deduplicated by SHA-256) and returns the storage key. The row
 * is share-locked until the request commits, so that the retention purge (INT-6), which deletes
 * contents nothing refers to, cannot remove it between this insert and the reference to it.
 */
export async function storeContent(ctx: Context, bytes: Buffer): Promise<{ storageKey: string; sha256: string; sizeBytes: number }> {
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const { organizationId } = inOrganization(ctx);
  for (let attempt = 0; attempt < 3; attempt++) {
    await ctx.prisma.fileContent.createMany({ data: [{ organizationId, sha256, sizeBytes: bytes.length, bytes: new Uint8Array(bytes) }], skipDuplicates: true });
    const held = await ctx.prisma.$queryRaw<unknown[]>`SELECT 1 FROM file_contents WHERE organization_id = ${organizationId}::uuid AND sha256 = ${sha256} FOR SHARE`;
    if (held.length > 0) return { storageKey: `${STORED}${sha256}`, sha256, sizeBytes: bytes.length };
  }
  throw new Error("File content vanished while it was being stored");
}

/**
 * The stored bytes of a storage key, base64; null when they are not kept in the database (or
 * purged). The contents asked for by the rows of a list (attachments, recordings) are read in one
 * query, not one per row (issue 6), and bytes shared by several rows once. (Prisma's implicit
 * batching of `findUnique` calls of one tick did the former too, but silently: any other query
 * shape is a statement per row; statement-counts.test.ts holds this.) Each row has decided and
 * logged its own disclosure before asking.
 */
export async function storedContent(ctx: Context, storageKey: string): Promise<string | null> {
  if (!storageKey.startsWith(STORED)) return null;
  const bytes = await batched(ctx, "file_contents.bytes", storageKey.slice(STORED.length), async (hashes) => {
    const rows = await ctx.prisma.fileContent.findMany({ where: { ...inOrganization(ctx), sha256: { in: hashes } }, select: { sha256: true, bytes: true } });
    return new Map(rows.map((r) => [r.sha256, r.bytes]));
  });
  return bytes ? Buffer.from(bytes).toString("base64") : null;
}

export const isStored = (storageKey: string) => storageKey.startsWith(STORED);

/**
 * SEC-2, SEC-3 for a record that belongs to another: the decision is taken on `decideOn` (e.g.
 * the complaint, whose designations count), the read is logged against the record itself.
 */
export async function discloses(ctx: Context, decideOn: RecordRef, rule: ProtectionRule, logAs: { recordType: RecordType; id: string }, field: string): Promise<boolean> {
  const e = await entitlement(ctx, decideOn, rule);
  if (e.ok) ctx.access.read(logAs.recordType, logAs.id, field, { classification: decideOn.classification, approvalId: e.approvalId, purpose: e.purpose });
  return e.ok;
}

// ---- validation of an upload (INT-2) ----

const DOCUMENT_TYPES = new Set([
  "application/pdf", "text/plain", "application/msword", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.ms-excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
]);
const isImage = (m: string) => m.startsWith("image/");
/** What each kind of evidence may be. */
const KIND_ACCEPTS: Record<AttachmentKind, ((mime: string) => boolean) | null> = {
  PHOTO: isImage,
  VIDEO: (m) => m.startsWith("video/"),
  RECORDING: (m) => m.startsWith("audio/"),
  SIGNATURE: (m) => isImage(m) || m === "application/pdf",
  DOCUMENT: (m) => isImage(m) || DOCUMENT_TYPES.has(m),
  REPLY_LETTER: (m) => isImage(m) || DOCUMENT_TYPES.has(m),
  OTHER: () => true,
  ARCHIVE_DOCUMENT: null,
};
/** Active content a browser would run if it opened the file; never accepted as evidence. */
const ACTIVE = new Set(["text/html", "application/xhtml+xml", "image/svg+xml", "application/javascript", "text/javascript"]);
/** Leading bytes of the common formats: a file must be what its type says. */
const MAGIC: Record<string, number[]> = {
  "image/png": [0x89, 0x50, 0x4e, 0x47],
  "image/jpeg": [0xff, 0xd8, 0xff],
  "image/gif": [0x47, 0x49, 0x46, 0x38],
  "application/pdf": [0x25, 0x50, 0x44, 0x46],
};

export function checkMimeType(kind: AttachmentKind, value: string, bytes: Buffer, field = "input.mimeType"): string {
  const mime = value.trim().toLowerCase();
  if (!/^[a-z]+\/[a-z0-9][a-z0-9.+-]*$/.test(mime)) throw new InputError(field, "mimeType must be a media type such as image/jpeg");
  const accepts = KIND_ACCEPTS[kind];
  if (!accepts) throw new InputError("input.kind", "ARCHIVE_DOCUMENT belongs to an owner's archive (SEC-8), not to a complaint");
  if (ACTIVE.has(mime) || !accepts(mime)) throw new InputError(field, `${mime} is not accepted for ${kind} evidence`);
  const magic = MAGIC[mime];
  if (magic && !magic.every((b, i) => bytes[i] === b)) throw new InputError(field, `The content is not a ${mime} file`);
  return mime;
}

export function checkFileName(value: string): string {
  const name = value.trim();
  if (!name || name === "." || name === "..") throw new InputError("input.fileName", "fileName is required");
  if (name.length > 200) throw new InputError("input.fileName", "fileName is longer than 200 characters");
  if (/[/\\\u0000-\u001f\u007f]/.test(name)) throw new InputError("input.fileName", "fileName must be a plain file name (no folders or control characters)");
  return name;
}

// ---- schema ----

const complaintForDecision = { select: { id: true, classification: true, estateId: true, receivedById: true } } as const;

builder.prismaNode("Attachment", {
  // Only evidence of complaints in the caller's scope exists for it (SPEC §2, SEC-2).
  ...scopedNode((ctx) => ({ ...inOrganization(ctx), complaint: complaintScope(ctx) })),
  authScopes: { permission: "complaints:read" },
  description: "INT-2: a complaint's evidence; the bytes through `contentBase64`",
  fields: (t) => ({
    kind: t.expose("kind", { type: AttachmentKindEnum }),
    fileName: t.exposeString("fileName"),
    mimeType: t.exposeString("mimeType"),
    sizeBytes: t.exposeInt("sizeBytes"),
    sha256: t.exposeString("sha256", { description: "Hex SHA-256 of the bytes" }),
    uploadedAt: t.expose("uploadedAt", { type: "DateTime" }),
    uploadedBy: t.relation("uploadedBy", { nullable: true }),
    complaint: t.relation("complaint", { nullable: true, description: "The complaint it is evidence of (in your scope, as the attachment is)" }),
    contentBase64: t.string({
      nullable: true,
      description: "The file, base64: only for those who may read the complaint's case (SEC-2), and logged (SEC-3); null otherwise",
      extensions: protectedField("ATTACHMENT", "contentBase64"),
      select: { storageKey: true, complaint: complaintForDecision },
      resolve: async (a, _args, ctx) => {
        if (!a.complaint || !isStored(a.storageKey)) return null;
        if (!(await discloses(ctx, complaintRef(a.complaint), "CASE", { recordType: "ATTACHMENT", id: a.id }, "contentBase64"))) return null;
        return storedContent(ctx, a.storageKey);
      },
    }),
  }),
});

builder.prismaObjectField("Complaint", "attachments", (t) =>
  t.relation("attachments", { description: "INT-2: evidence, oldest first", query: { orderBy: [{ uploadedAt: "asc" }, { id: "asc" }] } }),
);

const AddComplaintAttachmentInput = builder.inputType("AddComplaintAttachmentInput", {
  fields: (t) => ({
    id: t.globalID({ required: true, description: "The complaint" }),
    kind: t.field({ type: AttachmentKindEnum, required: true }),
    fileName: t.string({ required: true }),
    mimeType: t.string({ required: true, description: "e.g. image/jpeg; must suit the kind" }),
    contentBase64: t.string({ required: true, description: `The file, base64; at most ${MAX_FILE_BYTES / 1048576} MB` }),
  }),
});

builder.mutationField("addComplaintAttachment", (t) =>
  t.prismaField({
    type: "Attachment",
    description: "INT-2: attaches evidence to a complaint (recorded on its timeline); needs no version, since it changes nothing of the complaint itself",
    authScopes: { permission: "complaints:write" },
    errors: { types: STANDARD_ERRORS },
    args: { input: t.arg({ type: AddComplaintAttachmentInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      const complaint = await ctx.prisma.complaint.findFirst({ where: { id: input.id.id, ...complaintScope(ctx) }, select: complaintForDecision.select });
      if (!complaint) throw new NotFoundError("Complaint");
      // SEC-2: evidence is part of the case; only those who know the case add to it.
      if (!(await entitlement(ctx, complaintRef(complaint), "CASE")).ok) throw new ForbiddenError("Not entitled to this complaint's case");
      const fileName = checkFileName(input.fileName);
      const bytes = decodeContent(input.contentBase64, "input.contentBase64");
      const mimeType = checkMimeType(input.kind, input.mimeType, bytes);
      const stored = await storeContent(ctx, bytes);
      const created = await ctx.prisma.attachment.create({
        data: {
          ...inOrganization(ctx), kind: input.kind, fileName, mimeType, ...stored, complaintId: complaint.id,
          uploadedById: ctx.viewer!.staffId, uploadedAt: ctx.now, classification: complaint.classification,
        },
        select: { id: true },
      });
      await appendEvents(ctx, complaint.id, [{ kind: "ATTACHMENT_ADDED", data: { attachmentId: created.id, kind: input.kind, sha256: stored.sha256 } }]);
      return ctx.prisma.attachment.findUniqueOrThrow({ ...nonEmpty(query), where: { id: created.id } });
    },
  }),
);
