/**
 * `pnpm migrate:new <name>`: writes the SQL of the next migration without any database, by
 * diffing the schema as of the last commit (git HEAD) against the working schema folder
 * prisma/schema/ (see ../shared/STACK.md: the offline path). Review the SQL, then commit it with
 * the schema.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync, mkdtempSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { migrationsDir, readMigrations } from "./apply.ts";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: pnpm migrate:new <name>   (lower case letters, digits and _)");
  process.exit(2);
}
const prismaDir = fileURLToPath(new URL("../..", import.meta.url));
const schema = join(prismaDir, "schema");

/**
 * Writes the schema as of HEAD into a new folder: the .prisma files of prisma/schema/, or the
 * single prisma/schema.prisma of the commits before the schema was split by area.
 */
function previousSchema(): string {
  const dir = mkdtempSync(join(tmpdir(), "schema-"));
  const git = (...args: string[]) => execFileSync("git", args, { cwd: prismaDir });
  const files = git("ls-tree", "--full-name", "--name-only", "HEAD", "schema/")
    .toString()
    .split("\n")
    .filter((f) => f.endsWith(".prisma"));
  if (files.length === 0) writeFileSync(join(dir, "schema.prisma"), git("show", "HEAD:prisma/schema.prisma"));
  for (const f of files) writeFileSync(join(dir, basename(f)), git("show", `HEAD:${f}`));
  return dir;
}

let from = ["--from-empty"];
if (readMigrations().length > 0) from = ["--from-schema-datamodel", previousSchema()];
const sql = execFileSync("pnpm", ["exec", "prisma", "migrate", "diff", ...from, "--to-schema-datamodel", schema, "--script"], {
  cwd: prismaDir,
  encoding: "utf8",
  env: { ...process.env, PRISMA_ADAPTER: "pglite", CHECKPOINT_DISABLE: "1", DATABASE_URL: "postgresql://offline@localhost/offline" },
});
if (!/^\s*(CREATE|ALTER|DROP|--\s*(Create|Alter|Drop|Add))/m.test(sql)) {
  console.log("The schema has no changes since HEAD; nothing written.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = join(migrationsDir, `${stamp}_${name}`);
if (existsSync(dir)) throw new Error(`${dir} exists`);
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, "migration.sql"), sql);
console.log(`wrote ${dir}/migration.sql`);
