import { FIXED_DEMO_NOW } from "@tingjian/prisma";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "@tingjian/server";
import { useTestDatabase } from "@tingjian/prisma/testing";
import { writeSheet } from "../../server/src/interchange/sheets.ts";
import { syncSlaStages } from "../../server/src/services/complaints/sla-stages.ts";
import { importAsOperator } from "../../server/src/interchange/operator.ts";
import { gql, globalId, postFile, signIn, type Caller } from "./graphql.ts";

/**
 * SPEC §13 and shared/interchange/README.md: spreadsheets in, all or nothing with every bad row
 * reported (line, column, reason); re-importing changes nothing; CSV and XLSX, English and Chinese
 * headers, with or without BOM, read alike; exports in the same layout import again unchanged;
 * exports mask personal data without an approval and are logged (SEC-3, SEC-7). Uploads go over
 * graphql-yoga's multipart request, as a browser sends them.
 */
const IMPORT = `mutation($input: ImportFileInput!) { importFile(input: $input) {
  __typename ... on Error { message } ... on InputError { field }
  ... on ImportRejected { jobId problemCount rowsWithProblems problems { line column field reason } }
  ... on MutationImportFileSuccess { data { jobId kind dryRun totalRows created updated unchanged ignoredColumns rowsPerSecond } } } }`;
const EXPORT = `query($input: ExportFileInput!) { exportFile(input: $input) { fileName mimeType rowCount rawFields contentBase64 } }`;

interface Imported {
  __typename: string;
  message?: string;
  field?: string;
  jobId?: string;
  problemCount?: number;
  rowsWithProblems?: number;
  problems?: { line: number; column: string; field: string | null; reason: string }[];
  data?: {
    jobId: string;
    totalRows: number;
    created: number;
    updated: number;
    unchanged: number;
    dryRun: boolean;
    ignoredColumns: string[];
    rowsPerSecond: number;
  };
}
type Cells = Record<string, string>;

/** The server's fixed clock: the instant the demo template's history ends. */
const NOW = FIXED_DEMO_NOW;
const DAY = 86_400_000;
const MINUTE = 60_000;
/** An instant written as the estate's local time with its offset (Asia/Shanghai, +08:00). */
const sh = (at: Date) => `${new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;

function csv(rows: Cells[], headers = Object.keys(rows[0]!)): string {
  const cell = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [headers.join(","), ...rows.map((r) => headers.map((h) => cell(r[h] ?? "")).join(","))].join("\r\n") + "\r\n";
}

describe("interchange: import and export (SPEC §13)", () => {
  const t = useTestDatabase("demo");
  let app: App;
  let exec: Caller, manager: Caller, frontdesk: Caller, analyst: Caller;
  const q = (sql: string, params: unknown[] = []) => t.db.pool.query(sql, params).then((r) => r.rows);
  let households: string[] = [];
  let lx = "";

  /** graphql-yoga's multipart request (GraphQL multipart request spec), as a browser sends it. */
  async function upload(
    caller: Caller,
    kind: string,
    content: string | Uint8Array,
    fileName = "file.csv",
    extra: Record<string, unknown> = {},
  ): Promise<Imported> {
    const body = await postFile<{ importFile: Imported }>(app, caller, IMPORT, { kind, ...extra }, content, fileName);
    if (body.errors) return { __typename: `GraphQLError:${body.errors[0]!.extensions?.code}`, message: body.errors[0]!.message };
    return body.data!.importFile;
  }
  const ok = async (...args: Parameters<typeof upload>) => {
    const r = await upload(...args);
    if (r.__typename !== "MutationImportFileSuccess") throw new Error(`import refused: ${JSON.stringify(r).slice(0, 2000)}`);
    return r.data!;
  };
  async function exportFile(caller: Caller, input: Record<string, unknown>) {
    const r = await gql<{
      exportFile: { fileName: string; mimeType: string; rowCount: number; rawFields: string[]; contentBase64: string };
    }>(app, EXPORT, { input: { purpose: "测试导出", ...input } }, caller);
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return { ...r.data!.exportFile, bytes: Buffer.from(r.data!.exportFile.contentBase64, "base64") };
  }

  /** complaints.csv rows: mostly closed history, some open, a few anonymous and duplicates (INT-4). */
  function complaintRows(n: number, prefix: string, start: Date, openEvery = 20): Cells[] {
    const rows: Cells[] = [];
    for (let i = 0; i < n; i++) {
      const received = new Date(start.getTime() + i * 7 * MINUTE);
      const at = (minutes: number) => sh(new Date(received.getTime() + minutes * MINUTE));
      const anonymous = i % 40 === 7;
      const row: Cells = {
        complaint_no: `${prefix}${String(i).padStart(6, "0")}`,
        estate_code: "LX",
        household_code: anonymous ? "" : households[i % households.length]!,
        location: anonymous ? "3栋电梯" : "",
        channel: ["phone", "visit", "web", "letter"][i % 4]!,
        received_at: i % 10 === 3 ? sh(received).slice(0, 19) : sh(received),
        anonymous: anonymous ? "是" : "否",
        complainant_name: anonymous ? "" : `业主${i % 97}`,
        phone: anonymous ? "" : `138${String(10_000_000 + i).slice(-8)}`,
        kind: "engineering",
        category: "工程维修/漏水",
        severity: i % 100 === 5 ? "major" : "general",
        valid: "true",
        content: `卫生间漏水 #${i}`,
        department: "工程部",
        assigned_at: at(60),
        promised_at: at(3 * 24 * 60),
        resolved_at: at(2 * 24 * 60),
        confirmed_at: at(2 * 24 * 60 + 120),
        duplicate_of: "",
        classification: "secret",
      };
      if (i % openEvery === 11) Object.assign(row, { resolved_at: "", confirmed_at: "", promised_at: "" });
      if (i % 30 === 17)
        Object.assign(row, {
          valid: "false",
          kind: "",
          category: "",
          department: "",
          assigned_at: "",
          promised_at: "",
          resolved_at: "",
          confirmed_at: "",
        });
      if (i % 50 === 49 && !anonymous)
        Object.assign(row, {
          duplicate_of:
            rows[i - 1]!.duplicate_of || rows[i - 1]!.anonymous === "是" ? rows[i - 2]!.complaint_no : rows[i - 1]!.complaint_no,
        });
      rows.push(row);
    }
    return rows;
  }
  const snapshot = async (prefix: string) =>
    (
      await q(
        `
    SELECT count(DISTINCT c.id)::int AS complaints, coalesce(sum(DISTINCT c.version), 0)::int AS versions,
           (SELECT count(*)::int FROM complaint_events e JOIN complaints k ON k.id = e.complaint_id WHERE k.no LIKE $1) AS events,
           (SELECT count(*)::int FROM sla_stages s JOIN complaints k ON k.id = s.complaint_id WHERE k.no LIKE $1) AS stages,
           (SELECT coalesce(sum(s.version), 0)::int FROM sla_stages s JOIN complaints k ON k.id = s.complaint_id WHERE k.no LIKE $1) AS stageVersions,
           (SELECT count(*)::int FROM complaint_escalations x JOIN complaints k ON k.id = x.complaint_id WHERE k.no LIKE $1) AS escalations,
           (SELECT max(c2.updated_at) FROM complaints c2 WHERE c2.no LIKE $1) AS updated
      FROM complaints c WHERE c.no LIKE $1`,
        [`${prefix}%`],
      )
    )[0];

  beforeAll(async () => {
    app = createApp({ prisma: t.prisma, clock: () => NOW });
    [exec, manager, frontdesk, analyst] = [
      await signIn(app, "exec"),
      await signIn(app, "manager"),
      await signIn(app, "frontdesk.lx"),
      await signIn(app, "analyst"),
    ];
    [{ id: lx }] = await q(`SELECT id FROM estates WHERE code = 'LX'`);
    households = (await q(`SELECT code FROM households WHERE estate_id = $1 ORDER BY code`, [lx])).map((r) => r.code);
  });

  it("(a) 3 bad rows among 1,000: nothing is written, and exactly those 3 rows are reported with line, column and reason", async () => {
    const rows = complaintRows(1000, "A-", new Date(NOW.getTime() - 400 * DAY));
    rows[99]!.phone = "12345";
    rows[500]!.received_at = "2026-13-40 25:00";
    rows[898]!.category = "工程维修/不存在的类别";
    const before = await q(
      `SELECT (SELECT count(*)::int FROM complaints) AS c, (SELECT count(*)::int FROM complaint_events) AS e, (SELECT count(*)::int FROM sla_stages) AS s`,
    );
    const r = await upload(frontdesk, "COMPLAINTS", csv(rows), "complaints.csv");
    expect(r.__typename).toBe("ImportRejected");
    expect(r.problems).toEqual([
      { line: 101, column: "phone", field: "phone", reason: expect.stringMatching(/^phone is not a valid phone number/) },
      {
        line: 502,
        column: "received_at",
        field: "received_at",
        reason: expect.stringMatching(/^received_at is not an ISO 8601 timestamp/),
      },
      { line: 900, column: "category", field: "category", reason: expect.stringMatching(/^No active second-level category/) },
    ]);
    expect({ problemCount: r.problemCount, rowsWithProblems: r.rowsWithProblems }).toEqual({ problemCount: 3, rowsWithProblems: 3 });
    // SEC-7: a reason never quotes the cell.
    expect(JSON.stringify(r.problems)).not.toContain("12345");
    expect(
      await q(
        `SELECT (SELECT count(*)::int FROM complaints) AS c, (SELECT count(*)::int FROM complaint_events) AS e, (SELECT count(*)::int FROM sla_stages) AS s`,
      ),
    ).toEqual(before);
    expect(await q(`SELECT count(*)::int AS n FROM complaints WHERE no LIKE 'A-%'`)).toEqual([{ n: 0 }]);
  });

  it("(b) a good file imported twice leaves the same data: the second import finds every row unchanged", async () => {
    const file = csv(complaintRows(1000, "B-", new Date(NOW.getTime() - 400 * DAY)));
    const first = await ok(frontdesk, "COMPLAINTS", file, "complaints.csv");
    expect(first).toMatchObject({ totalRows: 1000, created: 1000, updated: 0, unchanged: 0, dryRun: false });
    const after = await snapshot("B-");
    const second = await ok(frontdesk, "COMPLAINTS", file, "complaints.csv");
    expect(second).toMatchObject({ totalRows: 1000, created: 0, updated: 0, unchanged: 1000 });
    expect(await snapshot("B-")).toEqual(after);
    // The history the file records, on the timeline and as the workflow leaves it.
    const [closed] = await q(
      `SELECT id, status, classified_at, confirmed_at, lead_department_id IS NOT NULL AS lead, (SELECT array_agg(kind::text ORDER BY at, id) FROM complaint_events WHERE complaint_id = c.id) AS kinds FROM complaints c WHERE no = 'B-000000'`,
    );
    expect(closed).toMatchObject({
      status: "CONFIRMED",
      lead: true,
      kinds: [
        "REGISTERED",
        "TRANSITION",
        "CLASSIFIED",
        "TRANSITION",
        "ASSIGNED",
        "PROMISE_RECORDED",
        "TRANSITION",
        "TRANSITION",
        "CONFIRMED",
        "CALLBACK",
      ],
    });
    // CB-1: the confirmed complaint's callback is planned, as confirmComplaintResolution plans it.
    expect(
      await q(`SELECT status::text, kind::text, due_at IS NOT NULL AS due FROM callbacks WHERE complaint_id = $1`, [closed.id]),
    ).toEqual([{ status: "PLANNED", kind: "REPAIR", due: true }]);
    expect(await q(`SELECT status, count(*)::int AS n FROM complaints WHERE no LIKE 'B-%' GROUP BY status ORDER BY status`)).toEqual(
      expect.arrayContaining([
        { status: "CONFIRMED", n: expect.any(Number) },
        { status: "INVALID", n: expect.any(Number) },
        { status: "ASSIGNED", n: expect.any(Number) },
      ]),
    );
    // INT-4: duplicates link to their first report and run no clock.
    const dup = await q(
      `SELECT d.no, f.no AS first, (SELECT count(*)::int FROM sla_stages s WHERE s.complaint_id = d.id) AS stages FROM complaints d JOIN complaints f ON f.id = d.duplicate_of_id WHERE d.no LIKE 'B-%' ORDER BY d.no LIMIT 1`,
    );
    expect(dup).toEqual([{ no: "B-000049", first: "B-000048", stages: 0 }]);
    // SPEC §6: the stages are there, and syncSlaStages (the app's own re-plan) finds nothing to change.
    const sample = await q(`SELECT id FROM complaints WHERE no LIKE 'B-%' ORDER BY no LIMIT 60`);
    const stages = async () =>
      q(
        `SELECT s.id, s.rule, s.stage, s.round, s.status, s.deadline_at, s.finished_at, s.breached, s.version FROM sla_stages s WHERE s.complaint_id = ANY($1) ORDER BY s.id`,
        [sample.map((s) => s.id)],
      );
    const planned = await stages();
    expect(planned.length).toBeGreaterThan(100);
    for (const { id } of sample) await t.prisma.$transaction((tx) => syncSlaStages(tx, id, NOW));
    expect(await stages()).toEqual(planned);
  });

  it("(c) CSV and XLSX of the same content give the same result; Chinese headers, any column order and a BOM are accepted", async () => {
    const headers = [
      "车牌号",
      "房号编码",
      " 项目编号 ",
      "楼栋",
      "单元",
      "房号",
      "是否常住",
      "业主姓名",
      "客户类型",
      "联系电话",
      "身份证号",
      "备注",
    ];
    const rows = Array.from({ length: 30 }, (_, i) => [
      i % 3 === 0 ? "沪A1234;沪B5678" : "",
      `LX-T-${i}`,
      "LX",
      "9栋",
      "1单元",
      String(1000 + i),
      i % 5 === 0 ? "否" : "是",
      `测试业主${i}`,
      i % 4 === 0 ? "tenant" : "owner",
      `1390000${String(1000 + i)}`,
      i % 2 === 0 ? `31010119800101${String(1000 + i)}` : "",
      "ignored",
    ]);
    const text = "\uFEFF" + [headers.join(","), ...rows.map((r) => r.join(","))].join("\n") + "\n";
    const xlsx = await writeSheet("XLSX", "户", headers, rows);
    const dryCsv = await ok(exec, "HOUSEHOLDS", text, "households.csv", { dryRun: true });
    const dryXlsx = await ok(exec, "HOUSEHOLDS", xlsx, "households.xlsx", { dryRun: true });
    expect(dryCsv).toMatchObject({ dryRun: true, created: 30, updated: 0, unchanged: 0, ignoredColumns: ["备注"] });
    expect({ ...dryXlsx, jobId: "", rowsPerSecond: 0 }).toEqual({ ...dryCsv, jobId: "", rowsPerSecond: 0 });
    expect(await q(`SELECT count(*)::int AS n FROM households WHERE code LIKE 'LX-T-%'`)).toEqual([{ n: 0 }]);
    // The same problems, at the same lines, from either format.
    const bad = rows.map((r, i) => (i === 4 ? r.map((v, j) => (j === 9 ? "555" : v)) : r));
    const badCsv = await upload(exec, "HOUSEHOLDS", [headers.join(","), ...bad.map((r) => r.join(","))].join("\n"), "bad.csv");
    const badXlsx = await upload(exec, "HOUSEHOLDS", await writeSheet("XLSX", "户", headers, bad), "bad.xlsx");
    expect(badCsv.problems).toEqual([
      { line: 6, column: "联系电话", field: "phone", reason: expect.stringMatching(/^phone is not a valid phone number/) },
    ]);
    expect(badXlsx.problems).toEqual(badCsv.problems);
    expect(await ok(exec, "HOUSEHOLDS", text, "households.csv")).toMatchObject({ created: 30 });
    expect(await ok(exec, "HOUSEHOLDS", xlsx, "households.xlsx")).toMatchObject({ created: 0, updated: 0, unchanged: 30 });
    expect(
      await q(`SELECT h.occupied, b.name AS building, u.name AS unit, c.name, c.kind, c.phone, c.id_number, c.plates, m.is_primary FROM households h JOIN buildings b ON b.id = h.building_id
      JOIN units u ON u.id = h.unit_id JOIN household_members m ON m.household_id = h.id JOIN customers c ON c.id = m.customer_id WHERE h.code = 'LX-T-0'`),
    ).toEqual([
      {
        occupied: false,
        building: "9栋",
        unit: "1单元",
        name: "测试业主0",
        kind: "TENANT",
        phone: "13900001000",
        id_number: "310101198001011000",
        plates: ["沪A1234", "沪B5678"],
        is_primary: true,
      },
    ]);
  });

  it("SEC-6: a changed archive is amended with a version and a revision, only by someone entitled to the fields", async () => {
    const base: Cells = {
      household_code: "LX-T-1",
      estate_code: "LX",
      building: "9栋",
      unit: "1单元",
      room: "1001",
      customer_name: "测试业主1",
      phone: "13900001001",
    };
    const changedPhone = await ok(frontdesk, "HOUSEHOLDS", csv([{ ...base, phone: "13900009999" }]), "fix.csv");
    expect(changedPhone).toMatchObject({ updated: 1, created: 0 });
    const [c] = await q(
      `SELECT c.id, c.phone, c.version FROM customers c JOIN household_members m ON m.customer_id = c.id JOIN households h ON h.id = m.household_id WHERE h.code = 'LX-T-1'`,
    );
    expect(c).toMatchObject({ phone: "13900009999", version: 1 });
    expect(await q(`SELECT fields, before, after, record_version FROM record_revisions WHERE record_id = $1`, [c.id])).toEqual([
      { fields: ["phone"], before: { phone: "13900001001" }, after: { phone: "13900009999" }, record_version: 1 },
    ]);
    // SEC-3: the ID number is part of the owner archive: the front desk needs an approved READ_ARCHIVE grant.
    const archive = await upload(
      frontdesk,
      "HOUSEHOLDS",
      csv([{ ...base, phone: "13900009999", id_number: "310101198001019999" }]),
      "fix.csv",
    );
    expect(archive).toMatchObject({
      __typename: "ImportRejected",
      problems: [{ line: 2, column: "id_number", reason: expect.stringContaining("READ_ARCHIVE") }],
    });
    expect(JSON.stringify(archive)).not.toContain("310101198001019999");
    expect(
      await ok(exec, "HOUSEHOLDS", csv([{ ...base, phone: "13900009999", id_number: "310101198001019999" }]), "fix.csv"),
    ).toMatchObject({ updated: 1 });
    // §2: another estate's household is not the front desk's to import.
    const jh = await upload(frontdesk, "HOUSEHOLDS", csv([{ ...base, household_code: "JH-T-1", estate_code: "JH" }]), "jh.csv");
    expect(jh.problems).toEqual([
      { line: 2, column: "estate_code", field: "estate_code", reason: "No estate with this code in your estates" },
    ]);
  });

  it("callbacks: recorded on the complaint's timeline, a satisfied one verifies it (CB-6), CB-5 enforced; re-import unchanged", async () => {
    const confirmed = await q(`SELECT no, confirmed_at FROM complaints WHERE no LIKE 'B-%' AND status = 'CONFIRMED' ORDER BY no LIMIT 3`);
    const rows: Cells[] = confirmed.map((c, i) => ({
      callback_no: `CB-T-${i}`,
      complaint_no: c.no,
      kind: "repair",
      method: i === 0 ? "in_person" : "phone",
      called_at: sh(new Date(c.confirmed_at.getTime() + DAY)),
      staff: "assistant.lx",
      reached: "是",
      satisfied: i === 2 ? "否" : "是",
      rating_quality: "5",
      rating_speed: "4",
      rating_attitude: "",
      signed: i === 0 ? "" : "",
      comment: "维修及时",
    }));
    const refused = await upload(frontdesk, "CALLBACKS", csv(rows), "callbacks.csv");
    expect(refused.problems).toEqual([{ line: 2, column: "signed", field: "signed", reason: expect.stringContaining("CB-5") }]);
    rows[0]!.signed = "true";
    expect(await ok(frontdesk, "CALLBACKS", csv(rows), "callbacks.csv")).toMatchObject({ created: 3 });
    const after = await q(
      `SELECT c.no, c.status, c.version, (SELECT count(*)::int FROM sla_stages s WHERE s.complaint_id = c.id AND s.rule = 'SLA_11' AND s.status = 'MET') AS met,
      (SELECT count(*)::int FROM callback_ratings r JOIN callbacks b ON b.id = r.callback_id WHERE b.complaint_id = c.id) AS ratings FROM complaints c WHERE c.no = ANY($1) ORDER BY c.no`,
      [confirmed.map((c) => c.no)],
    );
    // SLA-11: a callback that reached the customer completes the round, satisfied or not (CB-6).
    expect(after.map((c) => [c.status, c.met, c.ratings])).toEqual([
      ["VERIFIED", 1, 2],
      ["VERIFIED", 1, 2],
      ["CONFIRMED", 1, 2],
    ]);
    expect(await ok(frontdesk, "CALLBACKS", csv(rows), "callbacks.csv")).toMatchObject({ created: 0, unchanged: 3 });
    expect(
      await q(`SELECT c.status, c.version FROM complaints c WHERE c.no = ANY($1) ORDER BY c.no`, [confirmed.map((c) => c.no)]),
    ).toEqual(after.map((c) => ({ status: c.status, version: c.version })));
  });

  it("survey responses: a questionnaire per campaign and household, checked per dimension (SUR-6); re-import unchanged", async () => {
    const [campaign] = await q(
      `SELECT c.id, c.code, c.starts_at FROM survey_campaigns c WHERE c.status = 'RUNNING' ORDER BY c.starts_at DESC LIMIT 1`,
    );
    const dims = (
      await q(
        `SELECT d.code FROM questionnaire_dimensions d JOIN survey_campaigns c ON c.questionnaire_id = d.questionnaire_id WHERE c.id = $1 ORDER BY d.sort_order`,
        [campaign.id],
      )
    ).map((d) => d.code);
    // SUR-2 (issue 16): the import hands questionnaires out only to the campaign's drawn sample; two households of LX join it, as drawSurveySample would have drawn them.
    const free = (
      await q(
        `SELECT h.id, h.code FROM households h WHERE h.estate_id = $1 AND NOT EXISTS (SELECT 1 FROM survey_handouts x WHERE x.household_id = h.id AND x.campaign_id = $2)
      AND NOT EXISTS (SELECT 1 FROM survey_sample_members m WHERE m.household_id = h.id AND m.campaign_id = $2) ORDER BY h.code LIMIT 2`,
        [lx, campaign.id],
      )
    ).map((h) => h.code);
    for (const code of free) {
      await q(
        `INSERT INTO survey_sample_members (organization_id, sample_id, campaign_id, estate_id, household_id, reason)
        SELECT s.organization_id, s.id, s.campaign_id, h.estate_id, h.id, 'RANDOM' FROM survey_samples s, households h WHERE s.campaign_id = $1 AND h.code = $2 ORDER BY s.created_at LIMIT 1`,
        [campaign.id, code],
      );
    }
    const handedOut = sh(new Date(campaign.starts_at.getTime() + 3_600_000));
    const returned = sh(new Date(campaign.starts_at.getTime() + 2 * 3_600_000));
    const rows: Cells[] = [
      ...dims.map((d: string, i: number) => ({
        campaign_code: campaign.code,
        household_code: free[0]!,
        handed_out_at: handedOut,
        returned_at: returned,
        dimension: d,
        rating: i === 1 ? "NA" : String(5 - (i % 3)),
        comment: i === 0 ? "总体满意" : "",
      })),
      {
        campaign_code: campaign.code,
        household_code: free[1]!,
        handed_out_at: handedOut,
        returned_at: "",
        dimension: dims[0]!,
        rating: "",
        comment: "",
      },
    ];
    const bad = await upload(frontdesk, "SURVEY_RESPONSES", csv([{ ...rows[0]!, rating: "7" }, ...rows.slice(1)]), "survey.csv");
    expect(bad.problems).toEqual([{ line: 2, column: "rating", field: "rating", reason: expect.stringContaining("1 to 5") }]);
    expect(await ok(frontdesk, "SURVEY_RESPONSES", csv(rows), "survey.csv")).toMatchObject({ created: rows.length });
    expect(
      await q(
        `SELECT h.returned_at IS NOT NULL AS returned, count(r.id)::int AS answers FROM survey_handouts h JOIN households hh ON hh.id = h.household_id LEFT JOIN survey_responses r ON r.handout_id = h.id
      WHERE h.campaign_id = $1 AND hh.code = ANY($2) GROUP BY h.id, h.returned_at ORDER BY answers DESC`,
        [campaign.id, free],
      ),
    ).toEqual([
      { returned: true, answers: dims.length },
      { returned: false, answers: 0 },
    ]);
    expect(await ok(frontdesk, "SURVEY_RESPONSES", csv(rows), "survey.csv")).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: rows.length,
    });
  });

  it("(d) export → re-import: every file of an estate comes back unchanged (CSV and XLSX)", async () => {
    const approval = await approvedExport(manager);
    for (const kind of ["ESTATES", "HOUSEHOLDS", "COMPLAINTS", "CALLBACKS", "SURVEY_RESPONSES"]) {
      for (const format of ["CSV", "XLSX"]) {
        const file = await exportFile(manager, {
          kind,
          format,
          estateId: globalId("Estate", lx),
          approvalId: approval,
          chineseHeaders: format === "XLSX",
        });
        expect(file.rowCount, kind).toBeGreaterThan(0);
        // Issue 15 item 7: archive cells (ID number, plates) are compared only for an importer who
        // may read the archive; the manager saw them through the export approval, not a read grant.
        const again = await ok(kind === "HOUSEHOLDS" ? exec : manager, kind, file.bytes, file.fileName);
        expect(again, `${kind} ${format}`).toMatchObject({ totalRows: file.rowCount, created: 0, updated: 0, unchanged: file.rowCount });
      }
    }
  });

  it("(e) an export without an approval masks personal data, with one it does not; both are logged (SEC-3, SEC-7)", async () => {
    const [raw] = await q(
      `SELECT c.phone, c.name FROM customers c JOIN household_members m ON m.customer_id = c.id AND m.is_primary JOIN households h ON h.id = m.household_id WHERE h.code = 'LX-T-2'`,
    );
    const purpose = "测试导出 (e)";
    const masked = await exportFile(analyst, { kind: "HOUSEHOLDS", format: "CSV", estateId: globalId("Estate", lx), purpose });
    const text = masked.bytes.toString("utf8");
    expect(masked.rawFields).toEqual([]);
    expect(
      text.startsWith("\uFEFFhousehold_code,estate_code,building,unit,room,occupied,customer_name,customer_kind,phone,id_number,plates"),
    ).toBe(true);
    const line = text.split("\r\n").find((l) => l.startsWith("LX-T-2,"))!;
    expect(line).toContain(`${raw.phone.slice(0, 3)}****${raw.phone.slice(-4)}`);
    expect(text).not.toContain(raw.phone);
    expect(text).not.toContain(raw.name);
    const approval = await approvedExport(manager);
    const open = await exportFile(manager, {
      kind: "HOUSEHOLDS",
      format: "CSV",
      estateId: globalId("Estate", lx),
      approvalId: approval,
      purpose,
    });
    expect(open.rawFields).toEqual(expect.arrayContaining(["name", "phone"]));
    expect(open.bytes.toString("utf8")).toContain(`,${raw.name},owner,${raw.phone},`);
    const complaints = await exportFile(analyst, { kind: "COMPLAINTS", format: "XLSX", estateId: globalId("Estate", lx), purpose });
    expect(complaints.rawFields).toEqual([]);
    expect(complaints.mimeType).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const logs = await q(
      `SELECT s.login, l.action::text, l.record_type::text, l.export, l.row_count, l.fields, l.approval_id IS NOT NULL AS approved, l.purpose FROM access_logs l JOIN staff s ON s.id = l.staff_id
      WHERE l.export AND l.purpose = $1 ORDER BY l.at`,
      [purpose],
    );
    expect(logs).toEqual([
      {
        login: "analyst",
        action: "EXPORT",
        record_type: "CUSTOMER",
        export: true,
        row_count: masked.rowCount,
        fields: [],
        approved: false,
        purpose,
      },
      {
        login: "manager",
        action: "EXPORT",
        record_type: "CUSTOMER",
        export: true,
        row_count: open.rowCount,
        fields: expect.arrayContaining(["name", "phone"]),
        approved: true,
        purpose,
      },
      {
        login: "analyst",
        action: "EXPORT",
        record_type: "COMPLAINT",
        export: true,
        row_count: complaints.rowCount,
        fields: [],
        approved: false,
        purpose,
      },
    ]);
    // §2: an estate outside the caller's scope is not there to export.
    const other = await gql(
      app,
      EXPORT,
      {
        input: {
          kind: "COMPLAINTS",
          format: "CSV",
          estateId: globalId("Estate", (await q(`SELECT id FROM estates WHERE code = 'JH'`))[0].id),
          purpose: "x",
        },
      },
      frontdesk,
    );
    expect(other.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });

  it("(f) the upload mutation over multipart: permissions, the job's progress, and no file no import", async () => {
    const forbidden = await upload(analyst, "COMPLAINTS", "complaint_no\n", "x.csv");
    expect(forbidden).toMatchObject({ __typename: "GraphQLError:FORBIDDEN", message: expect.stringContaining("COMPLAINTS_WRITE") });
    expect((await upload(frontdesk, "ESTATES", "estate_code,name\nX,x\n")).__typename).toBe("GraphQLError:FORBIDDEN");
    const jobId = "2f1c6a52-3c7e-4d0b-9a51-7f3f0c1d2e3a";
    const rejected = await upload(frontdesk, "COMPLAINTS", "投诉编号,项目编号\nZ-1,LX\n", "short.csv", { jobId });
    expect(rejected).toMatchObject({
      __typename: "ImportRejected",
      jobId,
      problems: [
        { line: 1, column: "channel", reason: "The required column channel (渠道) is missing" },
        { line: 1, column: "received_at" },
        { line: 1, column: "content" },
      ],
    });
    const job = await gql<{ importJob: Record<string, unknown> | null }>(
      app,
      `query($id: ID!) { importJob(id: $id) { id status totalRows processedRows problemCount fileName } }`,
      { id: jobId },
      frontdesk,
    );
    expect(job.data!.importJob).toEqual({
      id: jobId,
      status: "REJECTED",
      totalRows: 1,
      processedRows: 0,
      problemCount: 3,
      fileName: "short.csv",
    });
    expect(
      (await gql<{ importJob: unknown }>(app, `query($id: ID!) { importJob(id: $id) { id } }`, { id: jobId }, exec)).data!.importJob,
    ).toBeNull();
    const done = await ok(frontdesk, "COMPLAINTS", csv(complaintRows(5, "F-", new Date(NOW.getTime() - 30 * DAY))), "five.csv");
    const doneJob = await gql<{ importJob: Record<string, unknown> }>(
      app,
      `query($id: ID!) { importJob(id: $id) { status totalRows processedRows created } }`,
      { id: done.jobId },
      frontdesk,
    );
    expect(doneJob.data!.importJob).toEqual({ status: "DONE", totalRows: 5, processedRows: 5, created: 5 });
    if (t.target === "postgres") {
      // While an import runs, its job reports progress to a second request (PostgreSQL serves both at once).
      const running = "7a0d2c4e-1b3f-4c5d-8e6f-9a0b1c2d3e4f";
      const pending = upload(
        frontdesk,
        "COMPLAINTS",
        csv(complaintRows(3000, "G-", new Date(NOW.getTime() - 60 * DAY))),
        "three-thousand.csv",
        { jobId: running },
      );
      const seen = new Set<string>();
      for (let i = 0; i < 400 && !seen.has("DONE"); i++) {
        const polled = await gql<{ importJob: { status: string; totalRows: number; processedRows: number } | null }>(
          app,
          `query($id: ID!) { importJob(id: $id) { status totalRows processedRows } }`,
          { id: running },
          frontdesk,
        );
        if (polled.data?.importJob) seen.add(polled.data.importJob.status);
        await new Promise((r) => setTimeout(r, 25));
      }
      expect((await pending).data).toMatchObject({ created: 3000 });
      expect([...seen].some((st) => st === "CHECKING" || st === "WRITING")).toBe(true);
    }
    const json = await gql(app, IMPORT, { input: { kind: "COMPLAINTS", file: "complaint_no\n" } }, frontdesk);
    expect(json.errors?.[0]?.message).toContain("multipart");
    const notUtf8 = await upload(frontdesk, "COMPLAINTS", new Uint8Array([0xc4, 0xe3, 0xba, 0xc3, 0x0a]), "gbk.csv");
    expect(notUtf8.problems).toEqual([{ line: 1, column: "", field: null, reason: expect.stringContaining("UTF-8") }]);
  });

  it("the command line's path imports a large file in its own transaction (the rate is measured by `pnpm bench`)", async () => {
    const rows = complaintRows(2_000, "P-", new Date(NOW.getTime() - 500 * DAY), 1000);
    const bytes = new TextEncoder().encode(csv(rows));
    const [{ id: org }] = await q(`SELECT id FROM organizations`);
    const r = await importAsOperator(t.prisma, org, "complaints-2k.csv", { kind: "COMPLAINTS", bytes }, NOW);
    if (!r.ok) throw new Error(JSON.stringify(r.problems.slice(0, 5)));
    expect(r).toMatchObject({ created: 2_000 });
    expect(await q(`SELECT count(*)::int AS n FROM complaints WHERE no LIKE 'P-%'`)).toEqual([{ n: 2_000 }]);
  }, 300_000);

  /** SEC-3: an EXPORT_CLASSIFIED request of the caller for LX, approved by the executive. */
  async function approvedExport(caller: Caller): Promise<string> {
    const req = await gql<{ requestApproval: { data: { id: string; version: number } } }>(
      app,
      `mutation($e: ID!) { requestApproval(input: { kind: EXPORT_CLASSIFIED, estateId: $e, purpose: "年度报表" }) { ... on MutationRequestApprovalSuccess { data { id version } } } }`,
      { e: globalId("Estate", lx) },
      caller,
    );
    const a = req.data!.requestApproval.data;
    await gql(
      app,
      `mutation($id: ID!, $v: Int!) { decideApproval(input: { id: $id, version: $v, approve: true }) { __typename } }`,
      { id: a.id, v: a.version },
      exec,
    );
    return a.id;
  }
});
