/**
 * `pnpm run import <file> [--kind KIND] [--organization CODE] [--dry-run]`: imports a spreadsheet in
 * the interchange layout (SPEC §13) into the database of DATABASE_URL, or the embedded one in
 * DATA_DIR (stop the server first: the embedded database admits one process). The kind defaults
 * to the file's name (complaints.csv, households-2026.xlsx, …); the organisation to the only one.
 * All or nothing: a refused file prints every problem as `line N, column X: reason [CODE]` and exits 1,
 * the reasons in the operator's language: `--language zh|en`, else the locale of LC_ALL, LC_MESSAGES
 * or LANG (zh_CN.UTF-8 → Chinese), else English.
 */
import { readFileSync } from "node:fs";
import { basename, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { applyMigrations, createPrisma, openDatabase, StartupError } from "@tingjian/prisma";
import { KINDS, LAYOUTS, type InterchangeKind } from "./layout.ts";
import { importAsOperator } from "./operator.ts";
import { render } from "../i18n/messages.ts";
import type { Language } from "../i18n/language.ts";

const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    kind: { type: "string" },
    organization: { type: "string" },
    "dry-run": { type: "boolean", default: false },
    language: { type: "string" },
  },
});

function kindOf(file: string): InterchangeKind {
  if (values.kind) {
    const kind = values.kind.toUpperCase().replace(/-/g, "_") as InterchangeKind;
    if (!KINDS.includes(kind)) throw new StartupError(`--kind must be one of ${KINDS.map((k) => k.toLowerCase()).join(", ")}`);
    return kind;
  }
  const name = basename(file).toLowerCase();
  const found = KINDS.find((k) => name.startsWith(LAYOUTS[k].stem));
  if (!found)
    throw new StartupError(
      `Cannot tell the kind of ${basename(file)} from its name; give --kind (${KINDS.map((k) => k.toLowerCase()).join(", ")})`,
    );
  return found;
}

/** The operator's language: --language, else the POSIX locale (LC_ALL, LC_MESSAGES, LANG), else English. */
function languageOf(): Language {
  const chosen = values.language ?? process.env.LC_ALL ?? process.env.LC_MESSAGES ?? process.env.LANG ?? "";
  return /^zh/i.test(chosen) ? "zh" : "en";
}

async function main(): Promise<number> {
  const [file] = positionals;
  if (!file || positionals.length > 1)
    throw new StartupError("usage: pnpm run import <file> [--kind KIND] [--organization CODE] [--dry-run] [--language zh|en]");
  // pnpm runs the script in the server package; a relative path means the caller's directory.
  const path = resolve(process.env.INIT_CWD ?? process.cwd(), file);
  const kind = kindOf(path);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new StartupError(`Cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? "error"})`);
  }
  const db = await openDatabase({
    databaseUrl: process.env.DATABASE_URL || undefined,
    dataDir: resolve(repoRoot, process.env.DATA_DIR ?? "data/pglite"),
  });
  const prisma = createPrisma(db);
  try {
    await applyMigrations(db.pool);
    const organizations = await prisma.organization.findMany({
      where: values.organization ? { code: values.organization } : {},
      select: { id: true, code: true },
    });
    if (organizations.length !== 1) {
      if (values.organization) throw new StartupError(`No organisation with the code ${values.organization}`);
      throw new StartupError(
        organizations.length
          ? `The database holds ${organizations.length} organisations; give --organization CODE`
          : "The database holds no organisation yet (pnpm seed, or pnpm start once)",
      );
    }
    let shown = Date.now();
    const outcome = await importAsOperator(prisma, organizations[0]!.id, basename(path), {
      kind,
      bytes,
      dryRun: values["dry-run"],
      onProgress: (p) => {
        if (Date.now() - shown < 2000) return;
        shown = Date.now();
        console.error(`${p.status.toLowerCase()}: ${p.processedRows} of ${p.totalRows} rows`);
      },
    });
    if (!outcome.ok) {
      const language = languageOf();
      for (const p of outcome.problems) {
        const where = language === "zh" ? `第 ${p.line} 行，${p.column || "-"} 列：` : `line ${p.line}, column ${p.column || "-"}: `;
        console.log(`${where}${render(p.localized, language)} [${p.code}]`);
      }
      const more = outcome.problemCount - outcome.problems.length;
      console.log(
        `${basename(path)}: refused, nothing imported: ${outcome.problemCount} problem(s) on ${outcome.rowsWithProblems} line(s)${more > 0 ? ` (${more} not listed)` : ""}`,
      );
      return 1;
    }
    const rate = Math.round(outcome.totalRows / Math.max(outcome.seconds, 0.001));
    console.log(
      `${basename(path)} (${kind.toLowerCase()}${outcome.dryRun ? ", dry run: nothing kept" : ""}): ${outcome.created} created, ${outcome.updated} updated, ${outcome.unchanged} unchanged`,
    );
    if (outcome.ignoredColumns.length) console.log(`ignored columns: ${outcome.ignoredColumns.join(", ")}`);
    console.log(`${outcome.totalRows} rows in ${outcome.seconds.toFixed(1)} s (${rate} rows/s) on the ${db.kind} database`);
    return 0;
  } finally {
    await prisma.$disconnect();
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    // SEC-7: an unexpected error is reported by its class only (database errors can echo values).
    console.error(
      e instanceof StartupError
        ? `import: ${e.message}`
        : `import: failed (${(e as Error).name}${(e as { code?: string }).code ? ` ${(e as { code?: string }).code}` : ""}); nothing was imported`,
    );
    process.exit(2);
  },
);
