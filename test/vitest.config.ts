import { fileURLToPath } from "node:url";
import { databaseTestConfig } from "../prisma/src/testing/vitest-projects.ts";

const buildClient = fileURLToPath(new URL("./browser/build-client.ts", import.meta.url));
const config = databaseTestConfig();

// The browser tests need the built client; building it is the one global step they add.
for (const project of config.test!.projects as { test: { globalSetup: string[] } }[]) {
  project.test.globalSetup = [...project.test.globalSetup, buildClient];
}

export default config;
