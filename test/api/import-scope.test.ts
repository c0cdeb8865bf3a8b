import { beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "@tingjian/server";
import { useTestDatabase } from "@tingjian/prisma/testing";
import { signIn, type Caller } from "./graphql.ts";
import { csv, NOW, sh, uploader, type Cells } from "./import-fixtures.ts";

/**
 * Issue 16: the importer knows a stored complaint by the API's own read rule
 * (access/read-scope.ts `complaintScope`), not a copy of it: a TOP_SECRET complaint is known to the
 * executive and to those designated for it at TOP_SECRET (SEC-2) — a designated manager re-imports
 * it unchanged; anyone else learns nothing from the import that a wrong guess would not tell them.
 */

describe("issue 16: one scope rule for the importer and the API (SEC-2)", () => {
  const t = useTestDatabase("demo");
  let app: App;
  const q = (sql: string, params: unknown[] = []) => t.db.pool.query(sql, params).then((r) => r.rows);
  let row: Cells;
  let exec: Caller;

  const upload = uploader(() => app, "COMPLAINTS", "complaints.csv");

  beforeAll(async () => {
    app = createApp({ prisma: t.prisma, clock: () => NOW });
    exec = await signIn(app, "exec");
    const [{ code }] = await q(
      `SELECT h.code FROM households h JOIN estates e ON e.id = h.estate_id WHERE e.code = 'LX' ORDER BY h.code LIMIT 1`,
    );
    const [{ path }] = await q(
      `SELECT p.name || '/' || c.name AS path FROM categories c JOIN categories p ON p.id = c.parent_id WHERE c.level = 2 AND c.active ORDER BY p.sort_order, c.sort_order LIMIT 1`,
    );
    const received = new Date(NOW.getTime() - 10 * 86_400_000);
    row = {
      complaint_no: "TS-000001",
      estate_code: "LX",
      household_code: code,
      location: "",
      channel: "phone",
      received_at: sh(received),
      anonymous: "否",
      complainant_name: "孙保密",
      phone: "13900002222",
      kind: "service",
      category: path,
      severity: "general",
      valid: "true",
      content: "绝密投诉内容",
      department: "",
      assigned_at: "",
      promised_at: "",
      resolved_at: "",
      confirmed_at: "",
      duplicate_of: "",
      classification: "top_secret",
    };
    expect(await upload(exec, csv([row]))).toMatchObject({ __typename: "MutationImportFileSuccess", data: { created: 1 } });
    // SEC-2: the complaint is designated at TOP_SECRET to the company manager (not to the front desk).
    await q(`INSERT INTO access_designations (organization_id, record_type, record_id, level, staff_id, designated_by_id)
      SELECT c.organization_id, 'COMPLAINT', c.id, 'TOP_SECRET', m.id, x.id FROM complaints c, staff m, staff x WHERE c.no = 'TS-000001' AND m.login = 'manager' AND x.login = 'exec'`);
  });

  it("a designated non-executive re-imports the TOP_SECRET complaint: unchanged, as the API shows it to them", async () => {
    const manager = await signIn(app, "manager");
    expect(await upload(manager, csv([row]))).toMatchObject({
      __typename: "MutationImportFileSuccess",
      data: { created: 0, updated: 0, unchanged: 1 },
    });
    // A first report it may see: a duplicate may link to it.
    expect(
      await upload(
        manager,
        csv([{ ...row, complaint_no: "TS-000002", duplicate_of: "TS-000001", classification: "secret", content: "同一问题" }]),
      ),
    ).toMatchObject({ __typename: "MutationImportFileSuccess", data: { created: 1 } });
  });

  it("one not designated learns nothing: the right row, a wrong guess and another estate's number get the same answer", async () => {
    const frontdesk = await signIn(app, "frontdesk.lx");
    const answer = async (cells: Cells) => JSON.stringify(await upload(frontdesk, csv([cells])));
    const right = await answer(row);
    expect(JSON.parse(right)).toMatchObject({ __typename: "ImportRejected", problems: [{ line: 2, field: "complaint_no" }] });
    // A wrong guess of the protected content or classification tells nothing more.
    expect(await answer({ ...row, content: "猜错的内容", complainant_name: "别人", classification: "secret" })).toBe(right);
    // The same answer as for a complaint of an estate outside the clerk's scope.
    const [other] = await q(
      `SELECT c.no FROM complaints c JOIN estates e ON e.id = c.estate_id WHERE e.code <> 'LX' ORDER BY c.no LIMIT 1`,
    );
    expect(await answer({ ...row, complaint_no: other.no })).toBe(right);
    // A duplicate pointing at it: the same answer as a first report that does not exist.
    const linked = await upload(
      frontdesk,
      csv([{ ...row, complaint_no: "TS-000009", duplicate_of: "TS-000001", classification: "secret" }]),
    );
    const missing = await upload(
      frontdesk,
      csv([{ ...row, complaint_no: "TS-000009", duplicate_of: "TS-999999", classification: "secret" }]),
    );
    expect(linked).toMatchObject({ __typename: "ImportRejected" });
    expect(JSON.stringify(linked)).toBe(JSON.stringify(missing));
    expect(JSON.stringify(linked)).not.toContain("绝密");
  });
});
