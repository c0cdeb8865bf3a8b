import { beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "@tingjian/server";
import { useTestDatabase } from "@tingjian/prisma/testing";
import { gql, globalId, rowId, signIn, type Caller } from "./graphql.ts";

/**
 * CB-3, CB-4: callback samples drawn reproducibly from a stored seed, each member with its reason
 * and one planned callback; CB-5: the share of phone callbacks among all visits, exact on a
 * hand-made month.
 */
const sh = (local: string) => new Date(`${local}+08:00`);
const Q3 = { periodStart: sh("2026-07-01T00:00:00").toISOString(), periodEnd: sh("2026-10-01T00:00:00").toISOString() };

interface Sample {
  id: string;
  kind: string;
  rate: number;
  populationSize: number;
  sampleSize: number;
  seed: string;
  dueAt: string | null;
  population: string;
  communityEventId: string | null;
  estate: { code: string } | null;
  members: {
    totalCount: number;
    edges: {
      node: {
        id: string;
        reason: string;
        why: string;
        household: { id: string } | null;
        customer: { id: string } | null;
        complaint: { id: string } | null;
      };
    }[];
  };
}
interface Payload {
  __typename: string;
  message?: string;
  field?: string;
  data?: Sample;
}

const SAMPLE = `id kind rate populationSize sampleSize seed dueAt population communityEventId estate { code }
  members(first: 500) { totalCount edges { node { id reason why household { id } customer { id } complaint { id } } } }`;

describe("callback samples (CB-3, CB-4) and phone share (CB-5)", () => {
  const t = useTestDatabase("demo");
  let app: App;
  let now = sh("2026-11-21T10:00:00");
  const callers = new Map<string, Caller>();
  const q = (sql: string, params: unknown[] = []) => t.db.pool.query(sql, params).then((r) => r.rows);
  const as = async (login: string) => {
    let c = callers.get(login);
    if (!c) callers.set(login, (c = await signIn(app, login)));
    return c;
  };
  const ids: Record<string, string> = {};

  async function draw(input: Record<string, unknown>, login: string) {
    const r = await gql<{ drawCallbackSample: Payload }>(
      app,
      `mutation($input: DrawCallbackSampleInput!) { drawCallbackSample(input: $input) {
      __typename ... on Error { message } ... on InputError { field } ... on MutationDrawCallbackSampleSuccess { data { ${SAMPLE} } } } }`,
      { input },
      await as(login),
    );
    return r;
  }
  async function drawn(input: Record<string, unknown>, login: string): Promise<Sample> {
    const r = await draw(input, login);
    if (!r.data?.drawCallbackSample.data) throw new Error(JSON.stringify(r));
    return r.data.drawCallbackSample.data;
  }
  const verify = async (id: string, login = "service1") =>
    (
      await gql<{
        verifyCallbackSample: {
          identical: boolean;
          populationSize: number;
          storedPopulationSize: number;
          sampleSize: number;
          storedSampleSize: number;
          missing: number;
          unexpected: number;
        } | null;
      }>(
        app,
        `query($id: ID!) { verifyCallbackSample(id: $id) { identical populationSize storedPopulationSize sampleSize storedSampleSize missing unexpected } }`,
        { id },
        await as(login),
      )
    ).data!.verifyCallbackSample;
  const counts = async () =>
    (
      await q(
        `SELECT (SELECT count(*)::int FROM callback_samples) AS samples, (SELECT count(*)::int FROM callback_sample_members) AS members, (SELECT count(*)::int FROM callbacks) AS callbacks`,
      )
    )[0];

  beforeAll(async () => {
    app = createApp({ prisma: t.prisma, clock: () => now });
    for (const code of ["LX", "JH", "KC", "CH"]) [{ id: ids[code] }] = await q(`SELECT id FROM estates WHERE code = $1`, [code]);
    [{ id: ids.org }] = await q(`SELECT id FROM organizations LIMIT 1`);
    [{ id: ids.assistantLx }] = await q(`SELECT id FROM staff WHERE login = 'assistant.lx'`);
    [{ id: ids.assistantJh }] = await q(`SELECT id FROM staff WHERE login = 'assistant.jh'`);
  });

  it("CB-3: a quarter's periodic sample holds ≥ 35% of that quarter's distinct complainants, excludes exempt ones, and is identical when drawn again from the stored seed", async () => {
    // CB-8: a complainant whose only complaint of the quarter asked for a written reply only is exempt.
    const [exempt] = await q(
      `SELECT complainant_id AS id FROM complaints WHERE estate_id = $1 AND valid AND duplicate_of_id IS NULL AND NOT callback_exempt AND complainant_id IS NOT NULL
        AND received_at >= $2 AND received_at < $3 GROUP BY complainant_id HAVING count(*) = 1 ORDER BY complainant_id LIMIT 1`,
      [ids.LX, Q3.periodStart, Q3.periodEnd],
    );
    await q(
      `UPDATE complaints SET callback_exempt = true, exempt_reason = 'WRITTEN_REPLY_ONLY' WHERE complainant_id = $1 AND received_at >= $2 AND received_at < $3`,
      [exempt.id, Q3.periodStart, Q3.periodEnd],
    );
    const anonymous = await q(`SELECT id FROM complaints WHERE estate_id = $1 AND anonymous AND received_at >= $2 AND received_at < $3`, [
      ids.LX,
      Q3.periodStart,
      Q3.periodEnd,
    ]);
    // The quarter's complainants as this test states CB-3: the customer, else the household, else the complaint.
    const [{ n: complainants }] = await q(
      `SELECT count(DISTINCT coalesce(complainant_id, household_id, id))::int AS n FROM complaints
      WHERE estate_id = $1 AND valid AND duplicate_of_id IS NULL AND NOT anonymous AND NOT callback_exempt AND received_at >= $2 AND received_at < $3`,
      [ids.LX, Q3.periodStart, Q3.periodEnd],
    );
    expect(complainants).toBeGreaterThan(10);

    // The office director of 丽轩花园: the only estate in scope is the sample's.
    const s = await drawn({ kind: "QUARTERLY_PERIODIC", ...Q3 }, "director.lx");
    expect(s).toMatchObject({ kind: "QUARTERLY_PERIODIC", rate: 0.35, populationSize: complainants, estate: { code: "LX" }, dueAt: null });
    expect(s.sampleSize).toBeGreaterThanOrEqual(0.35 * complainants);
    expect(s.sampleSize).toBe(Math.ceil(0.35 * complainants));
    expect(s.members.totalCount).toBe(s.sampleSize);
    const members = s.members.edges.map((e) => e.node);
    expect(new Set(members.map((m) => m.reason))).toEqual(new Set(["RANDOM"]));
    expect(members[0]!.why).toMatch(/at random.*35%/);
    // Distinct complainants, none of them exempt (CB-8).
    const keys = members.map((m) => m.customer?.id ?? m.household?.id ?? m.complaint!.id);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).not.toContain(globalId("Customer", exempt.id));
    const memberComplaints = await q(
      `SELECT c.callback_exempt, c.anonymous, c.id FROM callback_sample_members m JOIN complaints c ON c.id = m.complaint_id WHERE m.sample_id = $1`,
      [rowId(s.id)],
    );
    expect(memberComplaints.filter((c) => c.callback_exempt || c.anonymous)).toEqual([]);
    for (const a of anonymous) expect(memberComplaints.map((c) => c.id)).not.toContain(a.id);
    // One planned PERIODIC callback per member, numbered, for the estate's property assistant (CB-2).
    const callbacks = await q(
      `SELECT c.kind, c.status, c.no, c.assigned_to_id, c.estate_id FROM callbacks c JOIN callback_sample_members m ON m.id = c.sample_member_id WHERE m.sample_id = $1`,
      [rowId(s.id)],
    );
    expect(callbacks).toHaveLength(s.sampleSize);
    for (const c of callbacks)
      expect(c).toMatchObject({
        kind: "PERIODIC",
        status: "PLANNED",
        assigned_to_id: ids.assistantLx,
        estate_id: ids.LX,
        no: expect.stringMatching(/^HF\d{9}$/),
      });

    // Drawn again from the stored seed and population: the same members.
    expect(await verify(s.id)).toEqual({
      identical: true,
      populationSize: complainants,
      storedPopulationSize: complainants,
      sampleSize: s.sampleSize,
      storedSampleSize: s.sampleSize,
      missing: 0,
      unexpected: 0,
    });
    // A member taken out of the stored sample is found by the check.
    const [gone] = await q(
      `SELECT id, organization_id, sample_id, complaint_id, household_id, customer_id, reason FROM callback_sample_members WHERE sample_id = $1 ORDER BY id LIMIT 1`,
      [rowId(s.id)],
    );
    await q(`UPDATE callbacks SET sample_member_id = NULL WHERE sample_member_id = $1`, [gone.id]);
    await q(`DELETE FROM callback_sample_members WHERE id = $1`, [gone.id]);
    expect(await verify(s.id)).toMatchObject({ identical: false, missing: 0, unexpected: 1 });
    await q(
      `INSERT INTO callback_sample_members (id, organization_id, sample_id, complaint_id, household_id, customer_id, reason) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [gone.id, gone.organization_id, gone.sample_id, gone.complaint_id, gone.household_id, gone.customer_id, gone.reason],
    );
    expect((await verify(s.id))!.identical).toBe(true);
    // Another estate's staff do not find the sample.
    expect(await verify(s.id, "frontdesk.jh")).toBeNull();
  });

  it("CB-3: the same seed over the same population draws the same members; an overlapping second sample, bad input and the wrong role change nothing", async () => {
    const before = await counts();
    const input = { kind: "QUARTERLY_PERIODIC", estateId: globalId("Estate", ids.JH!), ...Q3, seed: "fixed-seed-cb3" };
    const failures: [Record<string, unknown>, string, string][] = [
      [{ ...input, rate: 1.5 }, "service1", "input.rate"],
      [{ ...input, rate: 0 }, "service1", "input.rate"],
      [{ ...input, periodEnd: Q3.periodStart }, "service1", "input.periodEnd"],
      [{ ...input, periodEnd: sh("2027-12-31T00:00:00").toISOString() }, "service1", "input.periodEnd"],
      [{ ...input, estateId: globalId("Estate", ids.JH!) }, "director.lx", "input.estateId"],
      [{ ...input, communityEventId: globalId("CommunityEvent", ids.JH!) }, "service1", "input.communityEventId"],
      [{ ...input, kind: "EVENT" }, "service1", "input.communityEventId"],
      [{ ...input, kind: "HOLIDAY" }, "service1", "input.rate"],
      [{ ...input, dueAt: Q3.periodStart }, "service1", "input.dueAt"],
      [{ ...input, assignedToId: globalId("Staff", ids.assistantLx!) }, "service1", "input.assignedToId"],
    ];
    for (const [bad, login, field] of failures) {
      expect((await draw(bad, login)).data!.drawCallbackSample, JSON.stringify(bad)).toMatchObject({ __typename: "InputError", field });
    }
    // Without the write permission: FORBIDDEN, and nothing drawn.
    const denied = await draw(input, "analyst");
    expect(denied.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(await counts()).toEqual(before);

    const a = await drawn(input, "service1");
    expect(a).toMatchObject({ seed: "fixed-seed-cb3", estate: { code: "JH" } });
    // CB-2: the commercial estate's property assistant calls back.
    expect(
      await q(
        `SELECT DISTINCT c.assigned_to_id FROM callbacks c JOIN callback_sample_members m ON m.id = c.sample_member_id WHERE m.sample_id = $1`,
        [rowId(a.id)],
      ),
    ).toEqual([{ assigned_to_id: ids.assistantJh }]);
    const again = await draw(input, "service1");
    expect(again.data!.drawCallbackSample).toMatchObject({ __typename: "InputError", field: "input.periodStart" });
    // The same seed in a fresh draw (the first one removed) gives the same members.
    const first = a.members.edges.map((e) => e.node.customer?.id ?? e.node.household?.id ?? e.node.complaint?.id).sort();
    await q(`DELETE FROM callbacks WHERE sample_member_id IN (SELECT id FROM callback_sample_members WHERE sample_id = $1)`, [rowId(a.id)]);
    await q(`DELETE FROM callback_samples WHERE id = $1`, [rowId(a.id)]);
    const b = await drawn(input, "service1");
    expect(b.members.edges.map((e) => e.node.customer?.id ?? e.node.household?.id ?? e.node.complaint?.id).sort()).toEqual(first);
  });

  it("CB-4: every repair resolved in the period without a callback of its own gets a REPAIR callback due 7 days after its resolution (SLA-11)", async () => {
    // Confirmed repairs already have their callback (CB-1); the sample reaches those that have none
    // (here: three whose callbacks were cancelled).
    await q(
      `UPDATE callbacks SET status = 'CANCELLED' WHERE complaint_id IN (SELECT id FROM complaints WHERE estate_id = $1 AND kind = 'ENGINEERING' AND valid AND duplicate_of_id IS NULL
      AND NOT callback_exempt AND NOT anonymous AND resolved_at >= $2 AND resolved_at < $3 ORDER BY id LIMIT 3)`,
      [ids.KC, Q3.periodStart, Q3.periodEnd],
    );
    const expected = await q(
      `SELECT id, resolved_at FROM complaints k WHERE estate_id = $1 AND kind = 'ENGINEERING' AND valid AND duplicate_of_id IS NULL AND NOT callback_exempt AND NOT anonymous
      AND resolved_at >= $2 AND resolved_at < $3 AND NOT EXISTS (SELECT 1 FROM callbacks c WHERE c.complaint_id = k.id AND c.status <> 'CANCELLED') ORDER BY id`,
      [ids.KC, Q3.periodStart, Q3.periodEnd],
    );
    expect(expected.length).toBeGreaterThan(0);
    const s = await drawn({ kind: "REPAIR", estateId: globalId("Estate", ids.KC!), ...Q3 }, "service1");
    expect(s).toMatchObject({ rate: 1, populationSize: expected.length, sampleSize: expected.length });
    expect(s.members.edges[0]!.node.why).toMatch(/Every one of the/);
    const planned = await q(
      `SELECT c.complaint_id AS id, c.kind, c.due_at, k.resolved_at FROM callbacks c JOIN callback_sample_members m ON m.id = c.sample_member_id
      JOIN complaints k ON k.id = c.complaint_id WHERE m.sample_id = $1 ORDER BY c.complaint_id`,
      [rowId(s.id)],
    );
    expect(planned.map((p) => p.id)).toEqual(expected.map((e) => e.id));
    for (const p of planned) {
      expect(p.kind).toBe("REPAIR");
      expect(p.due_at.getTime() - p.resolved_at.getTime()).toBe(7 * 86_400_000);
    }
    expect((await verify(s.id))!.identical).toBe(true);
  });

  it("CB-4: a community event's callbacks reach 10% of the estate's resident households within a month", async () => {
    const [event] = await q(
      `INSERT INTO community_events (organization_id, estate_id, name, held_on, participant_count, updated_at) VALUES ($1, $2, '中秋游园会', '2026-09-25', 80, now()) RETURNING id`,
      [ids.org, ids.JH],
    );
    const [{ n: resident }] = await q(`SELECT count(*)::int AS n FROM households WHERE estate_id = $1 AND occupied`, [ids.JH]);
    const eventId = globalId("CommunityEvent", event.id);
    // Another estate named with the event: refused.
    expect(
      (
        await draw(
          {
            kind: "EVENT",
            communityEventId: eventId,
            estateId: globalId("Estate", ids.LX!),
            periodStart: sh("2026-09-25T00:00:00").toISOString(),
            periodEnd: sh("2026-09-26T00:00:00").toISOString(),
          },
          "service1",
        )
      ).data!.drawCallbackSample,
    ).toMatchObject({ __typename: "InputError", field: "input.estateId" });
    const s = await drawn(
      {
        kind: "EVENT",
        communityEventId: eventId,
        periodStart: sh("2026-09-25T00:00:00").toISOString(),
        periodEnd: sh("2026-09-26T00:00:00").toISOString(),
      },
      "service1",
    );
    expect(s).toMatchObject({
      rate: 0.1,
      populationSize: resident,
      sampleSize: Math.ceil(resident / 10),
      communityEventId: eventId,
      estate: { code: "JH" },
    });
    expect(s.population).toMatch(/resident households/);
    expect(s.members.edges.every((e) => e.node.household && e.node.reason === "RANDOM")).toBe(true);
    const planned = await q(
      `SELECT DISTINCT c.kind, c.due_at, c.community_event_id FROM callbacks c JOIN callback_sample_members m ON m.id = c.sample_member_id WHERE m.sample_id = $1`,
      [rowId(s.id)],
    );
    expect(planned).toEqual([{ kind: "EVENT", due_at: new Date("2026-10-25T00:00:00Z"), community_event_id: event.id }]);
    const list = await gql<{ callbackSamples: { totalCount: number; edges: { node: { id: string } }[] } }>(
      app,
      `query($e: ID!) { callbackSamples(first: 10, filter: { kind: [EVENT], estateId: $e }) { totalCount edges { node { id } } } }`,
      { e: globalId("Estate", ids.JH!) },
      await as("service1"),
    );
    expect(list.data!.callbackSamples).toEqual({ totalCount: 1, edges: [{ node: { id: s.id } }] });
  });

  it("CB-5, §11: phone callbacks ÷ every callback made in the period, reached or not (issue 16 item 3: visits are not in the denominator), exact on a hand-made month", async () => {
    // March 2027 has no demo data: only what this test writes.
    const from = sh("2027-03-01T00:00:00"),
      to = sh("2027-04-01T00:00:00");
    const [{ id: kcOffice }] = await q(`SELECT id FROM offices WHERE estate_id = $1`, [ids.KC]);
    const [{ id: chOffice }] = await q(`SELECT id FROM offices WHERE estate_id = $1`, [ids.CH]);
    const [{ id: kcHousehold }] = await q(`SELECT id FROM households WHERE estate_id = $1 ORDER BY code LIMIT 1`, [ids.KC]);
    let n = 0;
    const callback = (estate: string, method: string, status: string, at: string) =>
      q(
        `INSERT INTO callbacks (organization_id, no, kind, method, status, estate_id, called_at, updated_at) VALUES ($1, $2, 'PERIODIC', $3, $4, $5, $6, now())`,
        [ids.org, `T-CB5-${++n}`, method, status, estate, sh(at)],
      );
    const visit = (estate: string, office: string, household: string | null, at: string) =>
      q(
        `INSERT INTO visit_records (organization_id, office_id, estate_id, household_id, area, kind, visited_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, now())`,
        [ids.org, office, estate, household, household ? null : "地下车库", household ? "ROUTINE" : "AREA", sh(at)],
      );
    // 科创园: 3 phone callbacks done, 2 in person, 1 by letter; 1 phone call not reached (made: it counts)
    // and 1 done the day before the month (not counted); 3 household visits and 1 area visit (not a household).
    for (const at of ["2027-03-03T10:00:00", "2027-03-10T10:00:00", "2027-03-31T23:59:59"]) await callback(ids.KC!, "PHONE", "DONE", at);
    await callback(ids.KC!, "IN_PERSON", "DONE", "2027-03-05T10:00:00");
    await callback(ids.KC!, "APPOINTMENT", "DONE", "2027-03-06T10:00:00");
    await callback(ids.KC!, "LETTER", "DONE", "2027-03-07T10:00:00");
    await callback(ids.KC!, "PHONE", "NOT_REACHED", "2027-03-08T10:00:00");
    await callback(ids.KC!, "PHONE", "DONE", "2027-02-28T23:59:59");
    for (const d of ["02", "09", "16"]) await visit(ids.KC!, kcOffice, kcHousehold, `2027-03-${d}T10:00:00`);
    await visit(ids.KC!, kcOffice, null, "2027-03-17T10:00:00");
    // 翠湖山庄: 2 phone, 1 in person, no visits — over the limit.
    await callback(ids.CH!, "PHONE", "DONE", "2027-03-03T10:00:00");
    await callback(ids.CH!, "PHONE", "DONE", "2027-03-04T10:00:00");
    await callback(ids.CH!, "IN_PERSON", "DONE", "2027-03-05T10:00:00");

    const share = async (login: string, estate?: string, range = { from, to }) =>
      gql<{ callbackMethodShare: Record<string, unknown> }>(
        app,
        `query($from: DateTime!, $to: DateTime!, $e: ID) { callbackMethodShare(from: $from, to: $to, estateId: $e) { numerator denominator rate callbacksDone visitsDone shareOfCallbacks max withinLimit } }`,
        { from: range.from.toISOString(), to: range.to.toISOString(), e: estate ? globalId("Estate", estate) : null },
        await as(login),
      );
    // 4 of 7 callbacks made by phone: over the 50% limit (the old reading, 3 ÷ (6 done + 3 visits), said within).
    expect((await share("analyst", ids.KC)).data!.callbackMethodShare).toEqual({
      numerator: 4,
      denominator: 7,
      rate: 4 / 7,
      callbacksDone: 7,
      visitsDone: 3,
      shareOfCallbacks: 4 / 7,
      max: 0.5,
      withinLimit: false,
    });
    expect((await share("analyst", ids.CH)).data!.callbackMethodShare).toEqual({
      numerator: 2,
      denominator: 3,
      rate: 2 / 3,
      callbacksDone: 3,
      visitsDone: 0,
      shareOfCallbacks: 2 / 3,
      max: 0.5,
      withinLimit: false,
    });
    // Every estate of the organisation: the sums.
    expect((await share("analyst")).data!.callbackMethodShare).toMatchObject({
      numerator: 6,
      denominator: 10,
      callbacksDone: 10,
      visitsDone: 3,
    });
    // A period without anything done has no rate.
    expect(
      (await share("analyst", ids.KC, { from: sh("2027-05-01T00:00:00"), to: sh("2027-06-01T00:00:00") })).data!.callbackMethodShare,
    ).toMatchObject({ numerator: 0, denominator: 0, rate: null, withinLimit: true });
    // The office director sees only the own estate's figure; another estate is refused by name.
    expect((await share("director.ch")).data!.callbackMethodShare).toMatchObject({ numerator: 2, denominator: 3 });
    const other = await share("director.ch", ids.KC);
    expect(other.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "estateId" });
    const backwards = await share("analyst", ids.KC, { from: to, to: from });
    expect(backwards.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "to" });
    // The report needs reports:read.
    expect((await share("frontdesk.kc")).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});
