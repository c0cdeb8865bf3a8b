import { beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "@tingjian/server";
import { useTestDatabase } from "@tingjian/prisma/testing";
import { gql, globalId, rowId, signIn, type Caller } from "./graphql.ts";

/**
 * VIS-1: monthly visit plans (resident households snapshot, target from the policy in force),
 * visit records with their coverage counted in SQL, content protected as case content; VIS-2: the
 * office director's month-end review and signature, refused while unresolved visits lack a
 * nonconformity report; nonconformity reports with owners, deadlines and overdue. SEC-6: a stored
 * visit is amended (optimistic version, a reason) and keeps its previous values in its history.
 */
const sh = (local: string) => new Date(`${local}+08:00`);

const PLAN = `id month residentHouseholds targetVisits status version directorSigned reviewedAt reviewNote reviewedBy { login } office { code } estate { code }
  progress { visits householdsVisited targetMet unresolvedWithoutReport coverage { numerator denominator rate } }
  records(first: 50) { totalCount edges { node { id kind area content feedback resolved household { code } visitor { login } } } }
  nonconformities { id status overdue owner { login } }`;

interface Plan {
  id: string;
  month: string;
  residentHouseholds: number;
  targetVisits: number;
  status: string;
  version: number;
  directorSigned: boolean;
  reviewedAt: string | null;
  reviewNote: string | null;
  reviewedBy: { login: string } | null;
  office: { code: string };
  estate: { code: string };
  progress: {
    visits: number;
    householdsVisited: number;
    targetMet: boolean;
    unresolvedWithoutReport: number;
    coverage: { numerator: number; denominator: number; rate: number | null };
  };
  records: {
    totalCount: number;
    edges: {
      node: {
        id: string;
        kind: string;
        area: string | null;
        content: string | null;
        feedback: string | null;
        resolved: boolean | null;
        household: { code: string } | null;
        visitor: { login: string } | null;
      };
    }[];
  };
  nonconformities: { id: string; status: string; overdue: boolean; owner: { login: string } | null }[];
}
interface Payload {
  __typename: string;
  message?: string;
  field?: string;
  currentVersion?: number;
  current?: Record<string, unknown>;
  reviewableFrom?: string;
  records?: { id: string }[];
  data?: Record<string, unknown>;
}

describe("household visits (VIS-1, VIS-2)", () => {
  const t = useTestDatabase("demo");
  let app: App;
  let now = sh("2026-11-21T10:00:00");
  const callers = new Map<string, Caller>();
  const q = (sql: string, params: unknown[] = []) => t.db.pool.query(sql, params).then((r) => r.rows);
  const at = (instant: Date) => {
    now = instant;
    callers.clear();
  };
  const as = async (login: string) => {
    let c = callers.get(login);
    if (!c) callers.set(login, (c = await signIn(app, login)));
    return c;
  };
  const ids: Record<string, string> = {};
  const households: string[] = [];

  async function mutate(
    name: string,
    input: Record<string, unknown>,
    login: string,
    data = "id version",
  ): Promise<{ payload?: Payload; code?: string }> {
    const cap = `${name[0]!.toUpperCase()}${name.slice(1)}`;
    // Only the typed errors the mutation declares may be spread (GraphQL validation).
    const extra =
      (
        {
          reviewVisitPlan:
            "... on VisitPlanConflictError { currentVersion } ... on VisitReviewNotDueError { reviewableFrom } ... on UnresolvedVisitsError { records { id } }",
          closeNonconformity: "... on NonconformityConflictError { currentVersion }",
          amendVisitRecord: "... on VisitRecordConflictError { currentVersion current { id version content } }",
        } as Record<string, string>
      )[name] ?? "";
    const r = await gql<Record<string, Payload>>(
      app,
      `mutation($input: ${cap}Input!) { ${name}(input: $input) {
      __typename ... on Error { message } ... on InputError { field } ${extra}
      ... on Mutation${cap}Success { data { ${data} } } } }`,
      { input },
      await as(login),
    );
    if (r.errors && !r.errors[0]?.extensions?.code?.startsWith("FORBIDDEN")) throw new Error(JSON.stringify(r.errors));
    return { payload: r.data?.[name], code: r.errors?.[0]?.extensions?.code };
  }
  async function ok(name: string, input: Record<string, unknown>, login: string, data = "id version"): Promise<Record<string, unknown>> {
    const r = await mutate(name, input, login, data);
    if (!r.payload?.data) throw new Error(`${name} failed: ${JSON.stringify(r)}`);
    return r.payload.data;
  }
  const plan = async (id: string, login = "director.lx") =>
    (await gql<{ node: Plan }>(app, `query($id: ID!) { node(id: $id) { ... on VisitPlan { ${PLAN} } } }`, { id }, await as(login))).data!
      .node;
  const rows = async (table: string) => (await q(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;

  beforeAll(async () => {
    app = createApp({ prisma: t.prisma, clock: () => now });
    for (const code of ["LX", "JH", "KC"]) {
      [{ id: ids[code] }] = await q(`SELECT id FROM estates WHERE code = $1`, [code]);
      [{ id: ids[`${code}office`] }] = await q(`SELECT id FROM offices WHERE estate_id = $1`, [ids[code]]);
    }
    for (const login of ["assistant.lx", "assistant2.lx", "assistant.jh", "director.lx"])
      [{ id: ids[login] }] = await q(`SELECT id FROM staff WHERE login = $1`, [login]);
    households.push(
      ...(await q(`SELECT id FROM households WHERE estate_id = $1 AND occupied ORDER BY code LIMIT 3`, [ids.LX])).map((h) => h.id),
    );
    [{ id: ids.jhHousehold }] = await q(`SELECT id FROM households WHERE estate_id = $1 ORDER BY code LIMIT 1`, [ids.JH]);
  });

  it("VIS-1: a month's plan snapshots the resident households and targets ceil(10% × resident); a second plan, another estate's office and the wrong role are refused", async () => {
    const [{ n: resident }] = await q(`SELECT count(*)::int AS n FROM households WHERE estate_id = $1 AND occupied`, [ids.LX]);
    const before = await rows("visit_plans");
    expect((await mutate("createVisitPlan", { officeId: globalId("Office", ids.LXoffice!), month: "2026-12-01" }, "analyst")).code).toBe(
      "FORBIDDEN",
    );
    expect(
      (await mutate("createVisitPlan", { officeId: globalId("Office", ids.LXoffice!), month: "2026-12-01" }, "frontdesk.jh")).payload,
    ).toMatchObject({ __typename: "InputError", field: "input.officeId" });
    expect(await rows("visit_plans")).toBe(before);
    // Any day of the month names the month.
    const created = await ok("createVisitPlan", { officeId: globalId("Office", ids.LXoffice!), month: "2026-12-15" }, "assistant.lx");
    ids.plan = created.id as string;
    const p = await plan(ids.plan);
    expect(p).toMatchObject({
      month: "2026-12-01",
      residentHouseholds: resident,
      targetVisits: Math.ceil(resident * 0.1),
      status: "ACTIVE",
      office: { code: "LX-OFFICE" },
      estate: { code: "LX" },
    });
    expect(p.progress).toEqual({
      visits: 0,
      householdsVisited: 0,
      targetMet: false,
      unresolvedWithoutReport: 0,
      coverage: { numerator: 0, denominator: resident, rate: 0 },
    });
    expect(
      (await mutate("createVisitPlan", { officeId: globalId("Office", ids.LXoffice!), month: "2026-12-31" }, "assistant.lx")).payload,
    ).toMatchObject({ __typename: "InputError", field: "input.month" });
    expect(await rows("visit_plans")).toBe(before + 1);
  });

  it("VIS-1: commercial tenants 100% a year is a per-estate override of the monthly rate", async () => {
    // 001 §1: 100% of commercial tenants a year ≈ 8.34% of them a month, set for 金汇广场 from December.
    const set = await gql<{ setPolicyValue: { __typename: string } }>(
      app,
      `mutation($input: SetPolicyValueInput!) { setPolicyValue(input: $input) { __typename ... on MutationSetPolicyValueSuccess { data { key } } } }`,
      {
        input: {
          key: "VIS-1.monthlyVisitRate",
          estateId: globalId("Estate", ids.JH!),
          value: 8.34,
          unit: "PERCENT",
          effectiveFrom: sh("2026-12-01T00:00:00").toISOString(),
        },
      },
      await as("manager"),
    );
    expect(set.data?.setPolicyValue.__typename, JSON.stringify(set)).toBe("MutationSetPolicyValueSuccess");
    const [{ n: resident }] = await q(`SELECT count(*)::int AS n FROM households WHERE estate_id = $1 AND occupied`, [ids.JH]);
    const created = await ok(
      "createVisitPlan",
      { officeId: globalId("Office", ids.JHoffice!), month: "2026-12-01" },
      "assistant.jh",
      "id targetVisits residentHouseholds",
    );
    expect(created).toMatchObject({ residentHouseholds: resident, targetVisits: Math.ceil(resident * 0.0834) });
    ids.jhPlan = created.id as string;
  });

  it("VIS-1: visits are recorded in the month's plan; coverage = distinct households visited ÷ resident households; bad input changes nothing", async () => {
    at(sh("2026-12-10T15:00:00"));
    const visit = (extra: Record<string, unknown>, login = "assistant.lx") =>
      mutate(
        "recordVisit",
        {
          officeId: globalId("Office", ids.LXoffice!),
          householdId: globalId("Household", households[0]!),
          visitedAt: sh("2026-12-10T10:00:00").toISOString(),
          content: "走访了解居住情况",
          feedback: "反映电梯噪音",
          satisfied: true,
          resolved: true,
          signed: true,
          ...extra,
        },
        login,
      );
    const before = await rows("visit_records");
    const bad: [Record<string, unknown>, string][] = [
      [{ visitedAt: sh("2026-12-10T16:00:00").toISOString() }, "input.visitedAt"],
      [{ planId: ids.plan, officeId: undefined, visitedAt: sh("2026-11-30T10:00:00").toISOString() }, "input.visitedAt"],
      [{ planId: ids.plan }, "input.officeId"],
      [{ householdId: globalId("Household", ids.jhHousehold!) }, "input.householdId"],
      [{ area: "3栋大堂" }, "input.area"],
      [{ householdId: null }, "input.householdId"],
      [{ kind: "AREA" }, "input.kind"],
      [{ householdId: null, area: "3栋大堂" }, "input.kind"],
      [{ content: "  " }, "input.content"],
    ];
    for (const [extra, field] of bad)
      expect((await visit(extra)).payload, JSON.stringify(extra)).toMatchObject({ __typename: "InputError", field });
    // Another estate's office is not the caller's; an office without a plan of the visit's month has none to take it.
    expect((await visit({ officeId: globalId("Office", ids.JHoffice!) }, "assistant.lx")).payload).toMatchObject({
      __typename: "InputError",
      field: "input.officeId",
    });
    expect((await visit({ officeId: globalId("Office", ids.KCoffice!) }, "manager")).payload).toMatchObject({
      __typename: "InputError",
      field: "input.officeId",
      message: expect.stringMatching(/no visit plan for 2026-12/),
    });
    expect((await visit({ officeId: undefined, planId: ids.plan }, "frontdesk.jh")).payload).toMatchObject({
      __typename: "InputError",
      field: "input.planId",
    });
    // Issue 16: every bad field at once, in one InputError, before anything is written.
    const many = await gql<{ recordVisit: { __typename: string; problems?: { field: string; code: string }[] } }>(
      app,
      `mutation($input: RecordVisitInput!) { recordVisit(input: $input) { __typename ... on InputError { problems { field code } } } }`,
      {
        input: {
          officeId: globalId("Office", ids.LXoffice!),
          householdId: globalId("Household", households[0]!),
          visitedAt: sh("2026-12-10T16:00:00").toISOString(),
          content: " ",
          feedback: "长".repeat(5001),
        },
      },
      await as("assistant.lx"),
    );
    expect(many.data!.recordVisit).toEqual({
      __typename: "InputError",
      problems: [
        { field: "input.visitedAt", code: "VISIT_IN_FUTURE" },
        { field: "input.content", code: "REQUIRED" },
        { field: "input.feedback", code: "VISIT_TEXT_TOO_LONG" },
      ],
    });
    expect((await visit({}, "analyst")).code).toBe("FORBIDDEN");
    expect(await rows("visit_records")).toBe(before);

    // Three households, one of them twice, an area visit, and one item left unresolved.
    await ok(
      "recordVisit",
      {
        officeId: globalId("Office", ids.LXoffice!),
        householdId: globalId("Household", households[0]!),
        visitedAt: sh("2026-12-01T09:00:00").toISOString(),
        content: "走访A",
        feedback: "无意见",
        resolved: true,
      },
      "assistant.lx",
    );
    await ok(
      "recordVisit",
      {
        planId: ids.plan,
        householdId: globalId("Household", households[0]!),
        visitedAt: sh("2026-12-08T09:00:00").toISOString(),
        content: "回访A",
        resolved: true,
      },
      "assistant.lx",
    );
    await ok(
      "recordVisit",
      {
        planId: ids.plan,
        householdId: globalId("Household", households[1]!),
        visitedAt: sh("2026-12-09T09:00:00").toISOString(),
        content: "走访B",
        feedback: "楼道照明不足",
        resolved: false,
        satisfied: false,
      },
      "assistant2.lx",
    );
    ids.unresolved = (
      await ok(
        "recordVisit",
        {
          planId: ids.plan,
          householdId: globalId("Household", households[2]!),
          visitedAt: sh("2026-12-09T10:00:00").toISOString(),
          content: "走访C",
          feedback: "绿化修剪不及时",
          resolved: false,
        },
        "assistant.lx",
      )
    ).id as string;
    await ok(
      "recordVisit",
      { planId: ids.plan, area: "地下车库", kind: "AREA", visitedAt: sh("2026-12-10T09:00:00").toISOString(), content: "区域巡查" },
      "assistant.lx",
    );
    const p = await plan(ids.plan!);
    expect(p.progress).toEqual({
      visits: 5,
      householdsVisited: 3,
      targetMet: false,
      unresolvedWithoutReport: 2,
      coverage: { numerator: 3, denominator: p.residentHouseholds, rate: 3 / p.residentHouseholds },
    });
    expect(p.records.totalCount).toBe(5);
    expect(p.records.edges.map((e) => e.node.household?.code ?? e.node.area)).toHaveLength(5);
    // The list computes the same progress (one query for the page).
    const list = await gql<{ visitPlans: { totalCount: number; edges: { node: { id: string; progress: Plan["progress"] } }[] } }>(
      app,
      `query($e: ID!) { visitPlans(first: 5, filter: { estateId: $e, monthFrom: "2026-11-01", monthTo: "2026-12-01" }) { totalCount edges { node { id month progress { visits householdsVisited targetMet unresolvedWithoutReport coverage { numerator denominator rate } } } } } }`,
      { e: globalId("Estate", ids.LX!) },
      await as("director.lx"),
    );
    expect(list.data!.visitPlans.totalCount).toBe(2);
    expect(list.data!.visitPlans.edges[0]).toEqual({ node: { id: ids.plan, month: "2026-12-01", progress: p.progress } });
    expect(list.data!.visitPlans.edges[1]!.node.progress.visits).toBeGreaterThan(0);
  });

  it("VIS-1: a visit's content and feedback are case content: raw for the estate's staff, masked for the analyst, invisible to other estates", async () => {
    const read = async (login: string) =>
      (
        await gql<{ node: { content: string | null; feedback: string | null } | null }>(
          app,
          `query($id: ID!) { node(id: $id) { ... on VisitRecord { content feedback } } }`,
          { id: ids.unresolved },
          await as(login),
        )
      ).data?.node;
    const logged = () =>
      q(
        `SELECT s.login, a.fields FROM access_logs a JOIN staff s ON s.id = a.staff_id WHERE a.record_type = 'VISIT_RECORD' AND a.record_id = $1 ORDER BY a.at`,
        [rowId(ids.unresolved!)],
      );
    const before = (await logged()).length;
    expect(await read("director.lx")).toEqual({ content: "走访C", feedback: "绿化修剪不及时" });
    // SEC-3: the raw read is logged: who, which record, which fields.
    expect((await logged()).slice(before)).toEqual([{ login: "director.lx", fields: ["content", "feedback"] }]);
    expect(await read("analyst")).toEqual({ content: "***", feedback: "***" });
    expect(await read("frontdesk.jh")).toBeNull();
    expect(await read("developer")).toBeNull();
  });

  it("SEC-6: the visitor or a supervisor amends a stored visit with a reason; the previous values stay in its history (who, when, why), masked as the record is", async () => {
    // now: 2026-12-10 15:00, the December plan is open.
    const recorded = await ok(
      "recordVisit",
      {
        planId: ids.plan,
        householdId: globalId("Household", households[0]!),
        visitedAt: sh("2026-12-10T11:00:00").toISOString(),
        content: "走访D：反应电梯噪音",
        feedback: "希望晚上十点后停止装修",
        satisfied: true,
        resolved: true,
      },
      "assistant.lx",
    );
    const amendedId = (ids.amended = recorded.id as string);
    const recordedVersion = recorded.version as number;
    const AMENDED =
      "id version visitedAt kind content feedback satisfied resolved signed household { code } history { reason recordVersion changedAt changedBy { login } changes { field before after } }";
    const amend = (input: Record<string, unknown>, login = "assistant.lx") =>
      mutate("amendVisitRecord", { id: amendedId, version: recordedVersion, reason: "录入笔误", ...input }, login, AMENDED);
    const [first] = await q(`SELECT version, content, feedback FROM visit_records WHERE id = $1`, [rowId(amendedId)]);
    expect(first).toEqual({ version: 0, content: "走访D：反应电梯噪音", feedback: "希望晚上十点后停止装修" });
    const revisions = () =>
      q(
        `SELECT r.fields, r.before, r.after, r.reason, r.record_version, s.login FROM record_revisions r JOIN staff s ON s.id = r.changed_by_id
      WHERE r.record_type = 'VISIT_RECORD' AND r.record_id = $1 ORDER BY r.changed_at, r.id`,
        [rowId(amendedId)],
      );
    const stored = () =>
      q(`SELECT version, content, feedback, satisfied, visited_at, household_id, customer_id FROM visit_records WHERE id = $1`, [
        rowId(amendedId),
      ]);
    const untouched = await stored();

    // SEC-6: an amendment says why.
    expect((await amend({ reason: "  ", content: "走访D：反映电梯噪音" })).payload).toMatchObject({
      __typename: "InputError",
      field: "input.reason",
    });
    // The rules of recording hold for each amended field, the refusal naming it.
    const bad: [Record<string, unknown>, string][] = [
      [{ visitedAt: sh("2026-12-10T16:00:00").toISOString() }, "input.visitedAt"],
      [{ visitedAt: sh("2026-11-30T10:00:00").toISOString() }, "input.visitedAt"],
      [{ visitedAt: null }, "input.visitedAt"],
      [{ content: "  " }, "input.content"],
      [{ content: null }, "input.content"],
      [{ content: "长".repeat(5001) }, "input.content"],
      [{ feedback: "长".repeat(5001) }, "input.feedback"],
      [{ householdId: globalId("Household", ids.jhHousehold!) }, "input.householdId"],
      [{ householdId: null }, "input.householdId"],
      [{ area: "3栋大堂" }, "input.area"],
      [{ kind: "AREA" }, "input.kind"],
      [{ householdId: null, area: "3栋大堂" }, "input.kind"],
      [{ kind: null }, "input.kind"],
      [{ signed: null }, "input.signed"],
      [{ satisfied: true, content: " 走访D：反应电梯噪音 " }, "input"],
    ];
    for (const [input, field] of bad)
      expect((await amend(input)).payload, JSON.stringify(input)).toMatchObject({ __typename: "InputError", field });
    // Who may: not another assistant or the front desk of the estate (typed refusal), not another estate's staff (not found), not the analyst (no write permission).
    expect((await amend({ content: "走访D：改" }, "assistant2.lx")).payload).toMatchObject({ __typename: "ForbiddenError" });
    expect((await amend({ content: "走访D：改" }, "frontdesk.lx")).payload).toMatchObject({ __typename: "ForbiddenError" });
    expect((await amend({ content: "走访D：改" }, "frontdesk.jh")).payload).toMatchObject({ __typename: "NotFoundError" });
    expect((await amend({ content: "走访D：改" }, "analyst")).code).toBe("FORBIDDEN");
    // A stale version: the record as it is now, nothing written.
    const stale = await amend({ version: recordedVersion + 3, content: "走访D：改" });
    expect(stale.payload).toMatchObject({
      __typename: "VisitRecordConflictError",
      currentVersion: 0,
      current: { id: ids.amended, version: 0, content: "走访D：反应电梯噪音" },
    });
    expect(await stored()).toEqual(untouched);
    expect(await revisions()).toEqual([]);

    // The visitor corrects a typo and two answers; the version moves on and the history keeps what it was.
    const fixed = await amend({ content: "走访D：反映电梯噪音", feedback: "  ", satisfied: false });
    expect(fixed.payload?.data, JSON.stringify(fixed)).toMatchObject({
      version: 1,
      content: "走访D：反映电梯噪音",
      feedback: null,
      satisfied: false,
      resolved: true,
      household: { code: expect.any(String) },
    });
    expect(fixed.payload!.data!.history as unknown[]).toEqual([
      {
        reason: "录入笔误",
        recordVersion: 1,
        changedAt: expect.any(String),
        changedBy: { login: "assistant.lx" },
        changes: [
          { field: "content", before: "走访D：反应电梯噪音", after: "走访D：反映电梯噪音" },
          { field: "feedback", before: "希望晚上十点后停止装修", after: null },
          { field: "satisfied", before: "true", after: "false" },
        ],
      },
    ]);
    // The version read before is stale now.
    expect((await amend({ content: "走访D：再改" })).payload).toMatchObject({ __typename: "VisitRecordConflictError", currentVersion: 1 });

    // The office director (a supervisor of the estate) moves it to the household and time it really was.
    const [h0, h1] = await q(`SELECT id, code FROM households WHERE id = ANY($1::uuid[]) ORDER BY code`, [households.slice(0, 2)]);
    const moved = await mutate(
      "amendVisitRecord",
      {
        id: ids.amended,
        version: 1,
        reason: "住户核对房号有误",
        householdId: globalId("Household", h1.id),
        visitedAt: sh("2026-12-10T09:30:00").toISOString(),
      },
      "director.lx",
      AMENDED,
    );
    expect(moved.payload?.data, JSON.stringify(moved)).toMatchObject({
      version: 2,
      household: { code: h1.code },
      visitedAt: sh("2026-12-10T09:30:00").toISOString(),
      content: "走访D：反映电梯噪音",
    });
    const [h1Contact] = await q(
      `SELECT customer_id FROM household_members WHERE household_id = $1 AND until IS NULL ORDER BY is_primary DESC, created_at, id LIMIT 1`,
      [h1.id],
    );
    expect((await stored())[0]).toMatchObject({ version: 2, household_id: h1.id, customer_id: h1Contact.customer_id });
    const history = moved.payload!.data!.history as {
      reason: string;
      changedBy: { login: string };
      changes: { field: string; before: string | null; after: string | null }[];
    }[];
    expect(history.map((r) => [r.reason, r.changedBy.login])).toEqual([
      ["住户核对房号有误", "director.lx"],
      ["录入笔误", "assistant.lx"],
    ]);
    expect(history[0]!.changes.map((c) => c.field)).toEqual(["visitedAt", "household", "customerId"]);
    expect(history[0]!.changes.slice(0, 2)).toEqual([
      { field: "visitedAt", before: sh("2026-12-10T11:00:00").toISOString(), after: sh("2026-12-10T09:30:00").toISOString() },
      { field: "household", before: h0.code, after: h1.code },
    ]);
    expect((await revisions()).map((r) => [r.login, r.record_version, r.reason, r.fields])).toEqual([
      ["assistant.lx", 1, "录入笔误", ["content", "feedback", "satisfied"]],
      ["director.lx", 2, "住户核对房号有误", ["visitedAt", "household", "customerId"]],
    ]);

    // SEC-7: whoever reads the record masked reads its history masked too.
    const masked = await gql<{
      node: { content: string; history: { changes: { field: string; before: string | null; after: string | null }[] }[] };
    }>(
      app,
      `query($id: ID!) { node(id: $id) { ... on VisitRecord { content history { changes { field before after } } } } }`,
      { id: ids.amended },
      await as("analyst"),
    );
    expect(masked.data!.node.content).toBe("***");
    expect(masked.data!.node.history[1]!.changes.slice(0, 2)).toEqual([
      { field: "content", before: "***", after: "***" },
      { field: "feedback", before: "***", after: null },
    ]);
    expect(JSON.stringify(masked.data)).not.toContain("电梯");
  });

  it("VIS-2: the director reviews after the month ends, only with a nonconformity report for every unresolved visit; wrong role, stale version and early review change nothing", async () => {
    const review = (input: Record<string, unknown>, login: string) =>
      mutate("reviewVisitPlan", input, login, "id version status directorSigned reviewedAt reviewNote reviewedBy { login }");
    let p = await plan(ids.plan!);
    const early = await review({ id: ids.plan, version: p.version, note: "十二月走访" }, "director.lx");
    expect(early.payload).toMatchObject({ __typename: "VisitReviewNotDueError", reviewableFrom: sh("2027-01-01T00:00:00").toISOString() });

    at(sh("2027-01-02T09:00:00"));
    expect((await review({ id: ids.plan, version: p.version }, "assistant.lx")).payload).toMatchObject({ __typename: "ForbiddenError" });
    expect((await review({ id: ids.plan, version: p.version }, "director.jh")).payload).toMatchObject({ __typename: "NotFoundError" });
    expect((await review({ id: ids.plan, version: p.version }, "analyst")).code).toBe("FORBIDDEN");
    expect((await review({ id: ids.plan, version: p.version + 7 }, "director.lx")).payload).toMatchObject({
      __typename: "VisitPlanConflictError",
      currentVersion: p.version,
    });
    const blocked = await review({ id: ids.plan, version: p.version }, "director.lx");
    expect(blocked.payload!.__typename).toBe("UnresolvedVisitsError");
    expect(blocked.payload!.records).toHaveLength(2);
    expect(blocked.payload!.records!.map((r) => r.id)).toContain(ids.unresolved);
    expect(await plan(ids.plan!)).toMatchObject({ status: "ACTIVE", version: p.version, reviewedAt: null, directorSigned: false });

    // VIS-2: a nonconformity report names an owner and a deadline in the future.
    const raise = (input: Record<string, unknown>, login = "director.lx") =>
      mutate(
        "raiseNonconformity",
        {
          description: "楼道照明不足，限期整改",
          ownerId: globalId("Staff", ids["assistant.lx"]!),
          deadlineAt: sh("2027-01-10T18:00:00").toISOString(),
          ...input,
        },
        login,
        "id version status overdue deadlineAt owner { login } visitPlan { id } visitRecord { id }",
      );
    const reports = await rows("nonconformity_reports");
    const records = p.records.edges.map((e) => e.node).filter((r) => r.resolved === false);
    const bad: [Record<string, unknown>, string][] = [
      [{ visitRecordId: records[0]!.id, deadlineAt: sh("2027-01-02T08:00:00").toISOString() }, "input.deadlineAt"],
      [{ visitRecordId: records[0]!.id, ownerId: globalId("Staff", ids["assistant.jh"]!) }, "input.ownerId"],
      [{ visitRecordId: records[0]!.id, description: "" }, "input.description"],
      [{}, "input.visitRecordId"],
      [{ visitRecordId: records[0]!.id, visitPlanId: ids.jhPlan }, "input.visitPlanId"],
    ];
    for (const [input, field] of bad)
      expect((await raise(input)).payload, JSON.stringify(input)).toMatchObject({ __typename: "InputError", field });
    expect((await raise({ visitRecordId: records[0]!.id }, "frontdesk.jh")).payload).toMatchObject({
      __typename: "InputError",
      field: "input.visitRecordId",
    });
    expect((await raise({ visitRecordId: records[0]!.id }, "analyst")).code).toBe("FORBIDDEN");
    expect(await rows("nonconformity_reports")).toBe(reports);
    const first = await ok(
      "raiseNonconformity",
      {
        visitRecordId: records[0]!.id,
        description: "楼道照明不足，限期整改",
        ownerId: globalId("Staff", ids["assistant.lx"]!),
        deadlineAt: sh("2027-01-10T18:00:00").toISOString(),
      },
      "director.lx",
      "id status overdue owner { login } visitPlan { id } visitRecord { id }",
    );
    expect(first).toMatchObject({
      status: "OPEN",
      overdue: false,
      owner: { login: "assistant.lx" },
      visitPlan: { id: ids.plan },
      visitRecord: { id: records[0]!.id },
    });
    const still = await review({ id: ids.plan, version: p.version }, "director.lx");
    expect(still.payload!.records!.map((r) => r.id)).toEqual([records[1]!.id]);
    await ok(
      "raiseNonconformity",
      {
        visitRecordId: records[1]!.id,
        description: "绿化修剪不及时",
        ownerId: globalId("Staff", ids["assistant2.lx"]!),
        deadlineAt: sh("2027-01-15T18:00:00").toISOString(),
      },
      "director.lx",
    );
    ids.report = first.id as string;

    p = await plan(ids.plan!);
    expect(p.progress.unresolvedWithoutReport).toBe(0);
    const signed = await review({ id: ids.plan, version: p.version, note: "十二月走访已查阅" }, "director.lx");
    expect(signed.payload!.data).toMatchObject({
      status: "REVIEWED",
      directorSigned: true,
      reviewNote: "十二月走访已查阅",
      reviewedBy: { login: "director.lx" },
      reviewedAt: now.toISOString(),
      version: p.version + 1,
    });
    expect((await review({ id: ids.plan, version: p.version + 1 }, "director.lx")).payload).toMatchObject({
      __typename: "InputError",
      field: "input.id",
    });
    // A signed month takes no more visits.
    expect(
      (
        await mutate(
          "recordVisit",
          {
            planId: ids.plan,
            householdId: globalId("Household", households[0]!),
            visitedAt: sh("2026-12-30T10:00:00").toISOString(),
            content: "补录",
          },
          "assistant.lx",
        )
      ).payload,
    ).toMatchObject({ __typename: "InputError", field: "input.planId" });
    // SEC-6 with VIS-2: the signed month's records are no longer amended.
    const [signedRecord] = await q(`SELECT version FROM visit_records WHERE id = $1`, [rowId(ids.amended!)]);
    expect(
      (
        await mutate(
          "amendVisitRecord",
          { id: ids.amended, version: signedRecord.version, reason: "补充", content: "走访D：补充" },
          "director.lx",
        )
      ).payload,
    ).toMatchObject({ __typename: "InputError", field: "input.id" });
    expect(await q(`SELECT version FROM visit_records WHERE id = $1`, [rowId(ids.amended!)])).toEqual([signedRecord]);
    // Company leadership may review another estate's month.
    const jh = await plan(ids.jhPlan!, "manager");
    expect((await review({ id: ids.jhPlan, version: jh.version }, "manager")).payload!.data).toMatchObject({
      status: "REVIEWED",
      reviewedBy: { login: "manager" },
    });
  });

  it("VIS-2: a report past its deadline is overdue until closed with its verification", async () => {
    const list = async (filter: Record<string, unknown>) =>
      (
        await gql<{ nonconformityReports: { totalCount: number; edges: { node: { id: string; status: string; overdue: boolean } }[] } }>(
          app,
          `query($f: NonconformityFilter) { nonconformityReports(first: 50, filter: $f) { totalCount edges { node { id status overdue } } } }`,
          { f: filter },
          await as("director.lx"),
        )
      ).data!.nonconformityReports;
    const mine = { visitPlanId: ids.plan };
    expect((await list({ ...mine, overdue: true })).totalCount).toBe(0);
    at(sh("2027-01-11T09:00:00"));
    const late = await list({ ...mine, overdue: true });
    expect(late.edges.map((e) => e.node)).toEqual([{ id: ids.report, status: "OVERDUE", overdue: true }]);
    const [{ version }] = await q(`SELECT version FROM nonconformity_reports WHERE id = $1`, [rowId(ids.report!)]);
    const close = (input: Record<string, unknown>, login = "director.lx") =>
      mutate(
        "closeNonconformity",
        { id: ids.report, version, verification: "已更换楼道灯具，现场复查合格", ...input },
        login,
        "id version status overdue closedAt verification",
      );
    expect((await close({ version: version + 1 })).payload).toMatchObject({
      __typename: "NonconformityConflictError",
      currentVersion: version,
    });
    expect((await close({ verification: " " })).payload).toMatchObject({ __typename: "InputError", field: "input.verification" });
    expect((await close({}, "frontdesk.jh")).payload).toMatchObject({ __typename: "NotFoundError" });
    expect((await close({}, "analyst")).code).toBe("FORBIDDEN");
    expect(await q(`SELECT status, closed_at, version FROM nonconformity_reports WHERE id = $1`, [rowId(ids.report!)])).toEqual([
      { status: "OPEN", closed_at: null, version },
    ]);
    const closed = await close({});
    expect(closed.payload!.data).toMatchObject({
      status: "CLOSED",
      overdue: false,
      closedAt: now.toISOString(),
      verification: "已更换楼道灯具，现场复查合格",
      version: version + 1,
    });
    expect((await list({ ...mine, overdue: true })).totalCount).toBe(0);
    expect((await list({ ...mine, closed: true })).edges.map((e) => e.node.id)).toEqual([ids.report]);
    expect((await list({ ...mine, closed: false })).totalCount).toBe(1);
  });
});
