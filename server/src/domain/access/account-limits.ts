import type { Classification, StaffRole } from "@tingjian/prisma/client";
import { atLeast } from "./need-to-know.ts";

/**
 * Issue 17, SEC-2: what an account administrator may give. Only the executive gives CONFIDENTIAL
 * or TOP_SECRET clearance (an administrator gives up to SECRET), and nobody makes an account of a
 * role above their own (an administrator cannot make an executive). Pure rules; the services in
 * services/admin/ apply them.
 */

/** SEC-2: the highest clearance `role` may give. */
export function clearanceCeiling(role: StaffRole): Classification {
  return role === "EXECUTIVE" ? "TOP_SECRET" : "SECRET";
}

/** SEC-2: whether `role` may give `clearance`. */
export function mayGiveClearance(role: StaffRole, clearance: Classification): boolean {
  return atLeast(clearanceCeiling(role), clearance);
}

/** Issue 17: no privilege escalation — only the executive makes (or changes) an executive. */
export function mayGiveRole(role: StaffRole, target: StaffRole): boolean {
  return target !== "EXECUTIVE" || role === "EXECUTIVE";
}

/**
 * Whether `role` may take an account over (reset its password: whoever holds the temporary
 * password is that account): only one whose role and clearance it could have given.
 */
export function mayTakeOver(role: StaffRole, account: { role: StaffRole; clearance: Classification }): boolean {
  return mayGiveRole(role, account.role) && mayGiveClearance(role, account.clearance);
}
