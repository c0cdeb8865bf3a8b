import { fileURLToPath } from "node:url";
import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";
import { testTargets } from "./targets.ts";

const globalSetup = fileURLToPath(new URL("./global-setup.ts", import.meta.url));

/** One vitest project per database target; used by every package's vitest.config.ts. */
export function databaseProjects(): TestProjectInlineConfiguration[] {
  return testTargets().map((target) => ({
    extends: true,
    test: {
      name: target,
      env: { TEST_TARGET: target },
      globalSetup: [globalSetup],
    },
  }));
}

/** The vitest configuration of every package whose tests use a database. */
export function databaseTestConfig() {
  return defineConfig({
    // One graphql module for the schema and the code under test: Vite would otherwise resolve the
    // ESM build for inlined sources while Pothos (external) loads the CommonJS one.
    resolve: { alias: { graphql: "graphql/index.js" } },
    test: {
      projects: databaseProjects(),
      testTimeout: 30_000,
      hookTimeout: 120_000,
    },
  });
}
