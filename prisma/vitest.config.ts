import { databaseTestConfig } from "./src/testing/vitest-projects.ts";

export default databaseTestConfig();
