import { fileURLToPath } from "node:url";
import { databaseTestConfig } from "../prisma/src/testing/vitest-projects.ts";

const buildClient = fileURLToPath(new URL("./browser/build-client.ts", import.meta.url));
const config = databaseTestConfig();

// The browser tests need the built client; building it is the one global step they add.
for (const project of config.test!.projects as { test: { globalSetup: string[] } }[]) {
  project.test.globalSetup = [...project.test.globalSetup, buildClient];
}

// A browser test types and clicks against a server on the same two cores as the rest of the
// suite; under the full load of CI a keystroke can land late. One retry keeps a timing hiccup
// from failing the run; a test that fails twice is a failure.
config.test!.retry = 1;

export default config;
