import { defineConfig } from "vitest/config";
import { databaseProjects } from "@tingjian/prisma/vitest-projects";

export default defineConfig({
  test: {
    projects: databaseProjects(),
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
