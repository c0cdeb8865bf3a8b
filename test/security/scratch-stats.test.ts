import { it } from "vitest";
import { checkRequest, DEFAULT_LIMITS, schema } from "@tingjian/server";
import { getIntrospectionQuery } from "graphql";
import { clientOperations, operationNamesInSource } from "./client-operations.ts";

it("stats", () => {
  const ops = clientOperations([6, 50, 100]);
  const rows = ops.map((o) => { const c = checkRequest(schema, o.source, { variables: o.variables, operationName: o.operationName, signedIn: true }, { ...DEFAULT_LIMITS, maxCost: 1e15, maxAliases: 1e9, maxDepth: 1000, maxTokens: 1e9, maxDocumentLength: 1e9 }); return [o.origin, c.length, c.tokens, c.depth, c.aliases, c.directives, c.cost, c.errors.map((e) => e.message).join(";")].join(" | "); });
  console.log(rows.join("\n"));
  const i = checkRequest(schema, getIntrospectionQuery(), { signedIn: true }, { ...DEFAULT_LIMITS, maxCost: 1e15 });
  console.log("introspection", i.length, i.tokens, i.depth, i.aliases, i.cost, i.errors.map((e) => e.message));
  const names = operationNamesInSource();
  const covered = new Set(ops.map((o) => o.operationName));
  console.log("uncovered", [...names].filter((n) => !covered.has(n)), "extra", [...covered].filter((n) => !names.has(n)));
});
import { execute, parse, isObjectType as _o } from "graphql";
it("real introspection size", async () => {
  const r = await execute({ schema, document: parse(getIntrospectionQuery()) });
  let n = 0; const walk = (v: unknown) => { if (Array.isArray(v)) v.forEach(walk); else if (v && typeof v === "object") Object.values(v).forEach((x) => { n++; walk(x); }); };
  walk(r.data); console.log("real fields", n, JSON.stringify(r.data).length);
});
