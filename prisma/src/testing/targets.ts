/**
 * The databases the suites run on: embedded PGlite always, and the PostgreSQL server named by
 * DATABASE_URL when it is set (CI sets it). Each is a vitest project, so every database test
 * file runs once per target.
 */
export type TestTarget = "pglite" | "postgres";

export function testTargets(env = process.env): TestTarget[] {
  return env.DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
}

/** Templates every test file starts from: migrated and empty, or with a small demo company. */
export type TemplateKind = "empty" | "demo";

/** Scale of the demo company in the "demo" template: small, so that setup stays fast. */
export const DEMO_TEMPLATE_SCALE = 0.1;
