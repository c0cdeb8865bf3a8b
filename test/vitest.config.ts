import { defineConfig } from "vitest/config";
import { databaseProjects } from "../prisma/src/testing/vitest-projects.ts";

export default defineConfig({
  // One graphql module for the schema and the code under test: Vite would otherwise resolve the
  // ESM build for inlined sources while Pothos (external) loads the CommonJS one.
  resolve: { alias: { graphql: "graphql/index.js" } },
  test: {
    projects: databaseProjects(),
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
