import { beforeAll, describe, expect, it } from "vitest";
import { createApp, sweepSla, type App } from "@tingjian/server";
import { useTestDatabase } from "@tingjian/prisma/testing";
import { globalId, rowId, signIn, type Caller, type GqlResult } from "./graphql.ts";

/**
 * Issue 16, WF-7: an automatic escalation's reason is data (complaint_escalations.reason_code and
 * reason_params), rendered when read in the reader's language (Accept-Language), its deadline a
 * local date-time of the estate (Asia/Shanghai), never an ISO instant nor a stage's code; `reason`
 * keeps only what a person typed (case content, masked for a reader who does not know the case,
 * SEC-2). Reasons stored as sentences before the change read as stored.
 */
const sh = (local: string) => new Date(`${local}+08:00`);
const ISO = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const CHINESE = /[\u4e00-\u9fff]/;
/** The estate's local date-time, as the API writes it. */
const local = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace("T", " ");

interface Escalation {
  level: number;
  automatic: boolean;
  reason: string | null;
}
interface Event {
  kind: string;
  note: string | null;
  summary: string | null;
}
interface Read {
  escalations: Escalation[];
  timeline: { edges: { node: Event }[] };
}

describe("escalation reasons as data, read in the reader's language (issue 16, WF-7)", () => {
  const t = useTestDatabase("demo");
  let app: App;
  let now = sh("2025-10-13T09:00:00");
  const q = (sql: string, params: unknown[] = []) => t.db.pool.query(sql, params).then((r) => r.rows);
  const ids: Record<string, string> = {};
  let breached = ""; // a complaint whose SLA-9 first reply was missed (the sweep escalates it)
  let major = ""; // a major complaint, reported to the management representative (CLS-3)
  let deadline = new Date(0);
  const PERSON = "业主要求主管当面说明处理进度";
  const LEGACY = "SLA-9 main 超时 (deadline 2025-10-14T01:00:00.000Z)";

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
  async function register(content: string) {
    return ok(
      "registerComplaint",
      {
        channel: "PHONE",
        householdId: globalId("Household", ids.household!),
        complainantName: "孙先生",
        complainantContact: "13900003333",
        content,
      },
      "service1",
    );
  }
  async function read(id: string, login: string, language?: string): Promise<Read> {
    const r = await ask<{ node: Read }>(
      `query($id: ID!) { node(id: $id) { ... on Complaint { escalations { level automatic reason } timeline(first: 100) { edges { node { kind note summary } } } } } }`,
      { id },
      await signIn(app, login),
      language,
    );
    if (!r.data?.node) throw new Error(JSON.stringify(r));
    return r.data.node;
  }
  const escalatedSummaries = (r: Read) =>
    r.timeline.edges
      .map((e) => e.node)
      .filter((e) => e.kind === "ESCALATED")
      .map((e) => e.summary);

  beforeAll(async () => {
    app = createApp({ prisma: t.prisma, clock: () => now });
    [{ id: ids.household }] = await q(
      `SELECT h.id FROM households h JOIN estates e ON e.id = h.estate_id WHERE e.code = 'LX' ORDER BY h.code LIMIT 1`,
    );
    [{ id: ids.category }] = await q(
      `SELECT c.id FROM categories c JOIN categories p ON p.id = c.parent_id WHERE c.level = 2 AND c.active ORDER BY p.sort_order, c.sort_order LIMIT 1`,
    );
    // SLA-9: nobody answers the complainant; two days later the sweep finds the first reply missed.
    const c = await register("楼道灯不亮，报修多次无人处理");
    breached = c.id;
    now = sh("2025-10-15T09:00:00");
    await sweepSla(t.prisma, now);
    [{ deadline_at: deadline }] = await q(`SELECT deadline_at FROM sla_stages WHERE complaint_id = $1 AND rule = 'SLA_9'`, [
      rowId(breached),
    ]);
    // CLS-3: a major complaint is reported to the management representative when classified.
    const m = await register("物业人员与业主发生冲突");
    major = m.id;
    await ok(
      "classifyComplaint",
      { id: m.id, version: m.version, valid: true, kind: "SERVICE", severity: "MAJOR", categoryId: globalId("Category", ids.category!) },
      "service1",
    );
  });

  it("the sweep stores a breach's reason as a catalogue key and parameters, the instant as ISO in the parameters only", async () => {
    const rows = await q(`SELECT automatic, reason, reason_code, reason_params FROM complaint_escalations WHERE complaint_id = $1`, [
      rowId(breached),
    ]);
    expect(rows).toEqual([
      {
        automatic: true,
        reason: null,
        reason_code: "escalationSlaBreach",
        reason_params: { rule: "SLA-9", stage: "main", round: 1, deadlineAt: deadline.toISOString() },
      },
    ]);
    const [cls3] = await q(`SELECT automatic, reason, reason_code FROM complaint_escalations WHERE complaint_id = $1`, [rowId(major)]);
    expect(cls3).toEqual({ automatic: true, reason: null, reason_code: "escalationMajorReported" });
  });

  it("an SLA breach reads in Chinese for zh and in English for en, the deadline in local time, no ISO instant, no stage code", async () => {
    const zh = await read(breached, "exec", "zh-CN,zh;q=0.9,en;q=0.8");
    const en = await read(breached, "exec", "en-US,en;q=0.9");
    expect(zh.escalations).toEqual([{ level: 1, automatic: true, reason: `首次答复超时（SLA-9，时限 ${local(deadline)}）` }]);
    expect(en.escalations).toEqual([
      { level: 1, automatic: true, reason: `Time limit missed: the first reply (SLA-9, due ${local(deadline)})` },
    ]);
    // The timeline says the same of the event, with the level.
    expect(escalatedSummaries(zh)).toEqual([`首次答复超时（SLA-9，时限 ${local(deadline)}），升级至第 1 级`]);
    expect(escalatedSummaries(en)).toEqual([`Time limit missed: the first reply (SLA-9, due ${local(deadline)}); escalated to level 1`]);
    for (const text of [zh.escalations[0]!.reason!, en.escalations[0]!.reason!, ...escalatedSummaries(zh), ...escalatedSummaries(en)]) {
      expect(text).not.toMatch(ISO);
      expect(text).not.toMatch(/\bmain\b|SLA_9/);
    }
    expect(en.escalations[0]!.reason).not.toMatch(CHINESE);
    // Without the header the API answers in English (external tools).
    expect((await read(breached, "exec")).escalations[0]!.reason).toBe(en.escalations[0]!.reason);
  });

  it("a CLS-3 report reads in the reader's language", async () => {
    expect((await read(major, "exec", "zh-CN")).escalations.map((e) => e.reason)).toEqual(["重大投诉，报管理者代表（CLS-3）"]);
    expect((await read(major, "exec", "en")).escalations.map((e) => e.reason)).toEqual([
      "Major complaint, reported to the management representative (CLS-3)",
    ]);
  });

  it("what a person typed stays as typed, in every language; a reason stored as a sentence before the change reads as stored", async () => {
    const [{ version }] = await q(`SELECT version FROM complaints WHERE id = $1`, [rowId(breached)]);
    await ok("escalateComplaint", { id: breached, version, reason: PERSON }, "service1");
    const [{ organization_id: org }] = await q(`SELECT organization_id FROM complaints WHERE id = $1`, [rowId(breached)]);
    await q(
      `INSERT INTO complaint_escalations (organization_id, complaint_id, level, at, automatic, reason) VALUES ($1, $2, 9, $3, true, $4)`,
      [org, rowId(breached), now, LEGACY],
    );
    for (const language of ["zh-CN", "en"]) {
      const r = await read(breached, "exec", language);
      expect(r.escalations.find((e) => e.level === 2)).toMatchObject({ automatic: false, reason: PERSON });
      expect(r.escalations.find((e) => e.level === 9)!.reason).toBe(LEGACY);
      // The person's words are the event's note; the system's summary carries no reason of its own.
      expect(
        r.timeline.edges
          .map((e) => e.node)
          .filter((e) => e.kind === "ESCALATED")
          .map((e) => e.note),
      ).toEqual([null, PERSON]);
    }
    const [row] = await q(`SELECT reason, reason_code FROM complaint_escalations WHERE complaint_id = $1 AND level = 2`, [rowId(breached)]);
    expect(row).toEqual({ reason: PERSON, reason_code: null });
  });

  it("SEC-2: a reader who does not know the case sees the system's reason, not what a person typed", async () => {
    await q(`UPDATE complaints SET classification = 'CONFIDENTIAL' WHERE id = $1`, [rowId(breached)]);
    // §2, SEC-2: someone who handles LX complaints but is not cleared for CONFIDENTIAL.
    const [low] = await q(
      `SELECT s.login FROM staff s JOIN staff_estate_scopes sc ON sc.staff_id = s.id JOIN estates e ON e.id = sc.estate_id
       WHERE e.code = 'LX' AND s.active AND s.kind = 'HUMAN' AND s.clearance IN ('INTERNAL', 'SECRET')
         AND s.role IN ('FRONT_DESK', 'PROPERTY_ASSISTANT', 'SERVICE_REP') ORDER BY s.login LIMIT 1`,
    );
    const r = await read(breached, low!.login, "en");
    expect(r.escalations.find((e) => e.level === 1)!.reason).toBe(`Time limit missed: the first reply (SLA-9, due ${local(deadline)})`);
    expect(r.escalations.find((e) => e.level === 2)!.reason).toBe("***");
    expect(JSON.stringify(r)).not.toContain(PERSON);
  });
});
