import { it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { checkRequest, DEFAULT_LIMITS, schema } from "@tingjian/server";
it("scan", () => {
  for (const dir of ["api", "browser", "bench"]) for (const f of readdirSync(dir)) {
    if (!f.endsWith(".ts")) continue;
    const text = readFileSync(`${dir}/${f}`, "utf8");
    for (const m of text.matchAll(/`(\s*(?:query|mutation)?\s*[({][^`]*)`/g)) {
      const src = m[1]!.replace(/\$\{[^}]*\}/g, "__typename");
      if (!/^\s*(query|mutation|\{)/.test(src)) continue;
      let c; try { c = checkRequest(schema, src, { signedIn: true }, DEFAULT_LIMITS); } catch { continue; }
      if (c.errors.length || c.cost > 100_000) console.log(`${dir}/${f}`, c.cost, c.depth, c.aliases, c.errors.map((e) => e.message).join(";"), src.slice(0, 120).replace(/\s+/g, " "));
    }
  }
});
