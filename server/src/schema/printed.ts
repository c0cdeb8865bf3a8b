import { fileURLToPath } from "node:url";
import { lexicographicSortSchema, printSchema } from "graphql";
import { schema } from "./index.ts";

export const schemaFile = fileURLToPath(new URL("../../schema.graphql", import.meta.url));

export function printSchemaFile(): string {
  return `# Printed from the Pothos schema by \`pnpm --filter @tingjian/server schema:print\`; a test fails when stale.\n${printSchema(lexicographicSortSchema(schema))}\n`;
}
