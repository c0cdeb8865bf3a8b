/** `pnpm --filter @tingjian/server schema:print`: writes server/schema.graphql, the public contract. */
import { writeFileSync } from "node:fs";
import { printSchemaFile, schemaFile } from "./printed.ts";

writeFileSync(schemaFile, printSchemaFile());
console.log(`wrote ${schemaFile}`);
