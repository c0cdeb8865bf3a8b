/**
 * Issue 17: the rules of a new organisation and its first administrator (pure functions).
 *
 * - The organisation code is what people type at sign-in when an installation holds several
 *   organisations: 2-20 capital letters, digits, "-" or "_", starting with a letter.
 * - The timezone is an IANA zone (Asia/Shanghai); estates and working calendars default to it (§6).
 * - A login is what login() looks up: lower case (sign-in lowers what is typed), 2-50 letters,
 *   digits, ".", "-" or "_", starting with a letter or digit.
 */

export const ORGANIZATION_CODE_PATTERN = /^[A-Z][A-Z0-9_-]{1,19}$/;
export const LOGIN_PATTERN = /^[a-z0-9][a-z0-9._-]{1,49}$/;
export const ORGANIZATION_NAME_MAX = 100;
export const DISPLAY_NAME_MAX = 100;

/** The code as stored: trimmed and in capitals (people type it in either case). */
export function normalizeOrganizationCode(code: string): string {
  return code.trim().toUpperCase();
}

export function isOrganizationCode(code: string): boolean {
  return ORGANIZATION_CODE_PATTERN.test(code);
}

/** The login as stored: trimmed and in lower case, as sign-in looks it up. */
export function normalizeLogin(login: string): string {
  return login.trim().toLowerCase();
}

export function isLogin(login: string): boolean {
  return LOGIN_PATTERN.test(login);
}

let zones: Set<string> | undefined;

/**
 * An IANA timezone name this runtime knows (its canonical names and their aliases, such as
 * Asia/Calcutta, and UTC); offsets such as "+08:00" are not zones.
 */
export function isIanaTimezone(zone: string): boolean {
  zones ??= new Set(Intl.supportedValuesOf("timeZone"));
  if (zones.has(zone) || zone === "UTC") return true;
  if (!/^[A-Za-z]+(?:\/[A-Za-z0-9_+-]+)+$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
