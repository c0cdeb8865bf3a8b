import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import type { OrganizationInput } from "../services/organization/new-organization.ts";

/**
 * `pnpm run setup` flags (issue 17). The password never travels as a flag (a command line is
 * visible to every user of the machine in `ps`): it comes from --admin-password-file or the
 * environment variable TINGJIAN_ADMIN_PASSWORD, or is typed at the prompt.
 */
export const USAGE = `usage: pnpm run setup [--org-code CODE] [--org-name NAME] [--timezone ZONE]
                       [--admin-login LOGIN] [--admin-name NAME] [--admin-password-file FILE]
                       [--another] [--non-interactive]
  Creates an organisation and its first administrator on DATABASE_URL, or on the embedded
  database in DATA_DIR (stop the server first). Asks for what is not given when run in a
  terminal. The password: --admin-password-file FILE (its first line) or TINGJIAN_ADMIN_PASSWORD.
  --another    the installation has an organisation already: add one more
  Exit codes: 0 created, 1 refused or failed, 2 bad input (every problem printed).`;

/** Each input field by the flag that gives it, for problems (the password: by name, file or variable). */
export const FIELD_FLAGS: Record<keyof OrganizationInput, string> = {
  code: "--org-code",
  name: "--org-name",
  timezone: "--timezone",
  adminLogin: "--admin-login",
  adminName: "--admin-name",
  adminPassword: "the password",
};

export interface SetupArgs {
  given: Partial<OrganizationInput>;
  another: boolean;
  interactive: boolean;
  help: boolean;
  /** Problems with the command line itself (unknown flag, unreadable file). */
  problems: string[];
}

/**
 * Reads the flags; `cwd` resolves a relative password file (pnpm runs the script in the server
 * package: INIT_CWD is where the operator typed it).
 */
export function parseSetupArgs(argv: string[], env: NodeJS.ProcessEnv, cwd: string, isTerminal: boolean): SetupArgs {
  const problems: string[] = [];
  let values: Record<string, string | boolean | undefined> = {};
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        "org-code": { type: "string" },
        "org-name": { type: "string" },
        timezone: { type: "string" },
        "admin-login": { type: "string" },
        "admin-name": { type: "string" },
        "admin-password-file": { type: "string" },
        another: { type: "boolean", default: false },
        "non-interactive": { type: "boolean", default: false },
        help: { type: "boolean", default: false },
      },
    }));
  } catch (e) {
    const text = (e as Error).message;
    problems.push(
      /admin-password\b(?!-file)/.test(text)
        ? "--admin-password is not accepted (other users see a command line): use --admin-password-file FILE or TINGJIAN_ADMIN_PASSWORD"
        : text.split("\n")[0]!,
    );
  }
  const str = (k: string) => (typeof values[k] === "string" ? (values[k] as string) : undefined);
  const given: Partial<OrganizationInput> = {
    code: str("org-code"),
    name: str("org-name"),
    timezone: str("timezone"),
    adminLogin: str("admin-login"),
    adminName: str("admin-name"),
  };
  const file = str("admin-password-file");
  if (file !== undefined) {
    try {
      given.adminPassword = readFileSync(resolve(cwd, file), "utf8").split(/\r?\n/)[0]!;
    } catch (e) {
      problems.push(`--admin-password-file: cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? "error"})`);
    }
  } else if (env.TINGJIAN_ADMIN_PASSWORD) {
    given.adminPassword = env.TINGJIAN_ADMIN_PASSWORD;
  }
  const interactive = isTerminal && !values["non-interactive"];
  return { given, another: values.another === true, interactive, help: values.help === true, problems };
}

/** The fields still missing (non-interactive: each is a problem). */
export function missingFields(given: Partial<OrganizationInput>): (keyof OrganizationInput)[] {
  return (Object.keys(FIELD_FLAGS) as (keyof OrganizationInput)[]).filter((k) => given[k] === undefined);
}
