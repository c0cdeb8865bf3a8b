import { beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "@tingjian/server";
import { useTestDatabase } from "@tingjian/prisma/testing";
import { gql, globalId, signIn, type Caller } from "./graphql.ts";

/**
 * Issue 17 item 2, SPEC §6: the administrator enters a year the demo lacks (2027) — its statutory
 * holidays and make-up working days — in the app, and the SLA deadlines computed afterwards run
 * on it (domain/sla/working-calendar.ts through services/complaints/sla-stages.ts). The change is
 * kept in the administrative change log with the year's days before and after.
 */
const sh = (local: string) => new Date(`${local}+08:00`);

describe("working calendar years entered by the administrator (SPEC §6, issue 17)", () => {
  const t = useTestDatabase("demo");
  let app: App;
  let now = sh("2027-09-30T17:00:00");
  const q = (sql: string, params: unknown[] = []) => t.db.pool.query(sql, params).then((r) => r.rows);
  let admin: Caller, service: Caller, frontdesk: Caller;
  let calendarId = "",
    household = "",
    category = "";

  async function sla2Deadline(): Promise<string> {
    const r = await gql<{ registerComplaint: { data: { id: string; version: number } } }>(
      app,
      `mutation($input: RegisterComplaintInput!) { registerComplaint(input: $input) { ... on MutationRegisterComplaintSuccess { data { id version } } } }`,
      { input: { channel: "PHONE", householdId: globalId("Household", household), complainantName: "钱女士", content: "建议增加绿化" } },
      service,
    );
    const c = r.data!.registerComplaint.data;
    const v = await gql<{ classifyComplaint: { data: { slaStages: { rule: string; deadlineAt: string }[] } } }>(
      app,
      `mutation($input: ClassifyComplaintInput!) { classifyComplaint(input: $input) { ... on MutationClassifyComplaintSuccess { data { slaStages { rule deadlineAt } } } } }`,
      { input: { id: c.id, version: c.version, valid: true, kind: "SUGGESTION", categoryId: globalId("Category", category) } },
      service,
    );
    return v.data!.classifyComplaint.data.slaStages.find((s) => s.rule === "SLA_2")!.deadlineAt;
  }
  const setYear = (caller: Caller, version: number, days: Record<string, unknown>[]) =>
    gql<{
      setCalendarYear: { __typename: string; data?: { years: number[]; days: { date: string; kind: string; name: string | null }[] } };
    }>(
      app,
      `mutation($input: SetCalendarYearInput!) { setCalendarYear(input: $input) { __typename ... on MutationSetCalendarYearSuccess { data { years days(year: 2027) { date kind name } } } } }`,
      { input: { calendarId: globalId("WorkingCalendar", calendarId), version, year: 2027, days } },
      caller,
    );
  const signInAll = async () => {
    [admin, service, frontdesk] = await Promise.all([signIn(app, "admin"), signIn(app, "service1"), signIn(app, "frontdesk.lx")]);
  };

  beforeAll(async () => {
    app = createApp({ prisma: t.prisma, clock: () => now });
    await signInAll();
    [{ id: calendarId }] = await q(`SELECT id FROM working_calendars WHERE is_default`);
    [{ id: household }] = await q(
      `SELECT h.id FROM households h JOIN estates e ON e.id = h.estate_id WHERE e.code = 'LX' ORDER BY h.code LIMIT 1`,
    );
    [{ id: category }] = await q(`SELECT id FROM categories WHERE level = 2 ORDER BY code LIMIT 1`);
  });

  it("2027 is missing until entered; then a deadline across the National Day holidays skips them and a make-up Saturday works", async () => {
    const years = await gql<{ workingCalendars: { years: number[] }[] }>(app, `{ workingCalendars { years } }`, undefined, admin);
    expect(years.data!.workingCalendars[0]!.years).not.toContain(2027);
    // Thursday 30 September 17:00, two working hours: without 2027's holidays, Friday 1 October 10:00.
    expect(await sla2Deadline()).toBe(sh("2027-10-01T10:00:00").toISOString());

    // A made-up schedule for the test (not the published one): 1-7 October off, Saturday 9 October worked as a Monday.
    const holidays = ["01", "02", "03", "04", "05", "06", "07"].map((d) => ({ date: `2027-10-${d}`, kind: "HOLIDAY", name: "国庆节" }));
    const [{ version }] = await q(`SELECT version FROM working_calendars WHERE id = $1`, [calendarId]);
    expect((await setYear(frontdesk, version, holidays)).data).toBeNull();
    const r = await setYear(admin, version, [
      ...holidays,
      { date: "2027-10-09", kind: "MAKEUP_WORKDAY", name: "国庆节调休", followsWeekday: 1 },
    ]);
    expect(r.data!.setCalendarYear.__typename).toBe("MutationSetCalendarYearSuccess");
    expect(r.data!.setCalendarYear.data!.years).toContain(2027);
    expect(r.data!.setCalendarYear.data!.days).toHaveLength(8);

    // Half an hour on Thursday, nothing from the 1st to the 7th, 1.5 hours on Friday the 8th.
    expect(await sla2Deadline()).toBe(sh("2027-10-08T10:00:00").toISOString());
    // Friday 8 October 17:00: half an hour, then the make-up Saturday (Monday's slots) until 10:00 — not Monday the 11th.
    now = sh("2027-10-08T17:00:00");
    await signInAll();
    expect(await sla2Deadline()).toBe(sh("2027-10-09T10:00:00").toISOString());
  });

  it("keeps the change with who and the year's days before and after; a correction of the year replaces its days", async () => {
    const [{ version }] = await q(`SELECT version FROM working_calendars WHERE id = $1`, [calendarId]);
    const fixed = await setYear(admin, version, [{ date: "2027-10-01", kind: "HOLIDAY", name: "国庆节" }]);
    expect(fixed.data!.setCalendarYear.data!.days).toEqual([{ date: "2027-10-01", kind: "HOLIDAY", name: "国庆节" }]);
    const log = await q(
      `SELECT s.login, c.action, c.before, c.after FROM admin_changes c JOIN staff s ON s.id = c.changed_by_id WHERE c.entity = 'CALENDAR' AND c.entity_id = $1 ORDER BY c.at`,
      [calendarId],
    );
    expect(log).toHaveLength(2);
    expect(log[0]).toMatchObject({ login: "admin", action: "UPDATE", before: { year: 2027, days: [] } });
    expect(log[0].after.days).toHaveLength(8);
    expect(log[0].after.days[7]).toEqual({ date: "2027-10-09", kind: "MAKEUP_WORKDAY", name: "国庆节调休", followsWeekday: 1 });
    expect(log[1].before.days).toEqual(log[0].after.days);
    expect(log[1].after).toEqual({ year: 2027, days: [{ date: "2027-10-01", kind: "HOLIDAY", name: "国庆节", followsWeekday: null }] });
  });
});
