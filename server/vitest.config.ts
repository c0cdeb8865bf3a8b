import { databaseTestConfig } from "../prisma/src/testing/vitest-projects.ts";

export default databaseTestConfig();
