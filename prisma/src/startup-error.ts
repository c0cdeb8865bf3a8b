/**
 * A configuration or environment problem the user can fix. Entry points print only its
 * message (one line naming the cause) and exit non-zero; anything else is a bug and keeps
 * its stack trace.
 */
export class StartupError extends Error {
  override name = "StartupError";
}

/** Describes a database URL without its password, for messages and logs. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return "(unparseable DATABASE_URL)";
  }
}
