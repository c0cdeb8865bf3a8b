export { useTestDatabase, type TestDatabase } from "./test-database.ts";
export { testTargets, type TestTarget, type TemplateKind, DEMO_TEMPLATE_SCALE } from "./targets.ts";
