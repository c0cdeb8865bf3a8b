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

export function checkMeetingCounts(c: MeetingCounts, path: string): { field: string; reason: string } | null {
  for (const k of ["membersTotal", "membersMet", "requestsRaised", "requestsAnswered"] as const) {
    if (!Number.isInteger(c[k]) || c[k] < 0) return { field: `${path}.${k}`, reason: "A whole number, 0 or more" };
  }
  if (c.membersTotal === 0) return { field: `${path}.membersTotal`, reason: "A meeting has members" };
  if (c.membersMet > c.membersTotal) return { field: `${path}.membersMet`, reason: "At most the number of members" };
  if (c.requestsAnswered > c.requestsRaised) return { field: `${path}.requestsAnswered`, reason: "At most the requests raised" };
  return null;
}
