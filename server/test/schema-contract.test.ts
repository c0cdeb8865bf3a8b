import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { printSchemaFile, schemaFile } from "../src/schema/printed.ts";

describe("the public GraphQL contract", () => {
  it("schema.graphql is the printed Pothos schema (run `pnpm --filter @tingjian/server schema:print` after a change)", () => {
    expect(readFileSync(schemaFile, "utf8")).toBe(printSchemaFile());
  });
});
