import { createHash, randomBytes } from "node:crypto";

/** A fresh bearer secret; only its SHA-256 is stored, so a database leak yields no usable token. */
export function newSecret(prefix: string): string {
  return `${prefix}${randomBytes(32).toString("base64url")}`;
}

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}
