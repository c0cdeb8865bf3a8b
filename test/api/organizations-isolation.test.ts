import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, hashPassword } from "@tingjian/prisma";
import { useTestDatabase } from "@tingjian/prisma/testing";
import { importAsOperator } from "@tingjian/server";
import { createOrganizationAsOperator } from "../../server/src/services/organization/operator.ts";
import { demoClock } from "../demo-clock.ts";
import { gql, globalId, type Caller } from "./graphql.ts";
import { leaksIn, nodeTypes, queryFields, selectionOf, type Leak } from "./isolation-walk.ts";
import { signInTo, useApp } from "./organizations.ts";

/**
 * Issue 17 item 3, SPEC §2: several organisations on one installation, and nothing of one is ever
 * visible to the other. The demo company (HUATING) and a second organisation (BETA, created by
 * the operator's command and given estates, households, complaints and callbacks by the operator's
 * import, after a category and a department made by SQL, and two more accounts). Signed in to each, the
 * test walks every query field of the schema (lists, reports, exports, the directory, the logs),
 * looks the other organisation's rows up by their global ids, and finds none of the other's row
 * ids or marker words anywhere in the answers.
 */
const BETA_PASSWORD = "Quiet-harbour-2027";
const FROM = "2024-01-01T00:00:00+08:00";
const TO = "2026-11-21T00:00:00+08:00";
/** Words only one organisation's data contains (exports carry codes and names, not ids). */
const MARKERS = { HUATING: ["华庭", "丽轩花园", "LX-"], BETA: ["贝塔", "BT1"] } as const;
type Org = keyof typeof MARKERS;

const FILES: [string, string][] = [
  ["estates.csv", "estate_code,name,kind,timezone\nBT1,贝塔花园,residential,Asia/Chongqing\n"],
  [
    "households.csv",
    "household_code,estate_code,building,unit,room,occupied,customer_name,customer_kind,phone\nBT1-1-1-101,BT1,1栋,1单元,101,true,贝塔业主甲,owner,13900000001\nBT1-1-1-102,BT1,1栋,1单元,102,true,贝塔业主乙,owner,13900000002\n",
  ],
  [
    "complaints.csv",
    "complaint_no,estate_code,household_code,channel,received_at,kind,category,severity,valid,content,complainant_name,phone,department,assigned_at,resolved_at,confirmed_at\n" +
      "BT1-2026-0001,BT1,BT1-1-1-101,phone,2026-10-12T09:00:00+08:00,service,BT-C1,general,true,贝塔投诉：电梯噪音,贝塔业主甲,13900000001,BT-D,2026-10-12T10:00:00+08:00,2026-10-12T15:00:00+08:00,2026-10-13T09:00:00+08:00\n" +
      "BT1-2026-0002,BT1,BT1-1-1-102,visit,2026-10-20T10:00:00+08:00,engineering,BT-C1,important,true,贝塔投诉：屋顶漏水,贝塔业主乙,13900000002,BT-D,2026-10-20T11:00:00+08:00,,\n" +
      "BT1-2026-0003,BT1,BT1-1-1-101,phone,2026-11-18T11:00:00+08:00,service,BT-C1,general,true,贝塔投诉：门禁失灵,贝塔业主甲,13900000001,,,,\n",
  ],
  [
    "callbacks.csv",
    "callback_no,complaint_no,household_code,kind,method,called_at,staff,reached,satisfied,comment\nBT1-CB-0001,BT1-2026-0001,BT1-1-1-101,complaint,phone,2026-10-14T10:00:00+08:00,贝塔回访员,true,true,贝塔回访：满意\n",
  ],
];

describe("issue 17 item 3 (SPEC §2): two organisations on one installation see nothing of each other", () => {
  const t = useTestDatabase("demo");
  const s = useApp(t, demoClock());
  const orgIds = {} as Record<Org, string>;
  /** Every row id of every organisation-owned table, by organisation. */
  const rows = { HUATING: new Set<string>(), BETA: new Set<string>() };
  const callers = {} as Record<Org, Record<string, Caller>>;
  const q = (sql: string, params: unknown[] = []) => t.db.pool.query(sql, params).then((r) => r.rows);

  beforeAll(async () => {
    const beta = await createOrganizationAsOperator(
      t.prisma,
      {
        code: "BETA",
        name: "贝塔物业",
        timezone: "Asia/Chongqing",
        adminLogin: "admin",
        adminName: "贝塔管理员",
        adminPassword: BETA_PASSWORD,
      },
      { another: true },
    );
    orgIds.BETA = beta.organizationId;
    orgIds.HUATING = (await q(`SELECT id FROM organizations WHERE code = 'HUATING'`))[0].id;
    await q(
      `WITH top AS (INSERT INTO categories (organization_id, code, name, level, sort_order, updated_at) VALUES ($1, 'BT-C', '贝塔类别', 1, 0, now()) RETURNING id)
      INSERT INTO categories (organization_id, parent_id, code, name, level, sort_order, updated_at) SELECT $1, id, 'BT-C1', '贝塔电梯', 2, 1, now() FROM top`,
      [beta.organizationId],
    );
    await q(
      `INSERT INTO departments (organization_id, code, name, kind, updated_at) VALUES ($1, 'BT-D', '贝塔工程部', 'ENGINEERING', now())`,
      [beta.organizationId],
    );
    for (const [name, content] of FILES) {
      const outcome = await importAsOperator(t.prisma, beta.organizationId, name, {
        kind: name.split(".")[0]!.toUpperCase() as never,
        bytes: new TextEncoder().encode(content),
        dryRun: false,
      });
      expect(outcome.ok, `${name}: ${JSON.stringify(outcome)}`).toBe(true);
    }
    // Accounts of BETA that read everything (the administrator's role manages, it does not read cases).
    const hash = await hashPassword(BETA_PASSWORD);
    await q(
      `INSERT INTO staff (organization_id, login, display_name, role, clearance, all_estates, password_hash, updated_at)
      VALUES ($1, 'exec', '贝塔总经理', 'EXECUTIVE', 'TOP_SECRET', true, $2, now()), ($1, 'auditor', '贝塔审计员', 'AUDITOR', 'INTERNAL', true, $2, now())`,
      [beta.organizationId, hash],
    );
    callers.HUATING = {};
    callers.BETA = {};
    for (const login of ["exec", "admin", "auditor"]) {
      callers.HUATING[login] = (await signInTo(s.app, "HUATING", login, DEMO_PASSWORD)) as Caller;
      callers.BETA[login] = (await signInTo(s.app, "BETA", login, BETA_PASSWORD)) as Caller;
    }
    // Read by each side first, so that both have access-log rows of their own.
    for (const org of ["HUATING", "BETA"] as const)
      await gql(
        s.app,
        `{ complaints(first: 5) { edges { node { id content } } } }`,
        {},
        { ...callers[org].exec!, purpose: "isolation test" },
      );
    const tables =
      await q(`SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'organization_id'
      AND table_name IN (SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE')`);
    for (const { table_name } of tables) {
      for (const r of await q(`SELECT id::text AS id, organization_id::text AS org FROM "${table_name}"`)) {
        (r.org === orgIds.BETA ? rows.BETA : rows.HUATING).add(r.id);
      }
    }
    rows.HUATING.add(orgIds.HUATING);
    rows.BETA.add(orgIds.BETA);
  }, 180_000);

  const other = (org: Org): Org => (org === "HUATING" ? "BETA" : "HUATING");

  /** The arguments of the query fields that need some; a field may be walked several times. */
  async function argumentsOf(org: Org): Promise<Record<string, string[]>> {
    const campaign = async (o: Org) =>
      (await q(`SELECT id FROM survey_campaigns WHERE organization_id = $1 LIMIT 1`, [orgIds[o]]))[0]?.id as string | undefined;
    const sample = (await q(`SELECT id FROM callback_samples WHERE organization_id = $1 LIMIT 1`, [orgIds[other(org)]]))[0]?.id as
      | string
      | undefined;
    const household = (await q(`SELECT id FROM households WHERE organization_id = $1 LIMIT 1`, [orgIds[other(org)]]))[0].id as string;
    // Campaign questions: this organisation's campaign (its data), and the other's (an attack).
    const campaigns = [await campaign(org), await campaign(other(org))].filter(Boolean).map((id) => globalId("SurveyCampaign", id!));
    const byCampaign = campaigns.map((id) => `(campaignId: "${id}")`);
    const period = `from: "${FROM}", to: "${TO}"`;
    return {
      accessLogs: ["(first: 50)"],
      annualSummary: [`(year: "2026")`],
      approvals: ["(first: 20, listing: MINE)", "(first: 20, listing: TO_DECIDE)"],
      callbackMethodShare: [`(${period})`],
      callbackStatistics: [`(month: "2026-10")`],
      complaintCounts: ["CATEGORY", "CHANNEL", "ESTATE", "SEVERITY", "STATUS"].map((by) => `(by: ${by}, from: "${FROM}", before: "${TO}")`),
      dailyReview: [`(date: "2026-11-20", withoutProgressOnly: false, first: 50)`],
      dailyReviewDueAt: [`(date: "2026-11-20")`],
      exportCustomers: [`(purpose: "isolation test")`],
      exportFile: ["COMPLAINTS", "HOUSEHOLDS", "ESTATES", "CALLBACKS"].map(
        (kind) => `(input: { kind: ${kind}, format: CSV, from: "${FROM}", to: "${TO}", purpose: "isolation test" })`,
      ),
      importJob: [`(id: "${globalId("ImportJob", household)}")`],
      likelyDuplicates: [`(input: { householdId: "${globalId("Household", household)}" })`],
      metricRows: ["COMPLAINT_SHARE", "CALLBACK_RATE", "VALID_COMPLAINT_RATE"].map((m) => `(input: { metric: ${m}, ${period} })`),
      metrics: [`(input: { ${period}, sliceBy: ESTATE })`],
      monthlyCallbackStatistics: [`(month: "2026-10")`],
      monthlyComplaintAnalysis: [`(month: "2026-10")`],
      monthlyCustomerFeedback: [`(month: "2026-10")`],
      node: [],
      nodes: [],
      policyValueAt: [`(key: "SLA-2.duration")`],
      preference: [`(key: "complaints.grid")`],
      quarterlySatisfactionReport: [`(quarter: "2026-Q3")`, `(quarter: "2026-Q4")`],
      recurrenceTrend: [`(input: { ${period} })`],
      recurringProblems: [`(first: 50, input: { ${period}, minCount: 2 })`],
      slaAttainment: [`(${period})`],
      surveyHandouts: campaigns.map((id) => `(campaignId: "${id}", first: 50)`),
      surveyReturnRates: byCampaign,
      surveySampleCoverage: byCampaign,
      surveySatisfaction: byCampaign,
      staffDirectory: ["(limit: 50)"],
      tenantMeetingRates: ["(year: 2026)"],
      verifyCallbackSample: sample ? [`(id: "${globalId("CallbackSample", sample)}")`] : [],
      verifySurveySample: byCampaign,
      weeklyComplaintReport: [`(week: "2026-W46")`],
    };
  }

  it("walks every query field as each organisation's executive, administrator and auditor: nothing of the other appears", async () => {
    const leaks: Leak[] = [];
    const unwalked: string[] = [];
    const notRun: string[] = [];
    const seenOwn = { HUATING: 0, BETA: 0 };
    for (const org of ["HUATING", "BETA"] as const) {
      const table = await argumentsOf(org);
      for (const field of queryFields()) {
        const given = table[field.name];
        if (!given && field.required.length) {
          unwalked.push(field.name);
          continue;
        }
        const variants = given ?? [field.pages ? "(first: 30)" : ""];
        const selection = selectionOf(field.type, 3, !field.list);
        for (const args of variants) {
          const query = `{ ${field.name}${args}${selection ? ` { ${selection} }` : ""} }`;
          for (const [login, caller] of Object.entries(callers[org])) {
            const r = await gql(s.app, query, {}, { ...caller, purpose: "isolation test" });
            // No data at all: the request was refused before it ran (validation, cost limits).
            if (r.data === undefined) notRun.push(`${org}/${login}: ${field.name}${args}: ${r.errors?.[0]?.message}`);
            leaks.push(...leaksIn(`${org}/${login} ${field.name}${args}`, r, rows[other(org)], MARKERS[other(org)]));
            seenOwn[org] += leaksIn("", r, rows[org], []).length;
          }
        }
      }
    }
    expect(unwalked, "query fields with required arguments missing from the table").toEqual([]);
    expect(notRun, "queries the walk could not run").toEqual([]);
    expect(leaks.slice(0, 20)).toEqual([]);
    // The walk sees each organisation's own rows (it would see the other's if they leaked).
    expect(seenOwn.HUATING).toBeGreaterThan(1000);
    expect(seenOwn.BETA).toBeGreaterThan(30);
  }, 600_000);

  it("the other organisation's global ids are not found, of every node type; one's own are", async () => {
    const types = nodeTypes();
    const tables = new Set(
      (await q(`SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'organization_id'`)).map(
        (r) => r.table_name as string,
      ),
    );
    // The table of a node type by naming convention (Complaint → complaints, Category → categories).
    const tableOf = (type: string) => {
      const snake = type.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase();
      return [snake, `${snake}s`, `${snake}es`, snake.replace(/y$/, "ies")].find((n) => tables.has(n));
    };
    let matched = 0;
    let ownFound = 0;
    for (const org of ["HUATING", "BETA"] as const) {
      for (const type of types) {
        const tableName = tableOf(type);
        if (!tableName) continue;
        matched++;
        const of = async (o: Org) =>
          (await q(`SELECT id FROM "${tableName}" WHERE organization_id = $1 ORDER BY id LIMIT 3`, [orgIds[o]])).map((r) =>
            globalId(type, r.id),
          );
        const theirs = await of(other(org));
        if (theirs.length) {
          const r = await gql<{ nodes: unknown[] }>(
            s.app,
            `query($ids: [ID!]!) { nodes(ids: $ids) { __typename } }`,
            { ids: theirs },
            { ...callers[org].exec!, purpose: "isolation test" },
          );
          expect(r.data?.nodes, `${org} looks up ${other(org)}'s ${type}`).toEqual(theirs.map(() => null));
          const one = await gql<{ node: unknown }>(
            s.app,
            `query($id: ID!) { node(id: $id) { __typename } }`,
            { id: theirs[0] },
            callers[org].exec!,
          );
          expect(one.data?.node ?? null, `${org} node(${type})`).toBeNull();
        }
        const mine = await of(org);
        if (mine.length) {
          const r = await gql<{ nodes: unknown[] }>(
            s.app,
            `query($ids: [ID!]!) { nodes(ids: $ids) { __typename } }`,
            { ids: mine.slice(0, 1) },
            { ...callers[org].exec!, purpose: "isolation test" },
          );
          if (r.data?.nodes?.[0]) ownFound++;
        }
      }
    }
    expect(matched / 2).toBeGreaterThan(20);
    expect(ownFound).toBeGreaterThan(15);
  }, 300_000);

  it("each organisation's report figures count its own complaints only", async () => {
    for (const org of ["HUATING", "BETA"] as const) {
      const r = await gql<{ complaintCounts: { count: number }[] }>(
        s.app,
        `{ complaintCounts(by: ESTATE, from: "${FROM}", before: "${TO}") { count } }`,
        {},
        callers[org].exec!,
      );
      const [db] = await q(
        `SELECT count(*)::int AS n FROM complaints WHERE organization_id = $1 AND received_at >= $2 AND received_at < $3 AND duplicate_of_id IS NULL`,
        [orgIds[org], FROM, TO],
      );
      expect(
        r.data!.complaintCounts.reduce((a, c) => a + c.count, 0),
        org,
      ).toBe(db.n);
    }
    expect((await q(`SELECT count(*)::int AS n FROM complaints WHERE organization_id = $1`, [orgIds.BETA]))[0].n).toBe(3);
  });

  it("the scanner itself reports a leaked id and a leaked marker (the walk can fail)", () => {
    const betaRow = [...rows.BETA][0]!;
    const fake = { data: { complaints: { edges: [{ node: { id: globalId("Complaint", betaRow), estate: { name: "贝塔花园" } } }] } } };
    expect(leaksIn("fake", fake, rows.BETA, MARKERS.BETA).map((l) => l.what)).toEqual([`row ${betaRow}`, `"贝塔"`]);
  });
});
