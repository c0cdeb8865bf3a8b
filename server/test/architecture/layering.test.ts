import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * Issue 16: the server's layers (README "Architecture"). An import may run down this list, or
 * stay in its layer, never up: a rule in `domain/` knows nothing of services, a service nothing
 * of GraphQL, the schema nothing of HTTP. A file in no layer fails too, so that a new folder is
 * placed deliberately.
 */
const LAYERS: [layer: string, paths: string[]][] = [
  [
    "http",
    ["http/", "yoga.ts", "main.ts", "index.ts", "context.ts", "config.ts", "rate-limits/", "limits/", "errors-masking.ts", "setup/"],
  ],
  ["schema", ["schema/", "builder.ts", "input/"]],
  ["jobs", ["jobs/"]],
  ["interchange", ["interchange/"]],
  ["services", ["services/", "auth/"]],
  ["access", ["access/"]],
  ["domain", ["domain/"]],
  // Shared by every layer: typed errors, messages, the clock, the log, fixed settings.
  ["base", ["errors/", "i18n/", "clock.ts", "logging.ts", "limits/settings.ts"]],
];

const src = fileURLToPath(new URL("../../src/", import.meta.url));

/** The layer of a file: the longest matching path wins (limits/settings.ts is base, limits/ http). */
export function layerOf(file: string): number {
  let best = -1,
    length = -1;
  LAYERS.forEach(([, paths], i) => {
    for (const p of paths) {
      const hit = p.endsWith("/") ? file.startsWith(p) : file === p;
      if (hit && p.length > length) {
        best = i;
        length = p.length;
      }
    }
  });
  return best;
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? sources(p) : p.endsWith(".ts") ? [p] : [];
  });
}

/** Relative imports and re-exports of a file (type-only ones too: a type is a dependency). */
export function importsOf(code: string): string[] {
  return [...code.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s+"(\.{1,2}\/[^"]+)"/gms)]
    .map((m) => m[1]!)
    .concat([...code.matchAll(/\bimport\(\s*"(\.{1,2}\/[^"]+)"\s*\)/g)].map((m) => m[1]!));
}

export function violations(files: { path: string; code: string }[]): string[] {
  const out: string[] = [];
  for (const f of files) {
    const from = layerOf(f.path);
    if (from < 0) {
      out.push(`${f.path} is in no layer`);
      continue;
    }
    for (const spec of importsOf(f.code)) {
      const target = relative(src, resolve(src, dirname(f.path), spec)).replaceAll("\\", "/");
      const to = layerOf(target);
      if (to >= 0 && to < from) out.push(`${f.path} (${LAYERS[from]![0]}) imports ${target} (${LAYERS[to]![0]})`);
    }
  }
  return out;
}

describe("issue 16: the layering http → schema → jobs → interchange → services → access → domain", () => {
  it("no import in server/src runs back up", () => {
    const files = sources(src).map((p) => ({ path: relative(src, p).replaceAll("\\", "/"), code: readFileSync(p, "utf8") }));
    expect(files.length).toBeGreaterThan(100);
    expect(violations(files)).toEqual([]);
  });

  it("catches an import that runs up, and a file outside every layer", () => {
    expect(
      violations([
        { path: "domain/sla/clock.ts", code: 'import { x } from "../../services/complaints/register.ts";' },
        {
          path: "services/complaints/register.ts",
          code: 'import type { Y } from "../../schema/complaints/object.ts";\nimport { z } from "../../domain/sla/clock.ts";',
        },
        { path: "access/read-scope.ts", code: 'export { w } from "../schema/enums.ts";' },
        { path: "limits/settings.ts", code: 'import { v } from "./cost.ts";' },
        { path: "schema/errors.ts", code: 'import { e } from "../errors/typed-errors.ts";' },
        { path: "complaints/timeline.ts", code: "" },
      ]),
    ).toEqual([
      "domain/sla/clock.ts (domain) imports services/complaints/register.ts (services)",
      "services/complaints/register.ts (services) imports schema/complaints/object.ts (schema)",
      "access/read-scope.ts (access) imports schema/enums.ts (schema)",
      "limits/settings.ts (base) imports limits/cost.ts (http)",
      "complaints/timeline.ts is in no layer",
    ]);
  });
});
