import { readFileSync } from "node:fs";
import { buildSchema, findBreakingChanges } from "graphql";
import { describe, expect, it } from "vitest";

/**
 * Issue 16: external tools read this API. A change that can break them (a field removed, a type
 * changed, an argument made required …) is allowed only when API-CHANGELOG.md lists it, word for
 * word as graphql-js describes it, under the release that makes it. `schema.released.graphql` is
 * the contract of the last release; a release copies schema.graphql over it and starts a new
 * changelog section.
 */
const read = (name: string) => readFileSync(new URL(`../${name}`, import.meta.url), "utf8");

export function unlisted(released: string, current: string, changelog: string): string[] {
  const listed = changelog.replaceAll(/\s+/g, " ");
  return findBreakingChanges(buildSchema(released), buildSchema(current))
    .map((c) => c.description)
    .filter((d) => !listed.includes(d.replaceAll(/\s+/g, " ")));
}

describe("the API contract (issue 16)", () => {
  it("every breaking change since the last release is listed in API-CHANGELOG.md", () => {
    expect(unlisted(read("schema.released.graphql"), read("schema.graphql"), read("API-CHANGELOG.md"))).toEqual([]);
  });

  it("fails on a breaking change the changelog does not list, passes once it does", () => {
    const before = "type Query { a: Int, b: String, c: Int }";
    const after = "type Query { a: String, c: Int }";
    expect(unlisted(before, after, "").sort()).toEqual(["Query.a changed type from Int to String.", "Query.b was removed."]);
    expect(unlisted(before, after, "- `Query.b was removed.` …\n- Query.a changed type from\n  Int to String.")).toEqual([]);
    // Additions break nobody.
    expect(unlisted(before, "type Query { a: Int, b: String, c: Int, d: Boolean }", "")).toEqual([]);
  });
});
