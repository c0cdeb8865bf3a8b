#!/usr/bin/env bash
# Issue 16: would the tree-wide Biome reformat push a function over 80 lines or a file over 400
# (the limits of server/test/architecture/sizes.test.ts)? Copies the tree to a temporary directory,
# formats the copy with the repository's biome.json and measures it the way the sizes test does.
# The working tree is not touched.
#   scripts/check-format-sizes.sh [max-function-lines=80] [max-file-lines=400]
# Exit status 1 when something is over. Set LINE_WIDTH=n to try another biome lineWidth.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
max_fn="${1:-80}"
max_file="${2:-400}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
rsync -a --exclude node_modules --exclude .git --exclude test/artifacts "$repo/" "$tmp/"
ln -s "$repo/node_modules" "$tmp/node_modules"
if [ -n "${LINE_WIDTH:-}" ]; then
  sed -i -E "s/\"lineWidth\": *[0-9]+/\"lineWidth\": $LINE_WIDTH/" "$tmp/biome.json"
fi
(cd "$tmp" && "$repo/node_modules/.bin/biome" format --write . >/dev/null 2>"$tmp/.biome-errors") || { cat "$tmp/.biome-errors" >&2; exit 2; }
NODE_PATH="$repo/server/node_modules" node - "$tmp" "$max_fn" "$max_file" <<'JS'
const ts = require("typescript");
const fs = require("node:fs");
const path = require("node:path");
const [root, maxFn, maxFile] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];
const sources = (dir) =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "node_modules" ? [] : sources(p);
    return /\.(ts|tsx)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
const name = (node) => {
  const n = node.name ?? (ts.isVariableDeclaration(node.parent) ? node.parent.name : undefined);
  return n ? n.getText() : "(anonymous)";
};
const found = [];
for (const p of ["server/src", "client/src", "prisma/src"].flatMap((r) => sources(path.join(root, r)))) {
  if (/graphql-env\.d\.ts$/.test(p) || /\/generated\//.test(p)) continue;
  const rel = path.relative(root, p);
  const file = ts.createSourceFile(rel, fs.readFileSync(p, "utf8"), ts.ScriptTarget.Latest, true, rel.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const lines = file.getLineAndCharacterOfPosition(file.getEnd()).line + 1;
  if (lines > maxFile) found.push(`${rel}: ${lines} lines (at most ${maxFile})`);
  const visit = (node) => {
    const fn = ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isArrowFunction(node) || ts.isMethodDeclaration(node) || ts.isConstructorDeclaration(node) || ts.isGetAccessor(node);
    if (fn && node.body) {
      const from = file.getLineAndCharacterOfPosition(node.getStart(file)).line;
      const to = file.getLineAndCharacterOfPosition(node.body.getEnd()).line;
      if (to - from + 1 > maxFn) found.push(`${rel}:${from + 1}: function ${name(node)} has ${to - from + 1} lines (at most ${maxFn})`);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
}
console.log(found.length ? found.join("\n") : `nothing over ${maxFn} lines per function or ${maxFile} per file after the reformat`);
process.exit(found.length ? 1 : 0);
JS
