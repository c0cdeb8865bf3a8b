import { fileURLToPath } from "node:url";
import type { TestProjectInlineConfiguration } from "vitest/config";
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
