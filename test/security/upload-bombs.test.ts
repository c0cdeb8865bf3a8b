import { createRequire } from "node:module";
import v8 from "node:v8";
import vm from "node:vm";
import { constants, crc32, deflateRawSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { FIXED_DEMO_NOW, StartupError } from "@tingjian/prisma";
import { createApp, type App } from "@tingjian/server";
import { useTestDatabase } from "@tingjian/prisma/testing";
import { gql, postFile, signIn, type Caller } from "../api/graphql.ts";
import { demoClock } from "../demo-clock.ts";
import { readSheet, SheetLimitError, writeSheet, type SheetRow } from "../../server/src/interchange/sheets.ts";
import {
  readLimitsFromEnv,
  readSettingsFromEnv,
  UPLOAD_READ_LIMITS,
  type ReadLimits,
  type ReadSettings,
} from "../../server/src/interchange/read-limits.ts";
import { RATIO_GRACE_BYTES } from "../../server/src/interchange/zip.ts";

/**
 * Issue 15 item 3: an upload is read streaming, within limits. A 795 KB zip bomb once took 21 s
 * and 2.3 GB; now an XLSX is inflated piece by piece into a streaming XML reader and every cap
 * (compressed file size, inflated bytes, compression ratio, rows, columns, cells, cell length,
 * shared strings) is checked as the bytes arrive: a bomb is refused with a typed answer naming
 * the cap (ImportRejected, its problem's reason naming the setting) in under 2 s and under 200 MB,
 * and nothing is written. Ordinary files read exactly as exceljs read them before.
 */
const IMPORT = `mutation($input: ImportFileInput!) { importFile(input: $input) {
  __typename ... on Error { message } ... on InputError { field }
  ... on ImportRejected { jobId problemCount problems { line column field reason } }
  ... on MutationImportFileSuccess { data { totalRows created updated unchanged } } } }`;

interface Imported {
  __typename: string;
  message?: string;
  field?: string;
  jobId?: string;
  problemCount?: number;
  problems?: { line: number; column: string; field: string | null; reason: string }[];
  data?: { totalRows: number; created: number; updated: number; unchanged: number };
}

const MB = 1024 * 1024;
const GB = 1024 * MB;

// ---------------------------------------------------------------------------------------------
// A tiny zip writer: enough for an XLSX (deflated parts), and for parts whose deflate stream is
// built without ever holding what it inflates to (the bombs).

interface Part {
  name: string;
  /** The raw deflate stream. */
  data: Uint8Array;
  /** The inflated size and its CRC-32. */
  size: number;
  crc: number;
  /** The size the zip declares (a lying bomb declares less than it holds). */
  declared?: number;
}

function part(name: string, text: string | Uint8Array): Part {
  const raw = typeof text === "string" ? Buffer.from(text) : Buffer.from(text);
  return { name, data: deflateRawSync(raw), size: raw.length, crc: crc32(raw) };
}

/**
 * prefix + unit × times + suffix as one deflate stream: each segment is deflated on its own and
 * ended with a full flush (byte-aligned, no reference before it), so the compressed unit can be
 * repeated. A 1 MB unit deflates to about 1 KB: 1 GB of rows takes about 1 MB.
 */
function repeatedPart(name: string, prefix: string, unit: string, times: number, suffix: string, declared?: number): Part {
  const flush = { finishFlush: constants.Z_FULL_FLUSH, level: 9 };
  const u = Buffer.from(unit);
  const mid = deflateRawSync(u, flush);
  const segments = [deflateRawSync(Buffer.from(prefix), flush)];
  let crc = crc32(prefix);
  for (let i = 0; i < times; i++) {
    segments.push(mid);
    crc = crc32(u, crc);
  }
  segments.push(deflateRawSync(Buffer.from(suffix)));
  crc = crc32(suffix, crc);
  const size = Buffer.byteLength(prefix) + u.length * times + Buffer.byteLength(suffix);
  return { name, data: Buffer.concat(segments), size, crc, declared };
}

function zipOf(parts: Part[]): Uint8Array {
  const body: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name);
    const declared = p.declared ?? p.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(p.crc, 14);
    local.writeUInt32LE(p.data.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(p.crc, 16);
    entry.writeUInt32LE(p.data.length, 20);
    entry.writeUInt32LE(declared, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    body.push(local, name, Buffer.from(p.data));
    central.push(entry, name);
    offset += 30 + name.length + p.data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...body, directory, end]));
}

const NS = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`;

/** A valid XLSX around a sheet part (and shared strings / styles when given). */
function xlsx(sheet: Part, extra: { sharedStrings?: Part | string; styles?: string; date1904?: boolean } = {}): Uint8Array {
  const strings =
    typeof extra.sharedStrings === "string"
      ? part("xl/sharedStrings.xml", `<?xml version="1.0" encoding="UTF-8"?><sst ${NS}>${extra.sharedStrings}</sst>`)
      : extra.sharedStrings;
  return zipOf([
    part(
      "[Content_Types].xml",
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    ),
    part(
      "_rels/.rels",
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    part(
      "xl/workbook.xml",
      `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS}>${extra.date1904 ? `<workbookPr date1904="1"/>` : ""}<sheets><sheet name="投诉" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    part(
      "xl/_rels/workbook.xml.rels",
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    ),
    ...(extra.styles
      ? [part("xl/styles.xml", `<?xml version="1.0" encoding="UTF-8"?><styleSheet ${NS}>${extra.styles}</styleSheet>`)]
      : []),
    ...(strings ? [strings] : []),
    sheet,
  ]);
}

const SHEET_START = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${NS}><sheetData>`;
const SHEET_END = `</sheetData></worksheet>`;
const sheetPart = (rows: string) => part("xl/worksheets/sheet1.xml", SHEET_START + rows + SHEET_END);
const inline = (text: string, ref = "") => `<c${ref ? ` r="${ref}"` : ""} t="inlineStr"><is><t>${text}</t></is></c>`;
const row = (...cells: string[]) => `<row>${cells.map((c) => inline(c)).join("")}</row>`;

const HEADERS = ["complaint_no", "estate_code", "location", "channel", "received_at", "anonymous", "content"];
const HEADER_ROW = row(...HEADERS);
/** About 1 MB of complaint rows (each with 10,000 characters of content, under the cell limit): the unit the bombs repeat. */
const BOMB_ROW = row("BOMB-1", "LX", "3栋电梯", "phone", "2026-03-02T09:15:00+08:00", "是", "水".repeat(10_000));
const BOMB_UNIT = BOMB_ROW.repeat(Math.floor(MB / Buffer.byteLength(BOMB_ROW)));
const unitBytes = Buffer.byteLength(BOMB_UNIT);

// ---------------------------------------------------------------------------------------------
// Memory and time of one request, in this process (the server runs in it: app.fetch).

v8.setFlagsFromString("--expose-gc");
const gc = (() => {
  try {
    return vm.runInNewContext("gc") as () => void;
  } catch {
    return () => {};
  }
})();

async function measured<T>(fn: () => Promise<T>): Promise<{ value: T; seconds: number; rssGrowthMB: number }> {
  gc();
  const before = process.memoryUsage().rss;
  const maxBefore = process.resourceUsage().maxRSS * 1024;
  let peak = before;
  const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 2);
  const started = performance.now();
  try {
    const value = await fn();
    const seconds = (performance.now() - started) / 1000;
    peak = Math.max(peak, process.memoryUsage().rss);
    // The kernel's high-water mark is exact when this request raised it; otherwise the samples.
    const maxAfter = process.resourceUsage().maxRSS * 1024;
    if (maxAfter > maxBefore) peak = Math.max(peak, maxAfter);
    return { value, seconds, rssGrowthMB: (peak - before) / MB };
  } finally {
    clearInterval(sample);
  }
}

// ---------------------------------------------------------------------------------------------
// The reader as it was (exceljs 4.4 loading the whole workbook, then sheets.ts's cellText): what
// the new reader must read alike.

const serverRequire = createRequire(new URL("../../server/package.json", import.meta.url));
const clientRequire = createRequire(new URL("../../client/package.json", import.meta.url));
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const ExcelJS = serverRequire("exceljs") as any;

function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return v.toISOString().slice(0, 23);
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if ("richText" in o) return (o.richText as { text: string }[]).map((r) => r.text).join("");
    if ("text" in o && typeof o.text === "string") return o.text;
    if ("result" in o) return cellText(o.result);
    return "";
  }
  return String(v);
}

async function exceljsRows(bytes: Uint8Array): Promise<SheetRow[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes));
  const out: SheetRow[] = [];
  workbook.worksheets[0].eachRow({ includeEmpty: false }, (r: { values: unknown[] }, line: number) => {
    const cells: string[] = [];
    for (let i = 1; i < r.values.length; i++) cells.push(cellText(r.values[i]));
    out.push({ line, cells });
  });
  return out;
}

/** What readSheet gives, as the records exceljsRows gives (header and rows, blank rows dropped). */
async function newRows(bytes: Uint8Array, settings: ReadSettings = readSettingsFromEnv("upload", {})): Promise<SheetRow[]> {
  const sheet = await readSheet(bytes, "XLSX", settings);
  return [{ line: sheet.headerLine, cells: sheet.headers }, ...sheet.rows];
}
const withoutBlank = (rows: SheetRow[]) => rows.filter((r) => r.cells.some((c) => c.trim() !== ""));

const limitsOf = (overrides: Partial<ReadLimits>): ReadSettings => ({ scope: "upload", limits: { ...UPLOAD_READ_LIMITS, ...overrides } });

describe("uploads are read streaming within limits (issue 15 item 3)", () => {
  const t = useTestDatabase("demo");
  let app: App;
  let exec: Caller, frontdesk: Caller;
  const q = (sql: string, params: unknown[] = []) => t.db.pool.query(sql, params).then((r) => r.rows);
  const written = () =>
    q(`SELECT (SELECT count(*)::int FROM complaints) AS complaints, (SELECT count(*)::int FROM complaint_events) AS events,
    (SELECT count(*)::int FROM households) AS households, (SELECT count(*)::int FROM customers) AS customers`);

  beforeAll(async () => {
    app = createApp({ prisma: t.prisma, clock: demoClock() });
    [exec, frontdesk] = [await signIn(app, "exec"), await signIn(app, "frontdesk.lx")];
  });

  /** The multipart upload a browser sends (with the header that proves a preflight, issue 15 item 13). */
  async function upload(
    caller: Caller,
    kind: string,
    content: Uint8Array | string,
    fileName: string,
    extra: Record<string, unknown> = {},
  ): Promise<Imported> {
    const body = await postFile<{ importFile: Imported }>(app, caller, IMPORT, { kind, ...extra }, content, fileName);
    if (body.errors) return { __typename: `GraphQLError:${body.errors[0]!.extensions?.code}`, message: body.errors[0]!.message };
    return body.data!.importFile;
  }

  /** An upload that must be refused naming `setting`, and write nothing; its job ends REJECTED. */
  async function refused(
    content: Uint8Array | string,
    fileName: string,
    setting: string,
    kind = "COMPLAINTS",
  ): Promise<Imported & { reason: string }> {
    const before = await written();
    const jobId = crypto.randomUUID();
    const r = await upload(frontdesk, kind, content, fileName, { jobId });
    expect(r.__typename, JSON.stringify(r).slice(0, 500)).toBe("ImportRejected");
    expect(r.problemCount).toBe(1);
    const reason = r.problems![0]!.reason;
    expect(reason).toContain(setting);
    expect(await written()).toEqual(before);
    const job = await gql<{ importJob: { status: string } }>(
      app,
      `query($id: ID!) { importJob(id: $id) { status } }`,
      { id: jobId },
      frontdesk,
    );
    expect(job.data!.importJob.status).toBe("REJECTED");
    return { ...r, reason };
  }

  it("issue 15 item 3: a zip bomb (a valid 1 MB XLSX whose sheet inflates to 1 GB of rows) is refused naming IMPORT_MAX_INFLATED_BYTES in under 2 s and 200 MB; nothing is written", async () => {
    const bomb = xlsx(repeatedPart("xl/worksheets/sheet1.xml", SHEET_START + HEADER_ROW, BOMB_UNIT, Math.ceil(GB / unitBytes), SHEET_END));
    expect(bomb.length).toBeLessThan(1.5 * MB);
    const { value: r, seconds, rssGrowthMB } = await measured(() => refused(bomb, "bomb.xlsx", "IMPORT_MAX_INFLATED_BYTES"));
    expect(r.reason).toMatch(/inflates to at least 1 GB/);
    expect(r.problems![0]).toMatchObject({ line: 1, column: "", field: null });
    expect(seconds).toBeLessThan(2);
    expect(rssGrowthMB).toBeLessThan(200);
  });

  it("issue 15 item 3: a zip bomb that declares a small size is stopped while inflating, as soon as it passes what it declared (IMPORT_MAX_INFLATED_BYTES)", async () => {
    const liar = xlsx(
      repeatedPart("xl/worksheets/sheet1.xml", SHEET_START + HEADER_ROW, BOMB_UNIT, Math.ceil(GB / unitBytes), SHEET_END, 64 * 1024),
    );
    const { value: r, seconds, rssGrowthMB } = await measured(() => refused(liar, "liar.xlsx", "IMPORT_MAX_INFLATED_BYTES"));
    expect(r.reason).toMatch(/more than the 64 KB it declares/);
    expect(seconds).toBeLessThan(2);
    expect(rssGrowthMB).toBeLessThan(200);
  });

  it("issue 15 item 3: an honest bomb under the byte limit (100 MB from 130 KB) is stopped by its compression ratio after 8 MB (IMPORT_MAX_INFLATE_RATIO)", async () => {
    const sheet = repeatedPart(
      "xl/worksheets/sheet1.xml",
      SHEET_START + HEADER_ROW,
      BOMB_UNIT,
      Math.ceil((100 * MB) / unitBytes),
      SHEET_END,
    );
    expect(sheet.size).toBeLessThan(UPLOAD_READ_LIMITS.inflatedBytes);
    const { value: r, seconds, rssGrowthMB } = await measured(() => refused(xlsx(sheet), "ratio.xlsx", "IMPORT_MAX_INFLATE_RATIO"));
    expect(r.reason).toMatch(/inflates more than 100 times its compressed size/);
    expect(seconds).toBeLessThan(2);
    expect(rssGrowthMB).toBeLessThan(200);
  });

  it("issue 15 item 3: too many rows are refused at the first row over IMPORT_MAX_ROWS, in XLSX and CSV", async () => {
    const max = UPLOAD_READ_LIMITS.rows;
    const xl = await refused(xlsx(sheetPart(HEADER_ROW + row("x").repeat(max + 1))), "rows.xlsx", "IMPORT_MAX_ROWS");
    expect(xl.problems![0]!.line).toBe(max + 2);
    expect(xl.reason).toMatch(/more than 100,000 rows/);
    const csv = await refused(`complaint_no\n${"x\n".repeat(max + 1)}`, "rows.csv", "IMPORT_MAX_ROWS");
    expect(csv.problems![0]!.line).toBe(max + 2);
    // Exactly the limit is read (and then checked as complaints: refused for its content, not its size).
    const atLimit = await upload(frontdesk, "COMPLAINTS", `complaint_no\n${"x\n".repeat(max)}`, "limit.csv");
    expect(atLimit.__typename).toBe("ImportRejected");
    expect(atLimit.problems![0]!.reason).not.toContain("IMPORT_MAX");
  });

  it("issue 15 item 3: a row over IMPORT_MAX_COLUMNS is refused, in XLSX and CSV (quoted or not)", async () => {
    const max = UPLOAD_READ_LIMITS.columns;
    const xl = await refused(
      xlsx(sheetPart(HEADER_ROW + `<row r="2">${inline("a", "A2")}${inline("far", "IW2")}</row>`)),
      "columns.xlsx",
      "IMPORT_MAX_COLUMNS",
    );
    expect(xl.problems![0]!.line).toBe(2);
    expect(xl.reason).toContain("column IW");
    await refused(
      `${HEADERS.join(",")}\n${Array(max + 1)
        .fill("1")
        .join(",")}\n`,
      "columns.csv",
      "IMPORT_MAX_COLUMNS",
    );
    await refused(`${HEADERS.join(",")}\n"quoted, cell",${Array(max).fill("1").join(",")}\n`, "columns-quoted.csv", "IMPORT_MAX_COLUMNS");
    // A line of a million commas is refused before it is split.
    await refused(`${HEADERS.join(",")}\n${",".repeat(1_000_000)}\n`, "commas.csv", "IMPORT_MAX_COLUMNS");
  });

  it("issue 15 item 3: a cell over IMPORT_MAX_CELL_CHARS is refused naming its line and column (inline, shared string, CSV plain and quoted)", async () => {
    const long = "长".repeat(UPLOAD_READ_LIMITS.cellChars + 1);
    const xl = await refused(xlsx(sheetPart(HEADER_ROW + row("C-1", long))), "cell.xlsx", "IMPORT_MAX_CELL_CHARS");
    expect(xl.problems![0]!.line).toBe(2);
    expect(xl.reason).toMatch(/^Line 2, column B: the cell has 32,768 characters/);
    // SEC-7: the reason never quotes the cell.
    expect(xl.reason).not.toContain("长长");
    const shared = xlsx(sheetPart(`<row r="1"><c r="A1" t="s"><v>0</v></c></row>`), { sharedStrings: `<si><t>${long}</t></si>` });
    await refused(shared, "shared.xlsx", "IMPORT_MAX_CELL_CHARS");
    // A cell of 10 MB is refused as it streams in, not after it is read.
    const huge = xlsx(
      repeatedPart(
        "xl/worksheets/sheet1.xml",
        SHEET_START + HEADER_ROW + `<row r="2"><c r="A2" t="inlineStr"><is><t>`,
        "x".repeat(MB),
        10,
        `</t></is></c></row>` + SHEET_END,
      ),
    );
    await refused(huge, "huge-cell.xlsx", "IMPORT_MAX_CELL_CHARS");
    const plain = await refused(`complaint_no,content\nC-1,${long}\n`, "cell.csv", "IMPORT_MAX_CELL_CHARS");
    expect(plain.reason).toMatch(/^Line 2, column B/);
    await refused(`complaint_no,content\nC-1,"${long}, quoted"\n`, "cell-quoted.csv", "IMPORT_MAX_CELL_CHARS");
    await refused(`complaint_no,content\nC-1,"${"x".repeat(8 * MB)}"\n`, "cell-8mb.csv", "IMPORT_MAX_CELL_CHARS");
  });

  it("issue 15 item 3: more than IMPORT_MAX_CELLS cells, and more than IMPORT_MAX_SHARED_STRINGS shared strings, are refused", async () => {
    const cols = 31;
    const rows = Math.ceil(UPLOAD_READ_LIMITS.cells / cols) + 1;
    await refused(
      `${Array.from({ length: cols }, (_, i) => `c${i}`).join(",")}\n${`${Array(cols).fill("1").join(",")}\n`.repeat(rows)}`,
      "cells.csv",
      "IMPORT_MAX_CELLS",
    );
    const count = UPLOAD_READ_LIMITS.sharedStrings + 1;
    const strings = Array.from({ length: count }, (_, i) => `<si><t>户${i}</t></si>`).join("");
    await refused(
      xlsx(sheetPart(`<row r="1"><c r="A1" t="s"><v>0</v></c></row>`), { sharedStrings: strings }),
      "strings.xlsx",
      "IMPORT_MAX_SHARED_STRINGS",
    );
  });

  it("issue 15 item 3: a file over IMPORT_MAX_FILE_BYTES is refused before it is read (InputError on input.file)", async () => {
    const before = await written();
    const r = await upload(frontdesk, "COMPLAINTS", new Uint8Array(UPLOAD_READ_LIMITS.fileBytes + 1), "big.csv");
    expect(r).toMatchObject({ __typename: "InputError", field: "input.file", message: expect.stringContaining("IMPORT_MAX_FILE_BYTES") });
    expect(await written()).toEqual(before);
  });

  it("issue 15 item 3: ordinary XLSX files still import — exceljs's (the server's export) and write-excel-file's (the app's grid export), dates read as wall-clock time", async () => {
    const headers = ["household_code", "estate_code", "building", "unit", "room", "occupied", "customer_name", "phone"];
    const rows = Array.from({ length: 25 }, (_, i) => [
      `LX-BOMB-${i}`,
      "LX",
      "7栋",
      "2单元",
      String(2000 + i),
      i % 3 ? "是" : "否",
      `测试业主${i}`,
      `1390000${String(2000 + i)}`,
    ]);
    const households = await upload(exec, "HOUSEHOLDS", await writeSheet("XLSX", "房屋", headers, rows), "households.xlsx");
    expect(households).toMatchObject({ __typename: "MutationImportFileSuccess", data: { totalRows: 25, created: 25 } });
    expect(await q(`SELECT count(*)::int AS n FROM households WHERE code LIKE 'LX-BOMB-%'`)).toEqual([{ n: 25 }]);

    // The grid's XLSX writer (client/src/components/export/export-grid.ts), with a Date cell.
    const writeXlsxFile = clientRequire("write-excel-file/node") as (data: unknown, options: unknown) => { toBuffer(): Promise<Buffer> };
    const [household] = await q(
      `SELECT h.code FROM households h JOIN estates e ON e.id = h.estate_id WHERE e.code = 'LX' ORDER BY h.code LIMIT 1`,
    );
    const receivedLocal = new Date(FIXED_DEMO_NOW.getTime() - 3 * 86_400_000);
    receivedLocal.setUTCMilliseconds(0);
    const header = [
      "complaint_no",
      "estate_code",
      "household_code",
      "channel",
      "received_at",
      "anonymous",
      "complainant_name",
      "phone",
      "kind",
      "category",
      "severity",
      "valid",
      "content",
      "classification",
    ];
    const data = [
      header.map((value) => ({ value, fontWeight: "bold" })),
      [
        { value: "WXF-1" },
        { value: "LX" },
        { value: household.code },
        { value: "phone" },
        { value: receivedLocal, type: Date, format: "yyyy-mm-dd hh:mm:ss" },
        { value: "否" },
        { value: "业主甲" },
        { value: "13900001111" },
        { value: "engineering" },
        { value: "工程维修/漏水" },
        { value: "general" },
        { value: true, type: Boolean },
        { value: "厨房漏水 & <水管>" },
        { value: "secret" },
      ],
    ];
    const file = await writeXlsxFile(data, { stickyRowsCount: 1 }).toBuffer();
    const complaints = await upload(frontdesk, "COMPLAINTS", new Uint8Array(file), "grid.xlsx");
    expect(complaints, JSON.stringify(complaints).slice(0, 1000)).toMatchObject({
      __typename: "MutationImportFileSuccess",
      data: { created: 1 },
    });
    const [stored] = await q(`SELECT content, received_at FROM complaints WHERE no = 'WXF-1'`);
    expect(stored.content).toBe("厨房漏水 & <水管>");
    // The cell's wall-clock time, read in the estate's timezone (Asia/Shanghai, +08:00).
    expect((stored.received_at as Date).getTime()).toBe(receivedLocal.getTime() - 8 * 3_600_000);
  });

  it("issue 15 item 3: the streaming reader reads every cell as exceljs did (strings, rich text, numbers, dates, booleans, formulas, errors, merged cells, escapes)", async () => {
    const workbook = new ExcelJS.Workbook();
    const s = workbook.addWorksheet("数据");
    s.addRow(["text", "num", "date", "bool", "rich", "formula", "link", "empty", "error", "big"]);
    s.addRow([
      "a & <b> \"q\" 'x'\r\nline2\ttab",
      1.1,
      new Date(Date.UTC(2026, 2, 2, 9, 15)),
      true,
      { richText: [{ text: "红", font: { bold: true } }, { text: "色" }] },
      { formula: "1+1", result: 2 },
      { text: "链接", hyperlink: "http://example.invalid/" },
      null,
      { error: "#N/A" },
      12345678901234567000,
    ]); // a big number, as a double holds it
    s.addRow([
      "  spaced  ",
      -0.000001,
      new Date(Date.UTC(1900, 0, 1)),
      false,
      { richText: [{ text: "_x000D_" }] },
      { formula: '"a"&"b"', result: "ab" },
      "_x0041_",
      "",
      0.1 + 0.2,
      1e-7,
    ]);
    s.getCell("K5").value = "far";
    s.getCell("B7").value = { formula: "TODAY()", result: new Date(Date.UTC(2026, 0, 1)) };
    s.getCell("C8").value = 45000;
    s.getCell("C8").numFmt = "yyyy-mm-dd";
    s.getCell("D8").value = 45000.5;
    s.getCell("D8").numFmt = "0.00";
    s.getCell("E8").value = 45000.5;
    s.getCell("E8").numFmt = '[$-804]yyyy"年"m"月"d"日"';
    s.getCell("F9").style = { font: { bold: true } };
    s.mergeCells("A10:C11");
    s.getCell("A10").value = "merged";
    s.getCell("A13").value = "\u0001ctrl\u001f";
    s.getCell("A14").value = "emoji 😀 𠮷 丽轩花园";
    const exceljsFile = new Uint8Array(await workbook.xlsx.writeBuffer());

    const writeXlsxFile = clientRequire("write-excel-file/node") as (data: unknown, options: unknown) => { toBuffer(): Promise<Buffer> };
    const gridFile = new Uint8Array(
      await writeXlsxFile(
        [
          ["编号", "时间", "内容", "数", "日期", "是否"].map((value) => ({ value, fontWeight: "bold" })),
          ...Array.from({ length: 20 }, (_, i) => [
            { value: `C-${i}` },
            { value: "2026-03-02T09:15:00+08:00" },
            { value: `漏水 & <b>\r\n_x0041_ ${i}` },
            { value: i + 0.25, type: Number },
            { value: new Date(Date.UTC(2026, 2, 2, 9, i)), type: Date, format: "yyyy-mm-dd hh:mm" },
            { value: i % 2 === 0, type: Boolean },
          ]),
        ],
        { stickyRowsCount: 1 },
      ).toBuffer(),
    );

    const styles = `<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/><numFmt numFmtId="165" formatCode="&quot;年&quot;0.00"/></numFmts><cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs><cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="22"><alignment horizontal="left"/></xf><xf numFmtId="31"/></cellXfs>`;
    const crafted = {
      // Another writer's XML: inline strings, t="str" (decoded twice, as exceljs did), shared formulas, errors, CDATA and comments.
      inline: xlsx(
        sheetPart(`<!-- 注释 <row> --><?pi x?><row r="1">${inline(" a &amp;amp; b\r\nc&#13;d ", "A1")}<c r="C1" t="inlineStr"><is><r><t>x_x0041_</t></r><r><rPr><b/></rPr><t>y</t></r></is></c></row>
        <row r="2"><c r="A2" t="str"><f>A1</f><v>a &amp;amp; b</v></c><c r="B2" t="e"><v>#N/A</v></c><c r="C2" t="b"><v>1</v></c><c r="D2" t="b"><v>0</v></c><c r="E2"><v> 1.50 </v></c><c r="F2"><f t="shared" ref="F2:F3" si="0">E2*2</f><v>3</v></c><c r="G2"><f/><v>7</v></c><c r="H2"><f>NOW()</f></c><c r="I2" s="1"/><c r="J2" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>
        <row r="3"><c r="F3"><f t="shared" si="0"/><v>4</v></c><c r="G3" t="inlineStr"><is><t><![CDATA[ignored]]>kept</t></is></c></row><row r="5"><c r="C5" t="inlineStr"><is><t></t></is></c><c r="D5"><v>9007199254740993</v></c><c r="E5"><v>-0</v></c></row>`),
      ),
      // Shared strings: _x escapes, rich runs, phonetic runs (left out), an empty entry.
      strings: xlsx(
        sheetPart(
          `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>`,
        ),
        {
          sharedStrings: `<si><t>plain_x000D_x</t></si><si><r><t>r1</t></r><r><rPr><b/></rPr><t xml:space="preserve"> r2</t></r></si><si><t>日本</t><rPh sb="0" eb="2"><t>ニホン</t></rPh><phoneticPr fontId="1"/></si><si></si>`,
        },
      ),
      // Date formats by style (built-in, custom, quoted text that only looks like one, style 0, an id exceljs knows no code for).
      dates: xlsx(
        sheetPart(
          `<row r="1"><c r="A1" s="1"><v>45000</v></c><c r="B1" s="2"><v>45000.25</v></c><c r="C1" s="3"><v>45000.25</v></c><c r="D1" s="4"><v>45000.5</v></c><c r="E1" s="5"><v>45000</v></c><c r="F1" s="0"><v>45000</v></c><c r="G1" s="1"><f>TODAY()</f><v>45001</v></c></row>`,
        ),
        { styles },
      ),
      dates1904: xlsx(sheetPart(`<row r="1"><c r="A1" s="1"><v>45000</v></c></row>`), { styles, date1904: true }),
      // Rows out of order and repeated, merged ranges over missing rows, a target given as /xl/….
      shape: zipOf([
        part("xl/workbook.xml", `<workbook ${NS}><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`),
        part(
          "xl/_rels/workbook.xml.rels",
          `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="x/worksheet" Target="/xl/worksheets/sheet1.xml"/></Relationships>`,
        ),
        part(
          "xl/worksheets/sheet1.xml",
          `<worksheet ${NS}><sheetData><row r="3"><c r="A3"><v>3</v></c></row><row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row><row r="3"><c r="B3"><v>33</v></c></row><row r="6"><c r="A6" t="inlineStr"><is><t>m</t></is></c></row></sheetData><mergeCells count="2"><mergeCell ref="A6:B8"/><mergeCell ref="D1:E1"/></mergeCells></worksheet>`,
        ),
      ]),
    };

    for (const [name, file] of Object.entries({ exceljs: exceljsFile, "write-excel-file": gridFile, ...crafted })) {
      const before = await exceljsRows(file);
      expect(before.length, name).toBeGreaterThan(0);
      expect(await newRows(file), name).toEqual(withoutBlank(before));
    }
    // Where exceljs failed (it threw on a cell without a reference), the sheet is read.
    expect(await newRows(xlsx(sheetPart(`<row r="1"><c><v>1</v></c><c t="inlineStr"><is><t>b</t></is></c></row>`)))).toEqual([
      { line: 1, cells: ["1", "b"] },
    ]);
    // Spot checks of what "the same" means.
    const rows = await newRows(exceljsFile);
    expect(rows[1]!.cells).toEqual([
      "a & <b> \"q\" 'x'\nline2\ttab",
      "1.1",
      "2026-03-02T09:15:00.000",
      "true",
      "红色",
      "2",
      "链接",
      "",
      "",
      "12345678901234567000",
    ]);
    expect(rows.find((r) => r.line === 11)!.cells).toEqual(["merged", "merged", "merged"]);
  });

  it("issue 15 item 3: the command line reads what an upload may not (IMPORT_CLI_MAX_* settings), and every limit is a setting", async () => {
    const csv = new TextEncoder().encode(`complaint_no\n${"x\n".repeat(UPLOAD_READ_LIMITS.rows + 10)}`);
    await expect(readSheet(csv, "CSV", readSettingsFromEnv("upload", {}))).rejects.toBeInstanceOf(SheetLimitError);
    expect((await readSheet(csv, "CSV", readSettingsFromEnv("command-line", {}))).rows).toHaveLength(UPLOAD_READ_LIMITS.rows + 10);
    // An upload sized by the environment, the command line capped when asked.
    expect(readLimitsFromEnv("upload", { IMPORT_MAX_ROWS: "20", IMPORT_MAX_INFLATED_BYTES: "none" })).toMatchObject({
      rows: 20,
      inflatedBytes: Infinity,
      columns: 256,
    });
    expect(readLimitsFromEnv("command-line", { IMPORT_MAX_ROWS: "20", IMPORT_CLI_MAX_ROWS: "3000000" })).toMatchObject({
      rows: 3_000_000,
      fileBytes: Infinity,
      cellChars: 32_767,
    });
    expect(() => readLimitsFromEnv("upload", { IMPORT_MAX_CELL_CHARS: "-1" })).toThrow(StartupError);
    expect(() => readLimitsFromEnv("upload", { IMPORT_MAX_CELL_CHARS: "-1" })).toThrow(/IMPORT_MAX_CELL_CHARS/);
    // The limits that have no upload test of their own, on small settings.
    const strings = xlsx(sheetPart(`<row r="1"><c r="A1" t="s"><v>0</v></c></row>`), {
      sharedStrings: `<si><t>${"字".repeat(600)}</t></si>`.repeat(2),
    });
    await expect(readSheet(strings, "XLSX", limitsOf({ sharedStringChars: 1000 }))).rejects.toThrow(
      /IMPORT_MAX_SHARED_STRING_CHARS = 1,000/,
    );
    const merged = zipOf([
      part("xl/workbook.xml", `<workbook ${NS}><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`),
      part(
        "xl/_rels/workbook.xml.rels",
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      ),
      part(
        "xl/worksheets/sheet1.xml",
        `<worksheet ${NS}><sheetData><row r="1">${inline("h", "A1")}</row></sheetData><mergeCells><mergeCell ref="A2:IV1048576"/></mergeCells></worksheet>`,
      ),
    ]);
    await expect(readSheet(merged, "XLSX", limitsOf({}))).rejects.toThrow(/IMPORT_MAX_CELLS/);
    const small = xlsx(sheetPart(HEADER_ROW + row("a").repeat(200)));
    await expect(readSheet(small, "XLSX", limitsOf({ inflatedBytes: 1000 }))).rejects.toThrow(/IMPORT_MAX_INFLATED_BYTES = 1,000/);
    await expect(readSheet(small, "XLSX", limitsOf({ fileBytes: 100 }))).rejects.toThrow(/IMPORT_MAX_FILE_BYTES = 100/);
    expect(RATIO_GRACE_BYTES).toBe(8 * MB);
  });
});
