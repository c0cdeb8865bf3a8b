import { createInterface, type Interface } from "node:readline";
import { Writable } from "node:stream";
import type { OrganizationInput } from "../services/organization/new-organization.ts";

/** The questions of the interactive setup, in the order asked. */
const QUESTIONS: [keyof OrganizationInput, string][] = [
  ["name", "Organisation name (组织名称)"],
  ["code", "Organisation code, typed at sign-in, e.g. HUATING (组织代码)"],
  ["timezone", "Timezone (时区)"],
  ["adminLogin", "Administrator's login (管理员登录名)"],
  ["adminName", "Administrator's name (管理员姓名)"],
];

/**
 * A terminal prompt whose echo can be switched off: typed passwords do not appear on the screen
 * (readline echoes through its output stream, which drops everything while `muted`).
 */
export class Prompt {
  private muted = false;
  private readonly rl: Interface;

  constructor(
    input: NodeJS.ReadableStream = process.stdin,
    private readonly out: NodeJS.WritableStream = process.stdout,
  ) {
    const echo = new Writable({
      write: (chunk, _enc, done) => {
        if (!this.muted) out.write(chunk);
        done();
      },
    });
    this.rl = createInterface({ input, output: echo, terminal: true });
  }

  ask(question: string, fallback?: string): Promise<string> {
    return new Promise((done) => {
      this.rl.question(`${question}${fallback ? ` [${fallback}]` : ""}: `, (answer) => done(answer.trim() || fallback || ""));
    });
  }

  /** Asks without echoing what is typed. */
  async askHidden(question: string): Promise<string> {
    const answer = new Promise<string>((done) => this.rl.question(`${question}: `, done));
    this.muted = true;
    try {
      return await answer;
    } finally {
      this.muted = false;
      this.out.write("\n");
    }
  }

  close(): void {
    this.rl.close();
  }
}

/**
 * Asks for the fields in `fields` (all missing or bad ones), the password twice until both agree;
 * `given` holds what is known, defaults included.
 */
export async function askFor(
  prompt: Prompt,
  fields: ReadonlySet<keyof OrganizationInput>,
  given: Partial<OrganizationInput>,
): Promise<OrganizationInput> {
  const answers: Partial<OrganizationInput> = { ...given };
  for (const [field, question] of QUESTIONS) {
    if (fields.has(field))
      answers[field] = await prompt.ask(question, field === "timezone" ? (given.timezone ?? "Asia/Shanghai") : undefined);
  }
  if (fields.has("adminPassword")) {
    for (;;) {
      const first = await prompt.askHidden("Administrator's password, at least 10 characters (管理员密码)");
      const again = await prompt.askHidden("The password again (再输入一次)");
      if (first === again) {
        answers.adminPassword = first;
        break;
      }
      console.log("The two passwords differ; again. (两次输入的密码不一致。)");
    }
  }
  return answers as OrganizationInput;
}
