import { beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "@tingjian/server";
import { useTestDatabase } from "@tingjian/prisma/testing";
import { postFile, signIn, type Caller } from "../api/graphql.ts";
import { demoClock } from "../demo-clock.ts";

/**
 * Issue 15 item 7 (SEC-2, SEC-7): an import dry run must not be an oracle. The front desk of 丽轩花园
 * may read its customers' contact data but not their archive (no READ_ARCHIVE grant), and not a
 * TOP_SECRET customer at all. A right and a wrong guess of a value it may not read get the same
 * answer, and nothing is written.
 */
const IMPORT = `mutation($input: ImportFileInput!) { importFile(input: $input) {
  __typename ... on Error { message }
  ... on ImportRejected { problemCount rowsWithProblems problems { line column field reason } }
  ... on MutationImportFileSuccess { data { totalRows created updated unchanged } } } }`;

interface Household {
  code: string;
  building: string;
  unit: string | null;
  room: string;
  name: string;
  phone: string;
  id_number: string | null;
  customer_id: string;
}

describe("the household import is no oracle for values the caller may not read (issue 15 item 7)", () => {
  const t = useTestDatabase("demo");
  let app: App;
  let clerk: Caller;
  const q = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => t.db.pool.query(sql, params).then((r) => r.rows as T[]);

  beforeAll(async () => {
    app = createApp({ prisma: t.prisma, clock: demoClock() });
    clerk = await signIn(app, "frontdesk.lx");
  });

  const household = (classification: string) =>
    q<Household>(
      `SELECT h.code, b.name AS building, u.name AS unit, h.room, c.name, c.phone, c.id_number, c.id AS customer_id
      FROM households h JOIN buildings b ON b.id = h.building_id LEFT JOIN units u ON u.id = h.unit_id
      JOIN household_members m ON m.household_id = h.id AND m.is_primary JOIN customers c ON c.id = m.customer_id JOIN estates e ON e.id = h.estate_id
     WHERE e.code = 'LX' AND c.classification = $1 AND c.phone IS NOT NULL AND c.id_number IS NOT NULL ORDER BY h.code LIMIT 1`,
      [classification],
    ).then((r) => r[0]!);

  /** A dry run of one household row; the answer without what differs per request. */
  async function dryRun(h: Household, cells: Partial<Record<string, string>>) {
    const row: Record<string, string> = {
      household_code: h.code,
      estate_code: "LX",
      building: h.building,
      unit: h.unit ?? "",
      room: h.room,
      ...cells,
    };
    const headers = Object.keys(row);
    const text = `${headers.join(",")}\n${headers.map((k) => row[k]).join(",")}\n`;
    return postFile<{ importFile: unknown }>(app, clerk, IMPORT, { kind: "HOUSEHOLDS", dryRun: true }, text, "households.csv");
  }

  const wrongId = (id: string) => `${id.slice(0, 14)}${id.slice(14, 17) === "123" ? "456" : "123"}${id.slice(17)}`;
  const wrongPhone = (p: string) => `${p.slice(0, 7)}${p.slice(7) === "0000" ? "1111" : "0000"}`;

  it("an archive field (ID number) the clerk may not read: a right and a wrong guess get the same refusal", async () => {
    const h = await household("SECRET");
    const right = await dryRun(h, { customer_name: h.name, id_number: h.id_number! });
    const wrong = await dryRun(h, { customer_name: h.name, id_number: wrongId(h.id_number!) });
    expect(right).toEqual(wrong);
    expect(JSON.stringify(right)).toContain("id_number");
    expect(JSON.stringify(right)).not.toContain(h.id_number!);
  });

  it("a TOP_SECRET customer the clerk cannot see: a right and a wrong phone get the same answer", async () => {
    // SEC-1: an archive the executive raised to TOP_SECRET, designated to nobody at the front desk.
    const h = await household("SECRET");
    await q(`UPDATE customers SET classification = 'TOP_SECRET' WHERE id = $1`, [h.customer_id]);
    const right = await dryRun(h, { customer_name: h.name, phone: h.phone });
    const wrong = await dryRun(h, { customer_name: h.name, phone: wrongPhone(h.phone) });
    expect(right).toEqual(wrong);
    // Neither the name nor the phone guess is confirmed: the rows are refused, not "unchanged".
    expect(JSON.stringify(right)).toContain("ImportRejected");
    const nameOnlyRight = await dryRun(h, { customer_name: h.name });
    const nameOnlyWrong = await dryRun(h, { customer_name: `${h.name}甲` });
    expect(nameOnlyRight).toEqual(nameOnlyWrong);
  });

  it("the clerk's own right to contact data still updates and reports unchanged as before", async () => {
    const h = (
      await q<Household>(`SELECT h.code, b.name AS building, u.name AS unit, h.room, c.name, c.phone, c.id AS customer_id
      FROM households h JOIN buildings b ON b.id = h.building_id LEFT JOIN units u ON u.id = h.unit_id
      JOIN household_members m ON m.household_id = h.id AND m.is_primary JOIN customers c ON c.id = m.customer_id JOIN estates e ON e.id = h.estate_id
     WHERE e.code = 'LX' AND c.classification = 'SECRET' AND c.phone IS NOT NULL ORDER BY h.code DESC LIMIT 1`)
    )[0]!;
    const same = await dryRun(h, { customer_name: h.name, phone: h.phone });
    expect(same).toMatchObject({ data: { importFile: { __typename: "MutationImportFileSuccess", data: { unchanged: 1, updated: 0 } } } });
    const [stored] = await q<{ version: number }>(`SELECT version FROM customers WHERE id = $1`, [h.customer_id]);
    expect(stored!.version).toBe(0);
  });
});
