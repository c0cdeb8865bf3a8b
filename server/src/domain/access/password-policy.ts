import { COMMON_PASSWORDS } from "./common-passwords.ts";

/** Issue 17: the shortest password accepted. */
export const PASSWORD_MIN_LENGTH = 10;
/** Longer passwords are refused (bcrypt-style hashes ignore the excess; a huge one costs CPU). */
export const PASSWORD_MAX_LENGTH = 200;

const COMMON = new Set(COMMON_PASSWORDS.map((p) => p.toLowerCase()));

export type PasswordProblem = "TOO_SHORT" | "TOO_LONG" | "TOO_COMMON" | "CONTAINS_LOGIN";

/**
 * Issue 17: the password policy — a minimum length, and refusal of the most common passwords
 * (a list shipped with the product) and of passwords that contain the account's login. Returns
 * the first problem, or null when the password is acceptable.
 */
export function passwordProblem(password: string, login?: string | null): PasswordProblem | null {
  if (password.length < PASSWORD_MIN_LENGTH) return "TOO_SHORT";
  if (password.length > PASSWORD_MAX_LENGTH) return "TOO_LONG";
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return "TOO_COMMON";
  // A common password padded with digits or punctuation is still a common password.
  const core = lower.replace(/[\d\W_]+$/u, "");
  if (core.length >= 4 && COMMON.has(core)) return "TOO_COMMON";
  if (login && login.length >= 3 && lower.includes(login.toLowerCase())) return "CONTAINS_LOGIN";
  return null;
}
