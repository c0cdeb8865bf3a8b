import { getNamedType, isInputObjectType, type GraphQLInputObjectType } from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp, schema, UNVERSIONED_MUTATIONS, type App } from "@tingjian/server";
import { useTestDatabase } from "@tingjian/prisma/testing";
import { gql, globalId, signIn, type Caller } from "../api/graphql.ts";
import { demoClock } from "../demo-clock.ts";

/**
 * Issue 15 item 17: concurrent decisions never overwrite each other. Three supervisors deciding
 * one escalation at once: one decision stands, the others are told it was decided. Two
 * classifiers changing one level from the same version: one change, one conflict. And every
 * mutation either carries the version it was decided on or is declared append-only, once-only or
 * the caller's own (server/src/input/write-discipline.ts).
 */
describe("concurrent decisions (issue 15 item 17)", () => {
  const t = useTestDatabase("demo");
  let app: App;
  const q = (sql: string, params: unknown[] = []) => t.db.pool.query(sql, params).then((r) => r.rows);
  const callers: Record<string, Caller> = {};
  const as = async (login: string) => (callers[login] ??= await signIn(app, login));

  beforeAll(async () => {
    app = createApp({ prisma: t.prisma, clock: demoClock() });
  });

  it("every mutation is versioned or declared, and every declaration names a mutation", () => {
    const mutations = schema.getMutationType()!.getFields();
    const versioned = (name: string) =>
      mutations[name]!.args.some((a) => {
        const type = getNamedType(a.type);
        return a.name === "version" || (isInputObjectType(type) && "version" in (type as GraphQLInputObjectType).getFields());
      });
    const undeclared = Object.keys(mutations).filter((m) => !versioned(m) && !UNVERSIONED_MUTATIONS[m]);
    expect(undeclared, "mutations that change stored records without the version read").toEqual([]);
    expect(
      Object.keys(UNVERSIONED_MUTATIONS).filter((m) => !mutations[m] || versioned(m)),
      "declarations of no (or a versioned) mutation",
    ).toEqual([]);
  });

  it("WF-7: three supervisors decide one escalation at once; one decision is stored, the others are refused", async () => {
    const [c] = await q(
      `SELECT c.id, c.organization_id FROM complaints c JOIN estates e ON e.id = c.estate_id WHERE e.code = 'LX' AND c.duplicate_of_id IS NULL AND c.classification = 'SECRET' ORDER BY c.no LIMIT 1`,
    );
    const [{ id: escalation }] = await q(
      `INSERT INTO complaint_escalations (organization_id, complaint_id, level, reason, escalated_to_id)
      SELECT $1, $2, 1, '测试升级', id FROM staff WHERE login = 'manager' RETURNING id`,
      [c.organization_id, c.id],
    );
    const decide = async (login: string) =>
      gql<{ decideEscalation: { __typename: string; field?: string } }>(
        app,
        `mutation($input: DecideEscalationInput!) { decideEscalation(input: $input) { __typename ... on InputError { field } } }`,
        { input: { id: escalation, decision: `由 ${login} 决定` } },
        await as(login),
      );
    const results = await Promise.all(["manager", "mgmtrep", "exec"].map(decide));
    const kinds = results.map((r) => r.data?.decideEscalation.__typename ?? JSON.stringify(r.errors));
    expect(kinds.filter((k) => k === "MutationDecideEscalationSuccess")).toHaveLength(1);
    expect(kinds.filter((k) => k === "InputError")).toHaveLength(2);
    const [stored] = await q(`SELECT decision FROM complaint_escalations WHERE id = $1`, [escalation]);
    const winner = ["manager", "mgmtrep", "exec"][kinds.indexOf("MutationDecideEscalationSuccess")];
    expect(stored.decision).toBe(`由 ${winner} 决定`);
    // One decision note on the timeline, not three.
    expect(
      await q(`SELECT count(*)::int AS n FROM complaint_events WHERE complaint_id = $1 AND kind = 'NOTE' AND note LIKE '由 % 决定'`, [
        c.id,
      ]),
    ).toEqual([{ n: 1 }]);
  });

  it("SEC-1: two classifiers change one level from the same version; one change, one conflict, nothing undone", async () => {
    const [c] = await q(
      `SELECT c.id, c.version FROM complaints c JOIN estates e ON e.id = c.estate_id WHERE e.code = 'LX' AND c.classification = 'SECRET' ORDER BY c.no DESC LIMIT 1`,
    );
    const change = async (level: string) =>
      gql<{ changeClassification: { __typename: string; currentVersion?: number } }>(
        app,
        `mutation($input: ChangeClassificationInput!) { changeClassification(input: $input) { __typename ... on ClassificationConflictError { currentVersion } } }`,
        { input: { recordType: "COMPLAINT", id: globalId("Complaint", c.id), level, reason: `改为 ${level}`, version: c.version } },
        await as("exec"),
      );
    const [a, b] = await Promise.all([change("CONFIDENTIAL"), change("SECRET")]);
    const kinds = [a, b].map((r) => r.data?.changeClassification.__typename ?? JSON.stringify(r.errors));
    expect(kinds.sort()).toEqual(["ClassificationConflictError", "MutationChangeClassificationSuccess"]);
    const [stored] = await q(`SELECT classification, version FROM complaints WHERE id = $1`, [c.id]);
    expect(stored.version).toBe(c.version + 1);
    expect(await q(`SELECT count(*)::int AS n FROM classification_changes WHERE record_id = $1`, [c.id])).toEqual([{ n: 1 }]);
    // A stale version alone is a conflict too, and changes nothing.
    const stale = await change("CONFIDENTIAL");
    expect(stale.data?.changeClassification).toEqual({ __typename: "ClassificationConflictError", currentVersion: c.version + 1 });
    expect((await q(`SELECT classification FROM complaints WHERE id = $1`, [c.id]))[0].classification).toBe(stored.classification);
  });
});
