import { defineConfig } from "vitest/config";
import { databaseProjects } from "./src/testing/vitest-projects.ts";

export default defineConfig({
  test: {
    projects: databaseProjects(),
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
