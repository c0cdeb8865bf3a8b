import { msg } from "../../i18n/messages.ts";
import { inEnglish, type RuleProblem } from "./problems.ts";

/**
 * SUR-7 (001 §1): tenants' meetings: face-to-face contact with at least 90% of the members a
 * year, and 100% of members' requests answered. A meeting records how many members there are,
 * how many were met, and the requests raised and answered. Over a year, the rates are the sums
 * of the year's meetings: members met ÷ members (each meeting's roll), requests answered ÷ raised.
 */
export interface MeetingCounts {
  membersTotal: number;
  membersMet: number;
  requestsRaised: number;
  requestsAnswered: number;
}

export const MEMBERS_MET_TARGET = 90;
export const REQUESTS_ANSWERED_TARGET = 100;

/** The first problem of the counts, in English, or null. */
export function checkMeetingCounts(c: MeetingCounts, path: string): { field: string; reason: string } | null {
  const first = meetingCountProblems(c, path)[0];
  return first ? inEnglish(first) : null;
}

/** Every problem of the counts (SUR-7), with catalogue messages, for an InputCheck. */
export function meetingCountProblems(c: MeetingCounts, path: string): RuleProblem[] {
  const problems: RuleProblem[] = [];
  for (const k of ["membersTotal", "membersMet", "requestsRaised", "requestsAnswered"] as const) {
    if (!Number.isInteger(c[k]) || c[k] < 0) problems.push({ field: `${path}.${k}`, message: msg("tenantMeetingWholeNumber") });
  }
  // The comparisons mean something only between whole counts.
  if (problems.length) return problems;
  if (c.membersTotal === 0) problems.push({ field: `${path}.membersTotal`, message: msg("tenantMeetingNoMembers") });
  if (c.membersMet > c.membersTotal) problems.push({ field: `${path}.membersMet`, message: msg("tenantMeetingMetAtMost") });
  if (c.requestsAnswered > c.requestsRaised)
    problems.push({ field: `${path}.requestsAnswered`, message: msg("tenantMeetingAnsweredAtMost") });
  return problems;
}
