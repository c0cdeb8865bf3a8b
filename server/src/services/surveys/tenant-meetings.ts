import type { SignedInContext } from "../../access/context.ts";
import { estateFilter, inOrganization } from "../../access/read-scope.ts";
import { localToUtc } from "../../domain/sla/time-zone.ts";
import { CLOCK_SKEW_MS } from "../../domain/surveys/handouts.ts";
import { meetingCountProblems, type MeetingCounts } from "../../domain/surveys/tenant-meetings.ts";
import { TenantMeetingConflictError } from "../../errors/surveys.ts";
import { InputCheck, NotFoundError } from "../../errors/typed-errors.ts";
import { msg } from "../../i18n/messages.ts";
import { writeAtVersion } from "../versioned-write.ts";
import { estateRecords } from "../../access/scopes/surveys.ts";

/**
 * SUR-7 (001 §1): tenants' meetings of an estate (members, members met, requests raised and
 * answered); the counts are checked by the rule (domain/surveys/tenant-meetings.ts).
 */

function checkCounts(check: InputCheck, counts: MeetingCounts): void {
  for (const p of meetingCountProblems(counts, "input")) check.add(p.field, p.message);
}

export interface RecordTenantMeetingInput {
  estateId: string;
  heldAt: Date;
  membersTotal: number;
  membersMet: number;
  requestsRaised?: number | null;
  requestsAnswered?: number | null;
  minutes?: string | null;
}

/** SUR-7: records a tenants' meeting of an estate of the caller's scope; returns its id. */
export async function recordTenantMeeting(ctx: SignedInContext, input: RecordTenantMeetingInput): Promise<string> {
  const scope = estateFilter(ctx);
  const estate = await ctx.prisma.estate.findFirst({ where: { id: input.estateId, ...inOrganization(ctx) }, select: { id: true } });
  const check = new InputCheck();
  check.that(!!estate && (!scope || scope.in.includes(estate.id)), "input.estateId", msg("surveyNoSuchEstate"));
  check.that(input.heldAt.getTime() <= ctx.now.getTime() + CLOCK_SKEW_MS, "input.heldAt", msg("surveyInFuture"));
  const counts = {
    membersTotal: input.membersTotal,
    membersMet: input.membersMet,
    requestsRaised: input.requestsRaised ?? 0,
    requestsAnswered: input.requestsAnswered ?? 0,
  };
  checkCounts(check, counts);
  check.done();
  const created = await ctx.prisma.tenantMeeting.create({
    data: {
      ...counts,
      organizationId: ctx.organizationId,
      estateId: estate!.id,
      heldAt: input.heldAt,
      organizerId: ctx.viewer.staffId,
      minutes: input.minutes?.trim() || null,
      createdAt: ctx.now,
    },
    select: { id: true },
  });
  return created.id;
}

export interface UpdateTenantMeetingInput {
  id: string;
  version: number;
  membersTotal?: number | null;
  membersMet?: number | null;
  requestsRaised?: number | null;
  requestsAnswered?: number | null;
  /** undefined: unchanged; null or "": cleared. */
  minutes?: string | null;
}

/** SUR-7: requests answered after the meeting, or corrected counts and minutes, at the version read; returns its id. */
export async function updateTenantMeeting(ctx: SignedInContext, input: UpdateTenantMeetingInput): Promise<string> {
  const m = await ctx.prisma.tenantMeeting.findFirst({ where: { id: input.id, AND: [estateRecords(ctx)] } });
  if (!m) throw new NotFoundError("Tenants' meeting");
  if (m.version !== input.version) throw new TenantMeetingConflictError(m.id, m.version);
  const counts = {
    membersTotal: input.membersTotal ?? m.membersTotal,
    membersMet: input.membersMet ?? m.membersMet,
    requestsRaised: input.requestsRaised ?? m.requestsRaised,
    requestsAnswered: input.requestsAnswered ?? m.requestsAnswered,
  };
  const check = new InputCheck();
  checkCounts(check, counts);
  check.done();
  const minutes = input.minutes === undefined ? undefined : input.minutes?.trim() || null;
  await writeAtVersion(ctx.prisma.tenantMeeting, m, { ...counts, minutes }, (id, v) => new TenantMeetingConflictError(id, v));
  return m.id;
}

/** SUR-7: the year's bounds in the organisation's time zone; a year outside 2000…2100 is bad input. */
export async function yearBounds(ctx: SignedInContext, year: number): Promise<[Date, Date]> {
  const check = new InputCheck();
  check.that(year >= 2000 && year <= 2100, "year", msg("tenantMeetingYear"));
  check.done();
  const { timezone } = await ctx.prisma.organization.findUniqueOrThrow({ where: { id: ctx.organizationId }, select: { timezone: true } });
  return [new Date(localToUtc(timezone, `${year}-01-01`, 0)), new Date(localToUtc(timezone, `${year + 1}-01-01`, 0))];
}
