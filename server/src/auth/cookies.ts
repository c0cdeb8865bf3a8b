export const SESSION_COOKIE = "tj_session";

export function readCookie(header: string | null, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return null; // a mangled cookie is no credential, not a server error
      }
    }
  }
  return null;
}

/**
 * httpOnly (no script reads it), SameSite=Strict (no cross-site request carries it). Its lifetime
 * is Max-Age, counted from now (issue 14): an Expires instant on the server's clock would be
 * read on the browser's, and a desk whose clock is ahead would throw the cookie away at once.
 * The session itself ends on the server's clock whatever the browser keeps.
 */
export function sessionCookie(token: string, expiresAt: Date, secure: boolean, now: Date): string {
  const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - now.getTime()) / 1000));
  return [
    `${SESSION_COOKIE}=${encodeURIComponent(token)}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Strict",
    `Max-Age=${maxAge}`,
    ...(secure ? ["Secure"] : []),
  ].join("; ");
}

export function clearedSessionCookie(secure: boolean): string {
  return [`${SESSION_COOKIE}=`, "Path=/", "HttpOnly", "SameSite=Strict", "Max-Age=0", ...(secure ? ["Secure"] : [])].join("; ");
}
