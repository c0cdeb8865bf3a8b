import { beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "@tingjian/server";
import { useTestDatabase } from "@tingjian/prisma/testing";
import { globalId, rowId, signIn, type Caller, type GqlResult } from "./graphql.ts";

/**
 * REC-3 and SEC-2: a repeated repair escalates one level (WF-7), and the escalation's reason and
 * its timeline summary name the earlier complaint. When that earlier complaint is TOP_SECRET, it
 * does not exist for a reader who is neither the executive nor designated at TOP_SECRET: not its
 * number either, in a field, a summary or an error. The number is rendered when read, against the
 * reader's scope; anyone else reads "an earlier complaint" / "此前一宗投诉". The attacker here is
 * the company manager, who may read every estate's complaints but is not designated.
 */
const sh = (local: string) => new Date(`${local}+08:00`);
const DAY = 86_400_000;
const HIDDEN_NO = "TS2026110799";
const LEGACY_HIDDEN_NO = "TS2026110798";

const READ = `query($id: ID!) { node(id: $id) { ... on Complaint {
  no escalations { automatic reason } timeline(first: 100) { edges { node { kind note summary } } }
  repeatOf { id no } repeatRepair { earlier { id no } windowDays escalated } } } }`;

interface Read {
  escalations: { automatic: boolean; reason: string | null }[];
  timeline: { edges: { node: { kind: string; note: string | null; summary: string | null } }[] };
}

describe("REC-3, SEC-2: a repeat's escalation names a TOP_SECRET earlier complaint only to those who may read it", () => {
  const t = useTestDatabase("demo");
  let app: App;
  const now = sh("2026-11-21T09:00:00");
  const q = (sql: string, params: unknown[] = []) => t.db.pool.query(sql, params).then((r) => r.rows);
  const ids: Record<string, string> = {};
  let repeat = ""; // the repeat complaint (global id), escalated by REC-3 when classified
  let legacy = ""; // a complaint with a REC-3 escalation stored as a sentence before issue 16

  async function ask<T>(
    query: string,
    variables: Record<string, unknown>,
    caller: Caller,
    language?: string,
  ): Promise<{ raw: string; body: GqlResult<T> }> {
    const res = await app.fetch("http://yoga/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", cookie: caller.cookie!, ...(language ? { "accept-language": language } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const raw = await res.text();
    return { raw, body: JSON.parse(raw) as GqlResult<T> };
  }
  async function ok(name: string, input: Record<string, unknown>, login: string): Promise<{ id: string; version: number }> {
    const type = `${name[0]!.toUpperCase()}${name.slice(1)}`;
    const { body } = await ask<Record<string, { data?: { id: string; version: number } }>>(
      `mutation($input: ${type}Input!) { ${name}(input: $input) { __typename ... on Error { message } ... on Mutation${type}Success { data { id version } } } }`,
      { input },
      await signIn(app, login),
    );
    const data = body.data?.[name]?.data;
    if (!data) throw new Error(`${name} failed: ${JSON.stringify(body)}`);
    return data;
  }
  async function read(id: string, login: string, language?: string) {
    const r = await ask<{ node: Read }>(READ, { id }, await signIn(app, login), language);
    expect(r.body.errors, r.raw).toBeUndefined();
    return { raw: r.raw, node: r.body.data!.node };
  }
  const escalatedSummary = (r: Read) => r.timeline.edges.find((e) => e.node.kind === "ESCALATED")!.node.summary!;

  /** A repair complaint as the earlier half of a repeat: valid, engineering, at the household, TOP_SECRET. */
  async function earlier(no: string, household: string, at: Date) {
    const [{ id }] = await q(
      `INSERT INTO complaints (organization_id, no, received_at, channel, estate_id, household_id, content, kind, valid, category_id, status, classification, updated_at)
       VALUES ($1, $2, $3, 'PHONE', $4, $5, '绝密：同一处渗漏', 'ENGINEERING', true, $6, 'VERIFIED', 'TOP_SECRET', now()) RETURNING id`,
      [ids.org, no, at, ids.LX, household, ids.leak],
    );
    return id as string;
  }
  async function household(code: string) {
    const [b] = await q(
      `SELECT b.id, b.estate_id FROM buildings b JOIN estates e ON e.id = b.estate_id WHERE e.code = 'LX' ORDER BY b.id LIMIT 1`,
    );
    const [{ id }] = await q(
      `INSERT INTO households (organization_id, code, estate_id, building_id, room, occupied, updated_at) VALUES ($1, $2, $3, $4, $2, true, now()) RETURNING id`,
      [ids.org, code, b.estate_id, b.id],
    );
    return id as string;
  }

  beforeAll(async () => {
    app = createApp({ prisma: t.prisma, clock: () => now });
    [{ organization_id: ids.org, id: ids.LX }] = await q(`SELECT organization_id, id FROM estates WHERE code = 'LX'`);
    [{ id: ids.leak }] = await q(`SELECT id FROM categories WHERE code = 'ENG-LEAK'`);
    // The earlier repair, TOP_SECRET, 10 days before the repeat at the same household.
    const h = await household("LX-SEC-1");
    ids.earlier = await earlier(HIDDEN_NO, h, new Date(now.getTime() - 10 * DAY));
    const c = await ok(
      "registerComplaint",
      {
        channel: "PHONE",
        householdId: globalId("Household", h),
        complainantName: "回访测试业主",
        complainantContact: "13900004444",
        content: "卫生间又漏水了",
      },
      "frontdesk.lx",
    );
    repeat = c.id;
    await ok(
      "classifyComplaint",
      { id: c.id, version: c.version, valid: true, kind: "ENGINEERING", categoryId: globalId("Category", ids.leak!) },
      "service1",
    );

    // Before issue 16 the reason was a sentence with the number in it, and the event's data carried only the number.
    const h2 = await household("LX-SEC-2");
    await earlier(LEGACY_HIDDEN_NO, h2, new Date(now.getTime() - 12 * DAY));
    const l = await ok(
      "registerComplaint",
      {
        channel: "PHONE",
        householdId: globalId("Household", h2),
        complainantName: "旧记录业主",
        complainantContact: "13900005555",
        content: "阳台又渗水",
      },
      "frontdesk.lx",
    );
    legacy = l.id;
    await q(
      `INSERT INTO complaint_escalations (organization_id, complaint_id, level, at, automatic, reason) VALUES ($1, $2, 1, $3, false, $4)`,
      [
        ids.org,
        rowId(legacy),
        now,
        `REC-3 同一维修30天内重复发生（前次 ${LEGACY_HIDDEN_NO}）：升级一级，责任经理上门回访并分析原因、制定纠正措施 (CB-11)`,
      ],
    );
    await q(`INSERT INTO complaint_events (organization_id, complaint_id, at, kind, data) VALUES ($1, $2, $3, 'ESCALATED', $4)`, [
      ids.org,
      rowId(legacy),
      new Date(now.getTime() + 1000),
      JSON.stringify({ level: 1, rule: "REC-3", earlierNo: LEGACY_HIDDEN_NO, windowDays: 30 }),
    ]);
  });

  it("the escalation is stored with the earlier complaint's id and number as parameters, not in a sentence", async () => {
    const rows = await q(`SELECT automatic, reason, reason_code, reason_params FROM complaint_escalations WHERE complaint_id = $1`, [
      rowId(repeat),
    ]);
    expect(rows).toEqual([
      {
        automatic: true,
        reason: null,
        reason_code: "escalationRepeatRepair",
        reason_params: { rule: "REC-3", earlierId: ids.earlier, earlierNo: HIDDEN_NO, windowDays: 30 },
      },
    ]);
  });

  it("attacker: the company manager, not designated, finds the hidden number nowhere in the response, in either language", async () => {
    for (const language of ["zh-CN", "en"]) {
      const { raw, node } = await read(repeat, "manager", language);
      expect(raw).not.toContain(HIDDEN_NO);
      expect(raw).not.toContain(ids.earlier!);
      expect(raw).not.toContain(globalId("Complaint", ids.earlier!));
      // The manager does read the repeat, its escalation and the rule's words, with a neutral phrase.
      expect(node.escalations).toHaveLength(1);
      const neutral = language === "en" ? "(an earlier complaint)" : "（此前一宗投诉）";
      expect(node.escalations[0]!.reason).toContain(neutral);
      expect(escalatedSummary(node)).toContain(neutral);
      expect(node).toMatchObject({ repeatOf: null, repeatRepair: { earlier: null, escalated: true } });
    }
  });

  it("the executive, and someone designated at TOP_SECRET, read the number", async () => {
    const zh = (await read(repeat, "exec", "zh-CN")).node;
    expect(zh.escalations[0]!.reason).toBe(
      `REC-3 同一维修 30 天内重复发生（前次 ${HIDDEN_NO}）：升级一级，责任经理上门回访并分析原因、制定纠正措施（CB-11）`,
    );
    expect(escalatedSummary(zh)).toContain(`（前次 ${HIDDEN_NO}）：升级至第 1 级`);
    const en = (await read(repeat, "exec", "en")).node;
    expect(en.escalations[0]!.reason).toMatch(
      new RegExp(`^REC-3 the repair recurred within 30 days \\(earlier ${HIDDEN_NO}\\): escalated one level`),
    );
    // SEC-2: a designation at TOP_SECRET opens it to the manager; one at a lower level would not (issue 15 item 9).
    const [{ id: manager }] = await q(`SELECT id FROM staff WHERE login = 'manager'`);
    const [{ id: exec }] = await q(`SELECT id FROM staff WHERE login = 'exec'`);
    await q(
      `INSERT INTO access_designations (organization_id, record_type, record_id, level, staff_id, designated_by_id) VALUES ($1, 'COMPLAINT', $2, 'SECRET', $3, $4)`,
      [ids.org, ids.earlier, manager, exec],
    );
    expect((await read(repeat, "manager", "en")).raw).not.toContain(HIDDEN_NO);
    await q(`UPDATE access_designations SET level = 'TOP_SECRET' WHERE record_id = $1 AND staff_id = $2`, [ids.earlier, manager]);
    const designated = (await read(repeat, "manager", "en")).node;
    expect(designated.escalations[0]!.reason).toContain(`(earlier ${HIDDEN_NO})`);
    expect(escalatedSummary(designated)).toContain(`(earlier ${HIDDEN_NO})`);
  });

  it("a REC-3 reason stored as a sentence before issue 16 reads as stored, without a number the reader may not see", async () => {
    const { raw, node } = await read(legacy, "manager", "zh-CN");
    expect(raw).not.toContain(LEGACY_HIDDEN_NO);
    expect(node.escalations[0]!.reason).toBe(
      "REC-3 同一维修30天内重复发生（此前一宗投诉）：升级一级，责任经理上门回访并分析原因、制定纠正措施 (CB-11)",
    );
    expect(escalatedSummary(node)).toContain("（此前一宗投诉）");
    const known = (await read(legacy, "exec", "zh-CN")).node;
    expect(known.escalations[0]!.reason).toContain(`（前次 ${LEGACY_HIDDEN_NO}）`);
    expect(escalatedSummary(known)).toContain(`（前次 ${LEGACY_HIDDEN_NO}）`);
  });
  it("INT-4: a duplicate of the TOP_SECRET complaint names its first report only to those who may read it", async () => {
    // The executive may know the TOP_SECRET complaint and links a second report to it.
    const [{ household_id: h }] = await q(`SELECT household_id FROM complaints WHERE id = $1`, [ids.earlier]);
    const dup = await ok(
      "registerComplaint",
      {
        channel: "PHONE",
        householdId: globalId("Household", h),
        complainantName: "同住家属",
        complainantContact: "13900006666",
        content: "同一处又渗漏",
        duplicateOfId: globalId("Complaint", ids.earlier!),
      },
      "exec",
    );
    const query = `query($id: ID!) { node(id: $id) { ... on Complaint { no duplicateOf { id no } timeline(first: 20) { edges { node { kind summary } } } } } }`;
    const duplicateSummary = (node: { timeline: Read["timeline"] }) =>
      node.timeline.edges.find((e) => e.node.kind === "DUPLICATE_LINKED")!.node.summary;
    await q(`DELETE FROM access_designations WHERE record_id = $1`, [ids.earlier]);
    const attacker = await ask<{ node: { duplicateOf: unknown; timeline: Read["timeline"] } | null }>(
      query,
      { id: dup.id },
      await signIn(app, "manager"),
      "en",
    );
    expect(attacker.body.data!.node, attacker.raw).not.toBeNull();
    expect(attacker.raw).not.toContain(HIDDEN_NO);
    expect(attacker.body.data!.node!.duplicateOf).toBeNull();
    expect(duplicateSummary(attacker.body.data!.node!)).toBe("Same issue as an earlier complaint");
    const known = await ask<{ node: { timeline: Read["timeline"] } }>(query, { id: dup.id }, await signIn(app, "exec"), "en");
    expect(duplicateSummary(known.body.data!.node)).toBe(`Same issue as ${HIDDEN_NO}`);
  });
});
