import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * Issue 16 (habits): no source file over 400 lines, no function over 80 (tests excepted), so that
 * a module does one job a reader can hold in mind. Generated files are not written by us.
 */
const MAX_FILE_LINES = 400;
const MAX_FUNCTION_LINES = 80;
const repo = fileURLToPath(new URL("../../../", import.meta.url));
const ROOTS = ["server/src", "client/src", "prisma/src"];
const GENERATED = [/graphql-env\.d\.ts$/, /\/generated\//];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === "node_modules" ? [] : sources(p);
    return /\.(ts|tsx)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

export function oversized(path: string, code: string): string[] {
  const out: string[] = [];
  const file = ts.createSourceFile(path, code, ts.ScriptTarget.Latest, true, path.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const lines = file.getLineAndCharacterOfPosition(file.getEnd()).line + 1;
  if (lines > MAX_FILE_LINES) out.push(`${path}: ${lines} lines (at most ${MAX_FILE_LINES})`);
  const visit = (node: ts.Node) => {
    if (
      ts.isFunctionDeclaration(node) ||
      ts.isFunctionExpression(node) ||
      ts.isArrowFunction(node) ||
      ts.isMethodDeclaration(node) ||
      ts.isConstructorDeclaration(node) ||
      ts.isGetAccessor(node)
    ) {
      const body = node.body;
      if (body) {
        const from = file.getLineAndCharacterOfPosition(node.getStart(file)).line;
        const to = file.getLineAndCharacterOfPosition(body.getEnd()).line;
        if (to - from + 1 > MAX_FUNCTION_LINES)
          out.push(`${path}:${from + 1}: function ${name(node)} has ${to - from + 1} lines (at most ${MAX_FUNCTION_LINES})`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return out;
}

function name(node: ts.Node): string {
  const n = (node as { name?: ts.Node }).name ?? (ts.isVariableDeclaration(node.parent) ? node.parent.name : undefined);
  return n ? n.getText() : "(anonymous)";
}

describe("sizes (issue 16)", () => {
  it(`no source file over ${MAX_FILE_LINES} lines, no function over ${MAX_FUNCTION_LINES}`, () => {
    const files = ROOTS.flatMap((r) => sources(join(repo, r))).filter((p) => !GENERATED.some((g) => g.test(p)));
    const found = files.flatMap((p) => oversized(relative(repo, p), readFileSync(p, "utf8")));
    expect(found).toEqual([]);
  });

  it("names a long file and a long function, and a nested one by itself", () => {
    const body = Array.from({ length: 81 }, (_, i) => `  const v${i} = ${i};`).join("\n");
    const code = `export function long() {\n${body}\n}\nconst short = () => 1;\n` + "\n".repeat(320);
    expect(oversized("x.ts", code)).toEqual(["x.ts: 405 lines (at most 400)", "x.ts:1: function long has 83 lines (at most 80)"]);
    expect(oversized("y.ts", "const f = () => {\n" + body.slice(0, 200) + "\n};\n")).toEqual([]);
  });
});
