import { FIXED_DEMO_NOW } from "@tingjian/prisma";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp, sweepSla, type App } from "@tingjian/server";
import { useTestDatabase } from "@tingjian/prisma/testing";
import { globalId, rowId, signIn, type Caller, type GqlResult } from "./graphql.ts";

/**
 * Issue 16 item 4: ComplaintEvent.note is only what a person wrote; what the system says about an
 * event is ComplaintEvent.summary, rendered from the event's kind and data in the request's
 * language (Accept-Language), its instants as local date-times of the estate (Asia/Shanghai), never
 * an ISO string. Names in a summary are case content: masked for a reader who does not know the
 * case, as `note` is (SEC-2).
 */
const sh = (local: string) => new Date(`${local}+08:00`);
const ISO = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const CHINESE = /[\u4e00-\u9fff]/;

interface Event {
  kind: string;
  note: string | null;
  summary: string | null;
}

describe("timeline summaries in the reader's language (issue 16 item 4)", () => {
  const t = useTestDatabase("demo");
  let app: App;
  let now = FIXED_DEMO_NOW;
  const q = (sql: string, params: unknown[] = []) => t.db.pool.query(sql, params).then((r) => r.rows);
  const ids: Record<string, string> = {};
  let complaintId = "";

  async function ask<T>(query: string, variables: Record<string, unknown>, caller: Caller, language?: string): Promise<GqlResult<T>> {
    const res = await app.fetch("http://yoga/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", cookie: caller.cookie!, ...(language ? { "accept-language": language } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as GqlResult<T>;
  }
  async function ok(name: string, input: Record<string, unknown>, login: string): Promise<{ id: string; version: number }> {
    const type = `${name[0]!.toUpperCase()}${name.slice(1)}`;
    const r = await ask<Record<string, { __typename: string; data?: { id: string; version: number } }>>(
      `mutation($input: ${type}Input!) { ${name}(input: $input) { __typename ... on Error { message } ... on Mutation${type}Success { data { id version } } } }`,
      { input },
      await signIn(app, login),
    );
    const data = r.data?.[name]?.data;
    if (!data) throw new Error(`${name} failed: ${JSON.stringify(r)}`);
    return data;
  }
  async function timeline(login: string, language?: string): Promise<Event[]> {
    const r = await ask<{ node: { timeline: { edges: { node: Event }[] } } }>(
      `query($id: ID!) { node(id: $id) { ... on Complaint { timeline(first: 100) { edges { node { kind note summary } } } } } }`,
      { id: complaintId },
      await signIn(app, login),
      language,
    );
    if (!r.data?.node) throw new Error(JSON.stringify(r));
    return r.data.node.timeline.edges.map((e) => e.node);
  }
  const of = (events: Event[], kind: string) => events.find((e) => e.kind === kind)!;

  beforeAll(async () => {
    app = createApp({ prisma: t.prisma, clock: () => now });
    [{ id: ids.household }] = await q(
      `SELECT h.id FROM households h JOIN estates e ON e.id = h.estate_id WHERE e.code = 'LX' ORDER BY h.code LIMIT 1`,
    );
    [{ id: ids.category }] = await q(
      `SELECT c.id FROM categories c JOIN categories p ON p.id = c.parent_id WHERE c.level = 2 ORDER BY p.sort_order, c.sort_order LIMIT 1`,
    );
    [{ id: ids.ENG }] = await q(`SELECT id FROM departments WHERE code = 'ENG'`);
    // A warranty complaint: a promise, a hand-off to a named developer, and the developer's silence.
    now = sh("2025-10-09T09:00:00");
    const r = await ask<{ registerComplaint: { data?: { id: string; version: number } } }>(
      `mutation($input: RegisterComplaintInput!) { registerComplaint(input: $input) { ... on MutationRegisterComplaintSuccess { data { id version } } } }`,
      {
        input: {
          channel: "PHONE",
          householdId: globalId("Household", ids.household!),
          complainantName: "钱女士",
          complainantContact: "13900002222",
          content: "外墙渗水",
        },
      },
      await signIn(app, "service1"),
    );
    let c = r.data!.registerComplaint.data!;
    complaintId = c.id;
    c = await ok(
      "classifyComplaint",
      { id: c.id, version: c.version, valid: true, kind: "WARRANTY", categoryId: globalId("Category", ids.category!) },
      "service1",
    );
    c = await ok("assignComplaint", { id: c.id, version: c.version, leadDepartmentId: globalId("Department", ids.ENG!) }, "service1");
    now = sh("2025-10-09T10:00:00");
    c = await ok(
      "recordComplaintPlan",
      {
        id: c.id,
        version: c.version,
        causeAnalysis: "外墙防水",
        responsibility: "DEVELOPER",
        plan: "开发商维修外墙",
        promisedAt: sh("2025-10-20T17:00:00").toISOString(),
      },
      "eng.head",
    );
    now = sh("2025-10-09T15:00:00");
    c = await ok("forwardComplaintToDeveloper", { id: c.id, version: c.version, developerName: "宏远置业开发有限公司" }, "service1");
    now = sh("2025-10-10T08:30:00");
    await sweepSla(t.prisma, now);
  });

  it("a promise, a hand-off and a deemed acceptance read in English for en and in Chinese for zh, with local times and no ISO instant", async () => {
    const en = await timeline("exec", "en-US,en;q=0.9");
    const zh = await timeline("exec", "zh-CN,zh;q=0.9,en;q=0.8");
    expect(of(en, "PROMISE_RECORDED").summary).toBe("Completion promised by 2025-10-20 17:00");
    expect(of(zh, "PROMISE_RECORDED").summary).toBe("承诺完成时间 2025-10-20 17:00");
    expect(of(en, "FORWARDED_TO_DEVELOPER").summary).toBe(
      "Forwarded to the developer 宏远置业开发有限公司; answer due by 2025-10-09 23:00 (WF-5)",
    );
    expect(of(zh, "FORWARDED_TO_DEVELOPER").summary).toBe("已转开发商 宏远置业开发有限公司，须于 2025-10-09 23:00 前答复（WF-5）");
    expect(of(en, "DEEMED_ACCEPTED").summary).toContain("deemed to accept at 2025-10-09 23:00");
    expect(of(zh, "DEEMED_ACCEPTED").summary).toContain("于 2025-10-09 23:00 视为默认");
    // The note is only what a person wrote: the system's words are no longer in it.
    expect(of(en, "DEEMED_ACCEPTED").note).toBeNull();
    expect(of(en, "FORWARDED_TO_DEVELOPER").note).toBeNull();
    for (const e of en) {
      if (e.summary) expect(e.summary, e.kind).not.toMatch(ISO);
    }
    for (const e of zh) if (e.summary) expect(e.summary, e.kind).not.toMatch(ISO);
    for (const kind of ["PROMISE_RECORDED", "DEEMED_ACCEPTED"]) {
      expect(of(en, kind).summary).not.toMatch(CHINESE);
      expect(of(zh, kind).summary).toMatch(CHINESE);
    }
    // Without the header the API answers in English (external tools).
    expect(of(await timeline("exec"), "PROMISE_RECORDED").summary).toBe("Completion promised by 2025-10-20 17:00");
  });

  it("SEC-2: a reader who does not know the case sees the summary's parameters but not the developer's name", async () => {
    await q(`UPDATE complaints SET classification = 'CONFIDENTIAL' WHERE id = $1`, [rowId(complaintId)]);
    // §2, SEC-2: someone who handles LX complaints but is not cleared for CONFIDENTIAL.
    const [low] = await q(
      `SELECT s.login FROM staff s JOIN staff_estate_scopes sc ON sc.staff_id = s.id JOIN estates e ON e.id = sc.estate_id
       WHERE e.code = 'LX' AND s.active AND s.kind = 'HUMAN' AND s.clearance IN ('INTERNAL', 'SECRET')
         AND s.role IN ('FRONT_DESK', 'PROPERTY_ASSISTANT', 'SERVICE_REP') ORDER BY s.login LIMIT 1`,
    );
    for (const language of ["en", "zh-CN"]) {
      const events = await timeline(low!.login, language);
      // The reader does not know the case: the person's note is masked.
      expect(of(events, "PLAN_RECORDED").note).toBe("***");
      const forwarded = of(events, "FORWARDED_TO_DEVELOPER").summary!;
      expect(forwarded).toContain("***");
      expect(forwarded).toContain("2025-10-09 23:00");
      for (const e of events) {
        for (const secret of ["宏远置业", "外墙", "钱女士", "13900002222"]) expect(e.summary ?? "", e.kind).not.toContain(secret);
      }
    }
    const known = await timeline("exec", "en");
    expect(of(known, "FORWARDED_TO_DEVELOPER").summary).toContain("宏远置业开发有限公司");
  });
});
