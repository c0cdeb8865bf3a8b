import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { buildSchema, parse, validate, type GraphQLSchema } from "graphql";
import { clientOperations, type ClientOperation } from "../security/client-operations.ts";

/**
 * Issue 16 item 5: the client's operations against server/schema.graphql. Every document the app
 * sends (client-operations.ts finds them all, the ones built at run time included) must validate
 * against the schema the server publishes, so CI fails when a field, argument or type the client
 * asks for is renamed or removed. The types the client compiles against (gql.tada's
 * graphql-env.d.ts) must be generated from that same schema.
 */
const root = fileURLToPath(new URL("../../", import.meta.url));
const schemaPath = join(root, "server/schema.graphql");
const clientDir = join(root, "client");
const envPath = join(clientDir, "src/graphql/graphql-env.d.ts");
const REGENERATE = "pnpm --filter @tingjian/client graphql:types";

/** The report pages send one alias per estate chosen: none (`all`), one, and many. */
const ESTATES_CHOSEN = [1, 3, 50];

function problems(schema: GraphQLSchema, op: ClientOperation): string[] {
  return validate(schema, parse(op.source)).map((e) => e.message);
}

describe("issue 16 item 5: client operations match server/schema.graphql", () => {
  const sdl = readFileSync(schemaPath, "utf8");

  it("every operation the client sends validates against the schema", async () => {
    const schema = buildSchema(sdl);
    const ops = await clientOperations(ESTATES_CHOSEN);
    expect(ops.length).toBeGreaterThanOrEqual(60);
    const failing = ops.map((op) => ({ origin: op.origin, errors: problems(schema, op) })).filter((o) => o.errors.length > 0);
    expect(failing, "client operations that no longer match server/schema.graphql").toEqual([]);
  });

  it("the check fails when the schema drops what an operation asks for (a field renamed in a copy)", async () => {
    // Complaint.receivedAt → Complaint.receivedOn: the ledger, the detail page and the drill-down ask for it.
    const renamed = sdl.replace(/(type Complaint implements[^{]*\{[^}]*?\n\s*)receivedAt(\s*:)/, "$1receivedOn$2");
    expect(renamed).not.toBe(sdl);
    const schema = buildSchema(renamed);
    const ops = await clientOperations(ESTATES_CHOSEN);
    const failing = ops.filter((op) => problems(schema, op).some((m) => /receivedAt/.test(m))).map((op) => op.operationName);
    expect(failing).toEqual(expect.arrayContaining(["ComplaintPage", "ComplaintRows", "AmendComplaint", "ComplaintDetail"]));
  });

  it(`client/src/graphql/graphql-env.d.ts is generated from the current schema (regenerate: ${REGENERATE})`, () => {
    const dir = mkdtempSync(join(tmpdir(), "graphql-env-"));
    try {
      const fresh = join(dir, "graphql-env.d.ts");
      execFileSync(process.execPath, [join(clientDir, "node_modules/gql.tada/bin/cli.js"), "generate", "output", "--output", fresh], {
        cwd: clientDir,
        stdio: "pipe",
        timeout: 120_000,
      });
      const current = readFileSync(envPath, "utf8") === readFileSync(fresh, "utf8");
      expect(
        current,
        `client/src/graphql/graphql-env.d.ts is stale against server/schema.graphql: run \`${REGENERATE}\` and commit it`,
      ).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
