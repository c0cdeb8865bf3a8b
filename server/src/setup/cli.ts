/**
 * `pnpm run setup`: creates an organisation and its first administrator (issue 17 items 1 and
 * 3) on DATABASE_URL, or on the embedded database in DATA_DIR (stop the server first: the
 * embedded database admits one process), after applying the pending migrations as `pnpm start`
 * does. In a terminal it asks for what the flags do not give; scripts give every flag
 * (args.ts USAGE). Exit codes: 0 created, 1 refused or failed, 2 bad input.
 */
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { applyMigrations, createPrisma, describeUrl, openDatabase, StartupError } from "@tingjian/prisma";
import { parseSetupArgs, USAGE } from "./args.ts";
import { Prompt } from "./prompt.ts";
import { type ExitCode, setupCommand } from "./run.ts";

const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));

async function main(): Promise<ExitCode> {
  const argv = process.argv.slice(2);
  const cwd = process.env.INIT_CWD ?? process.cwd();
  const terminal = Boolean(process.stdin.isTTY && process.stdout.isTTY);
  const preview = parseSetupArgs(argv, process.env, cwd, terminal);
  if (preview.help) {
    console.log(USAGE);
    return 0;
  }
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const dataDir = resolve(repoRoot, process.env.DATA_DIR ?? "data/pglite");
  const db = await openDatabase({ databaseUrl, dataDir });
  const prisma = createPrisma(db);
  const prompt = preview.interactive ? new Prompt() : undefined;
  try {
    const applied = await applyMigrations(db.pool);
    if (applied.length) console.log(`applied ${applied.length} migration(s) to ${databaseUrl ? describeUrl(databaseUrl) : dataDir}`);
    const language = /^zh/i.test(process.env.LC_ALL || process.env.LANG || "") ? "zh" : "en";
    return await setupCommand(
      prisma,
      { argv, env: process.env, cwd, prompt },
      { out: (l) => console.log(l), err: (l) => console.error(l), language },
    );
  } finally {
    prompt?.close();
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
        ? `setup: ${e.message}`
        : `setup: failed (${(e as Error).name}${(e as { code?: string }).code ? ` ${(e as { code?: string }).code}` : ""}); nothing was created`,
    );
    process.exit(1);
  },
);
