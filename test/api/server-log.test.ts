import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createApp, type App } from "@tingjian/server";
import { useTestDatabase } from "@tingjian/prisma/testing";
import { gql, globalId, signIn } from "./graphql.ts";
import { demoClock } from "../demo-clock.ts";

/** SEC-7: what the server writes to its log holds no raw personal data, errors included. */
describe("server log", () => {
  const t = useTestDatabase("demo");
  let app: App;
  const written: string[] = [];
  const restore: (() => void)[] = [];

  beforeAll(() => {
    process.env.NODE_ENV = "test";
    app = createApp({ prisma: t.prisma, clock: demoClock() });
    for (const level of ["log", "info", "warn", "error", "debug"] as const) {
      const spy = vi
        .spyOn(console, level)
        .mockImplementation(
          (...args: unknown[]) =>
            void written.push(
              args.map((a) => (a instanceof Error ? `${a.message}\n${a.stack}` : typeof a === "string" ? a : JSON.stringify(a))).join(" "),
            ),
        );
      restore.push(() => spy.mockRestore());
    }
    for (const stream of [process.stdout, process.stderr]) {
      const original = stream.write.bind(stream);
      stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
        written.push(String(chunk));
        return (original as (...a: unknown[]) => boolean)(chunk, ...rest);
      }) as typeof stream.write;
      restore.push(() => void (stream.write = original));
    }
  });
  afterAll(() => restore.forEach((r) => r()));

  it("logs no raw phone, ID number or name, whatever the requests and their errors", async () => {
    const [c] = await t.db.pool
      .query(
        `SELECT c.id, c.name, c.phone, c.id_number FROM customers c WHERE c.kind = 'OWNER' AND c.phone IS NOT NULL ORDER BY c.id LIMIT 1`,
      )
      .then((r) => r.rows);
    const exec = await signIn(app, "exec");
    // Reads of raw values, a failed sign-in with a phone number as login, and bad input.
    await gql(
      app,
      `query($id: ID!) { node(id: $id) { ... on Customer { name phone idNumber } } }`,
      { id: globalId("Customer", c.id) },
      exec,
    );
    await gql(app, `mutation($l: String!) { signIn(login: $l, password: "x") { __typename } }`, { l: c.phone });
    await gql(
      app,
      `mutation($id: ID!, $p: String!) { updateCustomer(input: { id: $id, version: 0, reason: "x", phone: $p }) { __typename } }`,
      { id: globalId("Customer", c.id), p: `${c.phone}#` },
      exec,
    );
    const broken = await gql(
      app,
      `query($s: String!) { customers(first: 1, filter: { search: $s }) { totalCount } }`,
      { s: `${c.phone}\u0000${c.id_number}` },
      exec,
    );
    // A NUL used to reach the database (an unexpected error quoting the value); now it is refused
    // before anything runs (issue 15 item 16), naming the field, never the value.
    expect(broken.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(broken.errors?.[0]?.message).not.toContain(c.phone);
    expect(JSON.stringify(broken)).not.toContain(c.phone);
    const log = written.join("\n");
    // (An unexpected error is logged by class and path only: test/security/http.test.ts.)
    for (const value of [c.phone, c.id_number, c.name]) expect(log).not.toContain(value);
  });
});
