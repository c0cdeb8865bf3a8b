import { beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "@tingjian/server";
import { useTestDatabase } from "@tingjian/prisma/testing";
import { gql, globalId, signIn, type Caller } from "./graphql.ts";
import { csv, DAY, NOW, postFileIn, sh, uploader, type Cells } from "./import-fixtures.ts";

/**
 * Issues 16 and 17 on the importer: its problems in the importing person's language with a stable
 * code (SPEC §13, never quoting a protected value, SEC-7); CB-1 for imported confirmed complaints —
 * the callback the app plans on confirmation (owner by CB-2, due by SLA-10 / SLA-11), which the
 * callback of callbacks.csv then fills instead of adding a second; and callbacks by staff the
 * system does not know (issue 17 item 4): the account linked when one matches, else the name kept.
 */
const PROBLEMS = `mutation($input: ImportFileInput!) { importFile(input: $input) {
  __typename ... on ImportRejected { problems { line column field code reason } } ... on MutationImportFileSuccess { data { created } } } }`;

describe("the importer: messages in both languages, CB-1 planned callbacks, callers without an account", () => {
  const t = useTestDatabase("demo");
  let app: App;
  let exec: Caller;
  const q = (sql: string, params: unknown[] = []) => t.db.pool.query(sql, params).then((r) => r.rows);
  const complaints = uploader(() => app, "COMPLAINTS", "complaints.csv");
  const upload = uploader(() => app, "CALLBACKS", "callbacks.csv");
  const callbacks = async (caller: Caller, file: string) => {
    const r = await upload(caller, file);
    if (r.__typename !== "MutationImportFileSuccess") throw new Error(JSON.stringify(r));
    return r;
  };
  let households: string[] = [];
  let path = "";
  let department = "";

  const base = new Date(NOW.getTime() - 40 * DAY);
  const at = (days: number) => new Date(base.getTime() + days * DAY);
  const complaint = (no: string, household: string, cells: Cells = {}): Cells => ({
    complaint_no: no,
    estate_code: "LX",
    household_code: household,
    location: "",
    channel: "phone",
    received_at: sh(at(0)),
    anonymous: "否",
    complainant_name: "周回访",
    phone: "13900003333",
    kind: "service",
    category: path,
    severity: "general",
    valid: "true",
    content: `回访测试 ${no}`,
    department,
    assigned_at: sh(at(0.1)),
    promised_at: "",
    resolved_at: sh(at(1)),
    confirmed_at: sh(at(1.5)),
    duplicate_of: "",
    classification: "secret",
    ...cells,
  });
  const callback = (no: string, complaintNo: string, cells: Cells = {}): Cells => ({
    callback_no: no,
    complaint_no: complaintNo,
    household_code: "",
    kind: "complaint",
    method: "phone",
    called_at: sh(at(2)),
    staff: "exec",
    reached: "true",
    satisfied: "true",
    rating_quality: "5",
    rating_speed: "",
    rating_attitude: "",
    signed: "",
    comment: "",
    ...cells,
  });

  beforeAll(async () => {
    app = createApp({ prisma: t.prisma, clock: () => NOW });
    exec = await signIn(app, "exec");
    households = (
      await q(`SELECT h.code FROM households h JOIN estates e ON e.id = h.estate_id WHERE e.code = 'LX'
        AND NOT EXISTS (SELECT 1 FROM complaints c WHERE c.household_id = h.id) ORDER BY h.code LIMIT 8`)
    ).map((h) => h.code as string);
    [{ path }] = await q(
      `SELECT p.name || '/' || c.name AS path FROM categories c JOIN categories p ON p.id = c.parent_id WHERE c.level = 2 AND c.active AND p.active ORDER BY p.sort_order, c.sort_order LIMIT 1`,
    );
    [{ name: department }] = await q(`SELECT name FROM departments WHERE code = 'ENG'`);
  });

  it("§13: every bad row and column is named, in Chinese or in English as the importer reads, with the same codes; no protected value in either", async () => {
    const rows = [
      complaint("MSG-1", households[0]!, { phone: "12345" }),
      complaint("MSG-2", households[1]!, { received_at: "2026-13-40 25:00" }),
      complaint("MSG-3", households[2]!, { estate_code: "NOPE" }),
      complaint("MSG-4", households[3]!, { valid: "perhaps", content: "机密内容不得出现" }),
      complaint("MSG-5", households[4]!, { confirmed_at: sh(at(0.5)) }),
    ];
    const answer = async (language: string) => {
      const r = await postFileIn<{
        importFile: { __typename: string; problems: { line: number; column: string; field: string; code: string; reason: string }[] };
      }>(app, exec, language, PROBLEMS, { kind: "COMPLAINTS" }, csv(rows), "complaints.csv");
      expect(r.data?.importFile.__typename, JSON.stringify(r)).toBe("ImportRejected");
      return r.data!.importFile.problems;
    };
    const zh = await answer("zh-CN");
    const en = await answer("en");
    const where = (list: typeof zh) => list.map((p) => [p.line, p.field, p.code]);
    expect(where(en)).toEqual([
      [2, "phone", "IMPORT_BAD_PHONE"],
      [3, "received_at", "IMPORT_CELL_TIMESTAMP"],
      [4, "estate_code", "IMPORT_NO_ESTATE"],
      [5, "valid", "IMPORT_CELL_BOOL"],
      [6, "confirmed_at", "IMPORT_CONFIRMED_BEFORE_RESOLVED"],
    ]);
    expect(where(zh)).toEqual(where(en));
    expect(en.map((p) => p.reason)).toEqual([
      expect.stringMatching(/^phone is not a valid phone number/),
      expect.stringMatching(/^received_at is not an ISO 8601 timestamp/),
      "No estate with this code in your estates",
      expect.stringMatching(/^valid must be true\/false/),
      expect.stringMatching(/^confirmed_at is before resolved_at/),
    ]);
    expect(zh.map((p) => p.reason)).toEqual([
      expect.stringMatching(/^phone 不是有效的电话号码/),
      expect.stringMatching(/^received_at 不是 ISO 8601 时间/),
      "您所辖项目中没有此编号的项目",
      expect.stringMatching(/^valid 须为/),
      expect.stringMatching(/^confirmed_at 早于 resolved_at/),
    ]);
    for (const p of zh) expect(p.reason, p.code).toMatch(/[\u4e00-\u9fff]/);
    // SEC-7: neither language quotes the cells (a phone, case content).
    for (const text of [JSON.stringify(zh), JSON.stringify(en)])
      for (const secret of ["12345", "13900003333", "机密内容"]) expect(text).not.toContain(secret);
    // The file as a whole: a missing column, in the reader's language.
    const { complaint_no: _, ...noNumber } = rows[0]!;
    const header = await postFileIn<{ importFile: { problems: { code: string; reason: string }[] } }>(
      app,
      exec,
      "zh-CN",
      PROBLEMS,
      { kind: "COMPLAINTS" },
      csv([noNumber]),
      "complaints.csv",
    );
    expect(header.data!.importFile.problems).toEqual([
      { line: 1, column: "complaint_no", field: null, code: "IMPORT_COLUMN_MISSING", reason: "缺少必需的列 complaint_no（投诉编号）" },
    ]);
  });

  it("CB-1: an imported confirmed complaint gets the callback the app plans (CB-2 owner, SLA-10/11 due date); callbacks.csv fills it, re-import unchanged", async () => {
    const rows = [
      complaint("CB1-1", households[0]!),
      complaint("CB1-2", households[1]!, { kind: "engineering" }),
      complaint("CB1-3", "", { location: "3栋大堂", anonymous: "是", complainant_name: "", phone: "" }),
      complaint("CB1-4", households[2]!, { resolved_at: "", confirmed_at: "" }),
      // REC-3, CB-11: the same repair at the same household within 30 days is called back in person.
      complaint("CB1-5", households[1]!, {
        kind: "engineering",
        received_at: sh(at(5)),
        assigned_at: sh(at(5.1)),
        resolved_at: sh(at(6)),
        confirmed_at: sh(at(6.5)),
      }),
    ];
    expect(await complaints(exec, csv(rows))).toMatchObject({ __typename: "MutationImportFileSuccess", data: { created: 5 } });
    const planned = async () =>
      q(`SELECT c.no AS complaint, b.kind::text, b.method::text, b.status::text, b.due_at, b.assigned_to_id IS NOT NULL AS owned, b.sequence, b.no LIKE 'HF%' AS numbered
      FROM callbacks b JOIN complaints c ON c.id = b.complaint_id WHERE c.no LIKE 'CB1-%' ORDER BY c.no, b.sequence`);
    // SLA-10: 3 days after the confirmation; SLA-11 (a repair): 7 days after completion. None for the anonymous one (CB-8) or the open one.
    expect(await planned()).toEqual([
      {
        complaint: "CB1-1",
        kind: "COMPLAINT",
        method: null,
        status: "PLANNED",
        due_at: new Date(at(1.5).getTime() + 3 * DAY),
        owned: true,
        sequence: 1,
        numbered: true,
      },
      {
        complaint: "CB1-2",
        kind: "REPAIR",
        method: null,
        status: "PLANNED",
        due_at: new Date(at(1).getTime() + 7 * DAY),
        owned: true,
        sequence: 1,
        numbered: true,
      },
      {
        complaint: "CB1-5",
        kind: "REPAIR",
        method: "IN_PERSON",
        status: "PLANNED",
        due_at: new Date(at(6).getTime() + 7 * DAY),
        owned: true,
        sequence: 1,
        numbered: true,
      },
    ]);
    // The callbacks the history records: the planned ones are filled, not doubled; the complaint is verified (CB-6).
    const file = csv([
      callback("HIST-1", "CB1-1"),
      callback("HIST-2", "CB1-2", { kind: "repair", reached: "false", satisfied: "", rating_quality: "" }),
      callback("HIST-3", "CB1-2", { kind: "repair", called_at: sh(at(3)) }),
    ]);
    expect(await callbacks(exec, file)).toMatchObject({ __typename: "MutationImportFileSuccess", data: { created: 3 } });
    expect(
      await q(`SELECT c.no AS complaint, b.no, b.kind::text, b.status::text, b.sequence, b.due_at IS NOT NULL AS due FROM callbacks b JOIN complaints c ON c.id = b.complaint_id
      WHERE c.no LIKE 'CB1-%' ORDER BY c.no, b.sequence`),
    ).toEqual([
      { complaint: "CB1-1", no: "HIST-1", kind: "COMPLAINT", status: "DONE", sequence: 1, due: true },
      { complaint: "CB1-2", no: "HIST-2", kind: "REPAIR", status: "NOT_REACHED", sequence: 1, due: true },
      { complaint: "CB1-2", no: "HIST-3", kind: "REPAIR", status: "DONE", sequence: 2, due: false },
      { complaint: "CB1-5", no: expect.stringMatching(/^HF\d{9}$/), kind: "REPAIR", status: "PLANNED", sequence: 1, due: true },
    ]);
    expect(await q(`SELECT no, status::text FROM complaints WHERE no IN ('CB1-1', 'CB1-2') ORDER BY no`)).toEqual([
      { no: "CB1-1", status: "VERIFIED" },
      { no: "CB1-2", status: "VERIFIED" },
    ]);
    expect(await callbacks(exec, file)).toMatchObject({ __typename: "MutationImportFileSuccess", data: { created: 0, unchanged: 3 } });
    expect(await complaints(exec, csv(rows))).toMatchObject({ __typename: "MutationImportFileSuccess", data: { created: 0 } });
    expect(
      await q(`SELECT count(*)::int AS n FROM callbacks b JOIN complaints c ON c.id = b.complaint_id WHERE c.no LIKE 'CB1-%'`),
    ).toEqual([{ n: 4 }]);
  });

  it("issue 17 item 4: a callback by staff without an account keeps the name as written; a login or a unique name links the account", async () => {
    expect(await complaints(exec, csv([complaint("CB2-1", households[3]!), complaint("CB2-2", households[4]!)]))).toMatchObject({
      data: { created: 2 },
    });
    const [{ display_name: execName }] = await q(`SELECT display_name FROM staff WHERE login = 'exec'`);
    const file = csv([callback("OLD-1", "CB2-1", { staff: "王师傅（已离职）" }), callback("OLD-2", "CB2-2", { staff: execName })]);
    expect(await callbacks(exec, file)).toMatchObject({ __typename: "MutationImportFileSuccess", data: { created: 2 } });
    const stored = await q(
      `SELECT b.no, b.caller_name, s.login FROM callbacks b LEFT JOIN staff s ON s.id = b.staff_id WHERE b.no IN ('OLD-1', 'OLD-2') ORDER BY b.no`,
    );
    expect(stored).toEqual([
      { no: "OLD-1", caller_name: "王师傅（已离职）", login: null },
      { no: "OLD-2", caller_name: null, login: "exec" },
    ]);
    // The API shows the name where it shows who called back.
    const [{ id }] = await q(`SELECT id FROM callbacks WHERE no = 'OLD-1'`);
    const r = await gql<{ node: { staff: unknown; callerName: string } }>(
      app,
      `query($id: ID!) { node(id: $id) { ... on Callback { staff { login } callerName } } }`,
      { id: globalId("Callback", id) },
      exec,
    );
    expect(r.data?.node, JSON.stringify(r)).toEqual({ staff: null, callerName: "王师傅（已离职）" });
    expect(await callbacks(exec, file)).toMatchObject({ __typename: "MutationImportFileSuccess", data: { created: 0, unchanged: 2 } });
  });
});
