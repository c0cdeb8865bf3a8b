import { beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "@tingjian/server";
import { useTestDatabase } from "@tingjian/prisma/testing";
import { gql, globalId, signIn, type Caller } from "./graphql.ts";

/**
 * SPEC §6 and the preamble: calendars and policy values are editable data with effective dates;
 * deadlines follow the data in force when a stage starts, and the past keeps its policy.
 */
const sh = (local: string) => new Date(`${local}+08:00`);

describe("working calendars and policy values (SPEC §6)", () => {
  const t = useTestDatabase("demo");
  let app: App;
  let now = sh("2029-12-31T17:00:00");
  const q = (sql: string, params: unknown[] = []) => t.db.pool.query(sql, params).then((r) => r.rows);
  let manager: Caller, frontdesk: Caller, service: Caller;
  let calendarId = "",
    lx = "",
    jh = "",
    household = "",
    category = "";

  const setYear = (caller: Caller, input: Record<string, unknown>) =>
    gql<{
      setCalendarYear: {
        __typename: string;
        field?: string;
        currentVersion?: number;
        data?: { version: number; years: number[]; days: { date: string; kind: string }[] };
      };
    }>(
      app,
      `mutation($input: SetCalendarYearInput!) { setCalendarYear(input: $input) { __typename ... on InputError { field } ... on CalendarConflictError { currentVersion }
        ... on MutationSetCalendarYearSuccess { data { version years days(year: 2030) { date kind } } } } }`,
      { input },
      caller,
    );
  const setPolicy = (caller: Caller, input: Record<string, unknown>) =>
    gql<{
      setPolicyValue: {
        __typename: string;
        field?: string;
        data?: { key: string; value: number; effectiveFrom: string; estate: { code: string } | null };
      };
    }>(
      app,
      `mutation($input: SetPolicyValueInput!) { setPolicyValue(input: $input) { __typename ... on InputError { field } ... on MutationSetPolicyValueSuccess { data { key value effectiveFrom estate { code } } } } }`,
      { input },
      caller,
    );
  async function sla2Deadline(): Promise<string> {
    const r = await gql<{ registerComplaint: { data: { id: string; version: number } } }>(
      app,
      `mutation($input: RegisterComplaintInput!) { registerComplaint(input: $input) { ... on MutationRegisterComplaintSuccess { data { id version } } } }`,
      { input: { channel: "PHONE", householdId: globalId("Household", household), complainantName: "钱女士", content: "建议增加绿化" } },
      service,
    );
    if (!r.data) throw new Error(JSON.stringify(r));
    const c = r.data!.registerComplaint.data;
    const v = await gql<{ classifyComplaint: { data: { slaStages: { rule: string; deadlineAt: string }[] } } }>(
      app,
      `mutation($input: ClassifyComplaintInput!) { classifyComplaint(input: $input) { ... on MutationClassifyComplaintSuccess { data { slaStages { rule deadlineAt } } } } }`,
      { input: { id: c.id, version: c.version, valid: true, kind: "SUGGESTION", categoryId: globalId("Category", category) } },
      service,
    );
    return v.data!.classifyComplaint.data.slaStages.find((s) => s.rule === "SLA_2")!.deadlineAt;
  }

  beforeAll(async () => {
    app = createApp({ prisma: t.prisma, clock: () => now });
    [manager, frontdesk, service] = await Promise.all([signIn(app, "manager"), signIn(app, "frontdesk.lx"), signIn(app, "service1")]);
    [{ id: calendarId }] = await q(`SELECT id FROM working_calendars WHERE is_default`);
    [{ id: lx }] = await q(`SELECT id FROM estates WHERE code = 'LX'`);
    [{ id: jh }] = await q(`SELECT id FROM estates WHERE code = 'JH'`);
    [{ id: household }] = await q(`SELECT id FROM households WHERE estate_id = $1 ORDER BY code LIMIT 1`, [lx]);
    [{ id: category }] = await q(`SELECT id FROM categories WHERE level = 2 ORDER BY code LIMIT 1`);
  });

  it("§6: a year's holidays and make-up days are entered as data, and deadlines skip them", async () => {
    // Before: 2 working hours from Monday 17:00 end on New Year's Day 10:00 (no 2030 holidays entered).
    expect(await sla2Deadline()).toBe(sh("2030-01-01T10:00:00").toISOString());
    const [{ version }] = await q(`SELECT version FROM working_calendars WHERE id = $1`, [calendarId]);
    // A made-up schedule for the test (not the published one): 1-2 January off, Saturday 5 January worked.
    const days = [
      { date: "2030-01-01", kind: "HOLIDAY", name: "元旦" },
      { date: "2030-01-02", kind: "HOLIDAY", name: "元旦" },
      { date: "2030-01-05", kind: "MAKEUP_WORKDAY", name: "元旦调休", followsWeekday: 3 },
    ];
    const r = await setYear(manager, { calendarId: globalId("WorkingCalendar", calendarId), version, year: 2030, days });
    expect(r.data!.setCalendarYear.data!.days).toEqual([
      { date: "2030-01-01", kind: "HOLIDAY" },
      { date: "2030-01-02", kind: "HOLIDAY" },
      { date: "2030-01-05", kind: "MAKEUP_WORKDAY" },
    ]);
    expect(r.data!.setCalendarYear.data!.years).toEqual(expect.arrayContaining([2024, 2025, 2026, 2030]));
    // After: half an hour on Monday, nothing on the 1st and 2nd, 1.5 hours on Thursday the 3rd.
    expect(await sla2Deadline()).toBe(sh("2030-01-03T10:00:00").toISOString());
    // A stale version is a conflict; bad days are typed errors; neither changes anything.
    expect(
      (await setYear(manager, { calendarId: globalId("WorkingCalendar", calendarId), version, year: 2030, days: [] })).data!
        .setCalendarYear,
    ).toMatchObject({ __typename: "CalendarConflictError", currentVersion: version + 1 });
    const v2 = version + 1;
    expect(
      (
        await setYear(manager, {
          calendarId: globalId("WorkingCalendar", calendarId),
          version: v2,
          year: 2030,
          days: [{ date: "2031-01-01", kind: "HOLIDAY" }],
        })
      ).data!.setCalendarYear,
    ).toMatchObject({ __typename: "InputError", field: "input.days.0.date" });
    expect(
      (await setYear(manager, { calendarId: globalId("WorkingCalendar", calendarId), version: v2, year: 2030, days: [days[0], days[0]] }))
        .data!.setCalendarYear,
    ).toMatchObject({ __typename: "InputError", field: "input.days.1.date" });
    expect(
      await q(`SELECT count(*)::int AS n FROM calendar_days WHERE calendar_id = $1 AND date >= '2030-01-01' AND date < '2031-01-01'`, [
        calendarId,
      ]),
    ).toEqual([{ n: 3 }]);
    // Only company leadership keeps the calendar.
    const denied = await setYear(frontdesk, { calendarId: globalId("WorkingCalendar", calendarId), version: v2, year: 2030, days: [] });
    expect(denied.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("a policy value takes effect from its date, per estate, and never rewrites the past", async () => {
    now = sh("2030-01-07T09:00:00");
    // Sessions last 12 hours: sign in again on the new day.
    [manager, frontdesk, service] = await Promise.all([signIn(app, "manager"), signIn(app, "frontdesk.lx"), signIn(app, "service1")]);
    const before = await sla2Deadline();
    expect(before).toBe(sh("2030-01-07T11:00:00").toISOString());
    const past = await setPolicy(manager, {
      key: "SLA-2.duration",
      estateId: globalId("Estate", lx),
      value: 3,
      unit: "WORKING_HOURS",
      effectiveFrom: sh("2030-01-01T00:00:00").toISOString(),
    });
    expect(past.data!.setPolicyValue).toMatchObject({ __typename: "InputError", field: "input.effectiveFrom" });
    expect((await setPolicy(manager, { key: "not a key", value: 3, unit: "WORKING_HOURS" })).data!.setPolicyValue).toMatchObject({
      __typename: "InputError",
      field: "input.key",
    });
    expect((await setPolicy(manager, { key: "CB-1.callbackRate", value: 120, unit: "PERCENT" })).data!.setPolicyValue).toMatchObject({
      __typename: "InputError",
      field: "input.value",
    });
    const set = await setPolicy(manager, {
      key: "SLA-2.duration",
      estateId: globalId("Estate", lx),
      value: 3,
      unit: "WORKING_HOURS",
      note: "丽轩花园人手不足，暂放宽",
    });
    expect(set.data!.setPolicyValue.data).toMatchObject({ key: "SLA-2.duration", value: 3, estate: { code: "LX" } });
    expect(await sla2Deadline()).toBe(sh("2030-01-07T12:00:00").toISOString());
    const at = (estate: string, instant: Date) =>
      gql<{ policyValueAt: { value: number; estate: { code: string } | null } }>(
        app,
        `query($e: ID, $at: DateTime) { policyValueAt(key: "SLA-2.duration", estateId: $e, at: $at) { value estate { code } } }`,
        { e: globalId("Estate", estate), at: instant.toISOString() },
        manager,
      ).then((r) => r.data!.policyValueAt);
    expect(await at(lx, now)).toEqual({ value: 3, estate: { code: "LX" } });
    expect(await at(jh, now)).toEqual({ value: 2, estate: null });
    expect(await at(lx, sh("2029-12-31T12:00:00"))).toEqual({ value: 2, estate: null });
    expect((await setPolicy(frontdesk, { key: "SLA-2.duration", value: 1, unit: "WORKING_HOURS" })).errors?.[0]?.extensions?.code).toBe(
      "FORBIDDEN",
    );
  });
});
