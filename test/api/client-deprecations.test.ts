import { readFileSync } from "node:fs";
import { buildSchema, NoDeprecatedCustomRule, parse, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { clientOperations } from "../security/client-operations.ts";

/**
 * Issue 16, the API contract: a deprecated field or argument (API-CHANGELOG.md "Deprecated") is
 * still served for external tools, but the app itself has moved on. `complaintPage(sort:)` is
 * deprecated for `orderBy`, the one shape of a main list's order: the ledger sends `orderBy` only.
 */
const sdl = readFileSync(new URL("../../server/schema.graphql", import.meta.url), "utf8");

describe("the app sends nothing deprecated (issue 16)", () => {
  it("complaintPage(sort:) is deprecated in favour of orderBy, and still served", () => {
    const page = buildSchema(sdl).getQueryType()!.getFields().complaintPage!;
    const sort = page.args.find((a) => a.name === "sort")!;
    expect(sort.deprecationReason).toMatch(/orderBy/);
    expect(page.args.find((a) => a.name === "orderBy")!.deprecationReason).toBeFalsy();
  });

  it("no operation of the client uses a deprecated field, argument or enum value; the ledger orders by orderBy", async () => {
    const schema = buildSchema(sdl);
    const ops = await clientOperations([1, 3, 50]);
    const used = ops.flatMap((op) => validate(schema, parse(op.source), [NoDeprecatedCustomRule]).map((e) => `${op.origin}: ${e.message}`));
    expect(used).toEqual([]);
    const ledger = ops.filter((op) => /complaintPage\(/.test(op.source));
    expect(ledger.map((op) => op.operationName).sort()).toEqual(["ComplaintPage", "ComplaintRows"]);
    for (const op of ledger) expect(op.source).toMatch(/orderBy: \$orderBy/);
  });

  it("the check sees a deprecated argument when an operation sends one", () => {
    const schema = buildSchema(sdl);
    const errors = validate(schema, parse("{ complaintPage(sort: [{ field: NO }], limit: 1) { offset } }"), [NoDeprecatedCustomRule]);
    expect(errors.map((e) => e.message)).toEqual([expect.stringMatching(/sort.*deprecated/)]);
  });
});
