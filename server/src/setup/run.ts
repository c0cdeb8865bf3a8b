import type { PrismaClient } from "@tingjian/prisma/client";
import { ForbiddenError, InputError } from "../errors/typed-errors.ts";
import type { Language } from "../i18n/language.ts";
import { render } from "../i18n/messages.ts";
import { createOrganizationAsOperator } from "../services/organization/operator.ts";
import type { OrganizationInput } from "../services/organization/new-organization.ts";
import { FIELD_FLAGS, missingFields, parseSetupArgs, USAGE } from "./args.ts";
import { askFor, type Prompt } from "./prompt.ts";

export type ExitCode = 0 | 1 | 2;

export interface SetupIo {
  out(line: string): void;
  err(line: string): void;
  /** The language of the problems printed (LANG=zh… gives Chinese). */
  language: Language;
}

export interface SetupCommand {
  argv: string[];
  env: NodeJS.ProcessEnv;
  /** Where a relative --admin-password-file is read from. */
  cwd: string;
  /** A terminal's prompt: missing or bad fields are asked for. Absent: non-interactive. */
  prompt?: Prompt;
  now?: Date;
}

const DEFAULT_TIMEZONE = "Asia/Shanghai";
const ATTEMPTS = 3;

/**
 * Issue 17 items 1 and 3: `pnpm run setup` on an open database — the flags, the prompts of a
 * terminal for what is missing or bad (three rounds), then the organisation. Exit code 0
 * created, 1 refused (an organisation exists and --another was not given), 2 bad input.
 */
export async function setupCommand(prisma: PrismaClient, command: SetupCommand, io: SetupIo): Promise<ExitCode> {
  const args = parseSetupArgs(command.argv, command.env, command.cwd, command.prompt !== undefined);
  if (args.help) {
    io.out(USAGE);
    return 0;
  }
  if (args.problems.length) {
    for (const p of args.problems) io.err(p);
    io.err(USAGE);
    return 2;
  }
  // The timezone has a default: asked in a terminal (with the default offered), taken otherwise.
  const given = { timezone: DEFAULT_TIMEZONE, ...stripUndefined(args.given) };
  let ask = new Set(args.interactive ? missingFields(args.given) : missingFields(given));
  if (ask.size && !args.interactive) {
    for (const field of ask)
      io.err(
        `${FIELD_FLAGS[field]}: missing${field === "adminPassword" ? " (--admin-password-file FILE, or TINGJIAN_ADMIN_PASSWORD)" : ""}`,
      );
    return 2;
  }
  let input = given as OrganizationInput;
  for (let round = 1; ; round++) {
    if (ask.size) input = await askFor(command.prompt!, ask, input);
    const result = await runSetup(prisma, input, { another: args.another, now: command.now }, io);
    if (result.code !== 2 || !args.interactive || round === ATTEMPTS) return result.code;
    ask = result.bad;
  }
}

/** Creates the organisation and prints the outcome; bad input prints every problem by its flag. */
export async function runSetup(
  prisma: PrismaClient,
  input: OrganizationInput,
  options: { another: boolean; now?: Date | undefined },
  io: SetupIo,
): Promise<{ code: ExitCode; bad: Set<keyof OrganizationInput> }> {
  try {
    const created = await createOrganizationAsOperator(prisma, input, { another: options.another, now: options.now });
    io.out(`Organisation ${created.code} (${created.name}) created with the standard working calendar and the default policy values.`);
    io.out(
      `Its administrator signs in as "${created.adminLogin}"${options.another ? ` with the organisation code ${created.code}` : ""}; then create the staff and estates, and import households and complaint history (README "Starting a company for real").`,
    );
    return { code: 0, bad: new Set() };
  } catch (e) {
    if (e instanceof InputError) {
      const bad = new Set<keyof OrganizationInput>();
      for (const p of e.problems) {
        const field = p.path[p.path.length - 1] as keyof OrganizationInput;
        bad.add(field);
        const flag = FIELD_FLAGS[field] ?? p.field;
        const text = p.localized
          ? render({ key: p.localized.key, params: { ...p.localized.params, field: flag } }, io.language)
          : p.message;
        io.err(text.includes(flag) ? text : `${flag}: ${text}`);
      }
      return { code: 2, bad };
    }
    if (e instanceof ForbiddenError) {
      io.err(e.localized ? render(e.localized, io.language) : e.message);
      return { code: 1, bad: new Set() };
    }
    throw e;
  }
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
