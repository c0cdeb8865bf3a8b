import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { buildSchema, isObjectType, isListType, isNonNullType, type GraphQLOutputType } from "graphql";
import { createApp, type App } from "@tingjian/server";
import { useTestDatabase } from "@tingjian/prisma/testing";
import { gql, globalId, rowId, signIn, type Caller } from "./graphql.ts";
import { demoClock } from "../demo-clock.ts";

/**
 * Issue 16 item 4: one connection type per node type (`<Type>Connection`, edges `<Type>Edge`), and
 * `orderBy: [<Type>Order!]` on the main lists with the id as the last key, so pages are stable.
 */
const sdl = readFileSync(new URL("../../server/schema.graphql", import.meta.url), "utf8");

/**
 * Connections whose edges carry fields of their own, so they cannot be the shared type: the daily
 * review (`hadProgress`, `review`), the figures' drill-down (`inNumerator`) and the timeline.
 */
const EXCEPTIONS = new Set([
  "DailyReviewConnection",
  "ComplaintTimelineConnection",
  "MetricRowsComplaintsConnection",
  "MetricRowsCallbacksConnection",
  "MetricRowsCallbackIssuesConnection",
  "MetricRowsSlaStagesConnection",
  "MetricRowsSurveyResponsesConnection",
  "MetricRowsSurveyHandoutsConnection",
  "MetricRowsHouseholdsConnection",
  "MetricRowsVisitRecordsConnection",
]);

const named = (t: GraphQLOutputType): string => (isNonNullType(t) || isListType(t) ? named(t.ofType as GraphQLOutputType) : t.name);

describe("issue 16 item 4: one connection type per node type", () => {
  const schema = buildSchema(sdl);
  const connections = Object.values(schema.getTypeMap()).filter(
    (t) => isObjectType(t) && t.name.endsWith("Connection") && "pageInfo" in t.getFields(),
  );

  it("every node type has exactly one connection type, named <Type>Connection with edges <Type>Edge (apart from the named exceptions)", () => {
    const byNode = new Map<string, string[]>();
    for (const c of connections) {
      if (!isObjectType(c)) continue;
      const node = named(c.getFields().nodes!.type);
      if (EXCEPTIONS.has(c.name)) continue;
      byNode.set(node, [...(byNode.get(node) ?? []), c.name]);
    }
    const duplicated = [...byNode].filter(([, names]) => names.length > 1);
    expect(duplicated, "node types with several connection types").toEqual([]);
    const misnamed = [...byNode].filter(([node, [name]]) => name !== `${node}Connection`);
    expect(misnamed, "connections not named after their node type").toEqual([]);
    for (const [node] of byNode)
      expect(
        named(
          (schema.getType(`${node}Connection`) as never as { getFields(): Record<string, { type: GraphQLOutputType }> }).getFields().edges!
            .type,
        ),
      ).toBe(`${node}Edge`);
  });

  it("the exceptions exist, and (apart from the timeline) their edges carry fields of their own", () => {
    for (const name of EXCEPTIONS) {
      const c = schema.getType(name);
      expect(c && isObjectType(c), name).toBe(true);
      if (!c || !isObjectType(c)) continue;
      const edge = schema.getType(named(c.getFields().edges!.type));
      // The timeline is its own (its owner's, issue 16 item 2) list of one node type only.
      if (name === "ComplaintTimelineConnection") continue;
      expect(
        isObjectType(edge) && Object.keys(edge.getFields()).some((f) => f !== "cursor" && f !== "node"),
        `${name}'s edge has fields of its own`,
      ).toBe(true);
    }
  });

  it("the old per-field connection types are gone", () => {
    for (const old of [
      "QueryComplaintsConnection",
      "HouseholdComplaintsConnection",
      "CorrectiveActionComplaintsConnection",
      "RecurringProblemComplaintsConnection",
      "QueryUnacknowledgedComplaintsConnection",
      "QueryDailyReviewConnection",
      "EstateHouseholdsConnection",
      "BuildingHouseholdsConnection",
      "QueryCallbacksConnection",
      "QueryOpenDeadlinesConnection",
      "QuerySurveyHandoutsConnection",
      "VisitPlanRecordsConnection",
    ]) {
      expect(schema.getType(old), old).toBeUndefined();
    }
  });

  it("every main list takes orderBy: [<Type>Order!] over a described <Type>OrderField and SortDirection", () => {
    const lists: [string, string, string][] = [
      ["Query", "complaints", "ComplaintOrder"],
      ["Query", "complaintPage", "ComplaintOrder"],
      ["Query", "callbacks", "CallbackOrder"],
      ["Query", "customers", "CustomerOrder"],
      ["Query", "correctiveActions", "CorrectiveActionOrder"],
      ["Estate", "households", "HouseholdOrder"],
      ["Building", "households", "HouseholdOrder"],
      ["VisitPlan", "records", "VisitRecordOrder"],
    ];
    for (const [type, field, order] of lists) {
      const arg = (
        schema.getType(type) as never as {
          getFields(): Record<string, { args: { name: string; type: GraphQLOutputType; description?: string | null }[] }>;
        }
      )
        .getFields()
        [field]!.args.find((a) => a.name === "orderBy");
      expect(arg, `${type}.${field}(orderBy:)`).toBeDefined();
      expect(String(arg!.type)).toBe(`[${order}!]`);
      expect(arg!.description).toBeTruthy();
    }
    expect(sdl).toMatch(/enum SortDirection \{/);
  });
});

interface Conn {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: { id: string }[];
}

describe("issue 16 item 4: orderBy on the main lists, stable pages", () => {
  const t = useTestDatabase("demo");
  let app: App;
  let exec: Caller;
  const q = (sql: string, params: unknown[] = []) => t.db.pool.query(sql, params).then((r) => r.rows);
  let estate = "";
  let plan = "";

  beforeAll(async () => {
    app = createApp({ prisma: t.prisma, clock: demoClock() });
    exec = await signIn(app, "exec");
    [{ id: estate }] = await q(`SELECT estate_id AS id FROM households GROUP BY estate_id ORDER BY count(*) DESC LIMIT 1`);
    [{ id: plan }] = await q(
      `SELECT plan_id AS id FROM visit_records WHERE plan_id IS NOT NULL GROUP BY plan_id ORDER BY count(*) DESC LIMIT 1`,
    );
    // The demo has no corrective actions: 25 of them, with ties in every sortable field and some without a due date.
    await q(`INSERT INTO corrective_actions (organization_id, no, title, status, due_at, created_at, updated_at)
      SELECT e.organization_id, 'CA-T' || lpad(i::text, 3, '0'), '测试整改 ' || i,
        (ARRAY['OPEN', 'IN_PROGRESS', 'OPEN', 'CLOSED']::text[])[1 + i % 4]::corrective_action_status,
        CASE WHEN i % 3 = 0 THEN NULL ELSE timestamptz '2026-09-01' + (i % 5) * interval '1 day' END,
        timestamptz '2026-08-01' + (i % 6) * interval '1 hour', timestamptz '2026-08-02' + (i % 2) * interval '1 hour'
      FROM generate_series(1, 25) AS i, (SELECT organization_id FROM estates LIMIT 1) AS e`);
  });

  /** Each main list: how to reach its connection, and its order fields. */
  const LISTS: {
    name: string;
    fields: string[];
    query: (args: string) => string;
    pick: (data: Record<string, unknown>) => Conn;
    vars?: () => Record<string, unknown>;
  }[] = [
    {
      name: "complaints",
      fields: ["RECEIVED_AT", "NO", "STATUS", "SEVERITY", "ESTATE", "KIND", "CHANNEL", "PROMISED_AT", "RESOLVED_AT", "LOCATION"],
      query: (a) => `complaints(${a})`,
      pick: (d) => d.complaints as Conn,
    },
    {
      name: "callbacks",
      fields: ["DUE_AT", "CALLED_AT", "CREATED_AT", "NO", "STATUS", "KIND", "ESTATE"],
      query: (a) => `callbacks(${a})`,
      pick: (d) => d.callbacks as Conn,
    },
    { name: "customers", fields: ["CREATED_AT", "UPDATED_AT", "KIND"], query: (a) => `customers(${a})`, pick: (d) => d.customers as Conn },
    {
      name: "correctiveActions",
      fields: ["CREATED_AT", "UPDATED_AT", "DUE_AT", "NO", "STATUS"],
      query: (a) => `correctiveActions(${a})`,
      pick: (d) => d.correctiveActions as Conn,
    },
    {
      name: "Estate.households",
      fields: ["CODE", "ROOM", "KIND", "BUILDING", "CREATED_AT"],
      query: (a) => `node(id: $owner) { ... on Estate { households(${a}) } }`,
      pick: (d) => (d.node as { households: Conn }).households,
      vars: () => ({ owner: globalId("Estate", estate) }),
    },
    {
      name: "VisitPlan.records",
      fields: ["VISITED_AT", "CREATED_AT", "KIND"],
      query: (a) => `node(id: $owner) { ... on VisitPlan { records(${a}) } }`,
      pick: (d) => (d.node as { records: Conn }).records,
      vars: () => ({ owner: globalId("VisitPlan", plan) }),
    },
  ];

  async function read(list: (typeof LISTS)[number], orderBy: unknown, first: number, after: string | null): Promise<Conn> {
    const owner = list.vars ? "$owner: ID!, " : "";
    const doc = `query(${owner}$orderBy: [${list.name === "Estate.households" ? "HouseholdOrder" : list.name === "VisitPlan.records" ? "VisitRecordOrder" : `${{ complaints: "Complaint", callbacks: "Callback", customers: "Customer", correctiveActions: "CorrectiveAction" }[list.name]}Order`}!], $first: Int, $after: String) {
      ${list.query("orderBy: $orderBy, first: $first, after: $after").replace(/\)( \} \})?$/, ") { totalCount pageInfo { hasNextPage endCursor } nodes { id } }$1")} }`;
    const r = await gql<Record<string, unknown>>(app, doc, { ...list.vars?.(), orderBy, first, after }, exec);
    expect(r.errors, `${list.name} ${JSON.stringify(orderBy)}: ${JSON.stringify(r.errors)}`).toBeUndefined();
    return list.pick(r.data!);
  }

  for (const list of LISTS) {
    it(`${list.name}: every field, both directions; pages neither repeat nor skip a row`, async () => {
      for (const field of list.fields) {
        for (const direction of ["ASC", "DESC"]) {
          const orderBy = [{ field, direction }];
          const all = await read(list, orderBy, 100, null);
          expect(all.totalCount, `${list.name} has rows`).toBeGreaterThan(0);
          const want = all.nodes.map((n) => n.id);
          const window = Math.min(want.length, 60);
          const size = Math.max(2, Math.ceil(window / 5));
          const got: string[] = [];
          let after: string | null = null;
          while (got.length < window) {
            const page: Conn = await read(list, orderBy, size, after);
            got.push(...page.nodes.map((n) => n.id));
            if (!page.pageInfo.hasNextPage) break;
            after = page.pageInfo.endCursor;
          }
          expect(new Set(got).size, `${list.name} ${field} ${direction}: no row twice`).toBe(got.length);
          expect(got, `${list.name} ${field} ${direction}: pages = the list`).toEqual(want.slice(0, got.length));
          if (all.totalCount <= 100) expect(want.length).toBe(all.totalCount);
        }
      }
    }, 180_000);
  }

  it("complaints: orderBy follows the documented order (then the id in the first key's direction), and is the one of complaintPage", async () => {
    const list = LISTS[0]!;
    for (const direction of ["ASC", "DESC"] as const) {
      const want = (await q(`SELECT id FROM complaints ORDER BY received_at ${direction}, id ${direction} LIMIT 100`)).map((r) => r.id);
      const got = await read(list, [{ field: "RECEIVED_AT", direction }], 100, null);
      expect(got.nodes.map((n) => rowId(n.id))).toEqual(want);
      const page = await gql<{ complaintPage: { rows: { id: string }[] } }>(
        app,
        `query($o: [ComplaintOrder!]) { complaintPage(orderBy: $o, sort: [{ field: NO }], limit: 100) { rows { id } } }`,
        { o: [{ field: "RECEIVED_AT", direction }] },
        exec,
      );
      expect(page.errors).toBeUndefined();
      expect(page.data!.complaintPage.rows.map((r) => rowId(r.id))).toEqual(want);
    }
    const keys = (await q(`SELECT id FROM complaints ORDER BY status DESC, received_at ASC, id DESC LIMIT 50`)).map((r) => r.id);
    const two = await read(
      list,
      [
        { field: "STATUS", direction: "DESC" },
        { field: "RECEIVED_AT", direction: "ASC" },
      ],
      50,
      null,
    );
    expect(two.nodes.map((n) => rowId(n.id))).toEqual(keys);
  });

  it("households: orderBy CODE DESC is the reverse of the default order", async () => {
    const list = LISTS[4]!;
    const byDefault = await read(list, null, 500, null);
    const desc = await read(list, [{ field: "CODE", direction: "DESC" }], 500, null);
    expect(desc.nodes.map((n) => n.id)).toEqual([...byDefault.nodes].reverse().map((n) => n.id));
  });

  it("a field that is not in the enum is a validation error, inline or as a variable", async () => {
    const inline = await gql(app, `{ callbacks(orderBy: [{ field: NOPE, direction: ASC }]) { totalCount } }`, {}, exec);
    expect(inline.data).toBeUndefined();
    expect(inline.errors?.[0]?.message).toMatch(/NOPE/);
    expect(inline.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    const variable = await gql(
      app,
      `query($o: [ComplaintOrder!]) { complaints(orderBy: $o) { totalCount } }`,
      { o: [{ field: "CONTENT", direction: "ASC" }] },
      exec,
    );
    expect(variable.data).toBeUndefined();
    expect(variable.errors?.[0]?.message).toMatch(/CONTENT/);
    expect(variable.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const noDirection = await gql(app, `{ customers(orderBy: [{ field: KIND }]) { totalCount } }`, {}, exec);
    expect(noDirection.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });
});
