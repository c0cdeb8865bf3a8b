import { createHash } from "node:crypto";
import type { AttachmentKind } from "@tingjian/prisma/client";
import type { Context } from "../../access/context.ts";
import { inOrganization } from "../../access/read-scope.ts";
import { InputError, requiredText } from "../../errors/typed-errors.ts";
import { msg } from "../../i18n/messages.ts";

/**
 * INT-2 stored files (evidence, hotline audio, callback attachments): the bytes live in the
 * database (file_contents, one row per distinct content of an organisation); a record refers to
 * them by storageKey "db:<sha256>". What an upload must be is checked here, before anything is
 * stored; who may read the bytes is decided where they are read (SEC-2, SEC-3).
 */

/** INT-2, INT-6: the largest file kept, in decoded bytes. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
const STORED = "db:";
const MB = MAX_FILE_BYTES / 1048576;

/** The storage key names bytes kept in the database (not elsewhere, e.g. the telephone system). */
export const isStored = (storageKey: string) => storageKey.startsWith(STORED);

/** The content hash of a stored key ("db:<sha256>"), or null for bytes kept elsewhere. */
export const storedHash = (storageKey: string) => (isStored(storageKey) ? storageKey.slice(STORED.length) : null);

/** Decodes a base64 upload; too large, empty or not base64 is an InputError on `field`. */
export function decodeContent(value: string, field: string): Buffer {
  const text = value.replace(/\s+/g, "");
  // Refuse an oversized upload before decoding it (4 base64 characters carry 3 bytes).
  if (text.length > Math.ceil(MAX_FILE_BYTES / 3) * 4) throw new InputError(field, msg("attachmentTooLarge", { mb: MB }));
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) throw new InputError(field, msg("attachmentNotBase64", { field }));
  const bytes = Buffer.from(text, "base64");
  if (bytes.length === 0) throw new InputError(field, msg("attachmentEmpty"));
  if (bytes.length > MAX_FILE_BYTES) throw new InputError(field, msg("attachmentTooLarge", { mb: MB }));
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
    await ctx.prisma.fileContent.createMany({
      data: [{ organizationId, sha256, sizeBytes: bytes.length, bytes: new Uint8Array(bytes) }],
      skipDuplicates: true,
    });
    const held = await ctx.prisma.$queryRaw<
      unknown[]
    >`SELECT 1 FROM file_contents WHERE organization_id = ${organizationId}::uuid AND sha256 = ${sha256} FOR SHARE`;
    if (held.length > 0) return { storageKey: `${STORED}${sha256}`, sha256, sizeBytes: bytes.length };
  }
  throw new Error("File content vanished while it was being stored");
}

// ---- what an upload may be (INT-2) ----

const DOCUMENT_TYPES = new Set([
  "application/pdf",
  "text/plain",
  "application/msword",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.ms-excel",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
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

/**
 * INT-2: the media type, normalised; it must suit the kind and, for the common formats, the bytes
 * (not compared when the bytes were refused themselves: `null`).
 */
export function checkMimeType(kind: AttachmentKind, value: string, bytes: Buffer | null, field = "input.mimeType"): string {
  const mime = value.trim().toLowerCase();
  if (!/^[a-z]+\/[a-z0-9][a-z0-9.+-]*$/.test(mime)) throw new InputError(field, msg("attachmentMimeFormat"));
  const accepts = KIND_ACCEPTS[kind];
  if (!accepts) throw new InputError("input.kind", msg("archiveDocumentNotEvidence"));
  if (ACTIVE.has(mime) || !accepts(mime)) throw new InputError(field, msg("attachmentMimeNotAccepted", { mime, kind }));
  const magic = MAGIC[mime];
  if (bytes && magic && !magic.every((b, i) => bytes[i] === b)) throw new InputError(field, msg("attachmentContentMismatch", { mime }));
  return mime;
}

/** INT-2: a plain file name (no folders, no control characters), at most 200 characters. */
export function checkFileName(value: string, field = "input.fileName"): string {
  const name = requiredText(value, field, 200);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: a file name with a control character is refused on purpose
  if (name === "." || name === ".." || /[/\\\u0000-\u001f\u007f]/.test(name)) throw new InputError(field, msg("attachmentFileName"));
  return name;
}
