import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "@tingjian/server";
import { DEMO_PASSWORD } from "@tingjian/prisma";
import { useTestDatabase } from "@tingjian/prisma/testing";
import { globalId, signIn, type Caller, type GqlResult } from "./graphql.ts";
import { languageOf } from "../../server/src/i18n/language.ts";
import { NOUNS } from "../../server/src/i18n/phrases.ts";
import { ForbiddenError, InputError, messageIn, NotFoundError } from "../../server/src/errors/typed-errors.ts";
import { demoClock } from "../demo-clock.ts";

/**
 * The UI is Chinese by default and sends its language as Accept-Language; the API answers its
 * refusals in that language. Without the header (external tools, every other test) the messages
 * stay English. No message, in either language, quotes a protected value (SEC-1).
 */

type Payload = { __typename: string; message?: string; field?: string; currentVersion?: number };

const AMEND = `mutation($input: AmendComplaintInput!) {
  amendComplaint(input: $input) { __typename ... on Error { message } ... on InputError { field } ... on ComplaintConflictError { currentVersion } }
}`;
const SIGN_IN = `mutation($login: String!, $password: String!) { signIn(login: $login, password: $password) { __typename ... on Error { message } } }`;

describe("error messages in the caller's language (Accept-Language)", () => {
  const t = useTestDatabase("demo");
  let app: App;
  let exec: Caller;
  let lowClearance: Caller;
  /** A complaint of the LX estate the test raised to CONFIDENTIAL, and its protected values. */
  let complaint = { id: "", version: 0, content: "", contact: "", name: "" };
  const q = async <T = Record<string, unknown>>(text: string, params: unknown[] = []) => (await t.db.pool.query(text, params)).rows as T[];

  async function ask<T = Record<string, Payload>>(
    query: string,
    variables: Record<string, unknown>,
    caller: Caller,
    language?: string,
  ): Promise<GqlResult<T>> {
    const res = await app.fetch("http://yoga/graphql", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(language ? { "accept-language": language } : {}),
        ...(caller.cookie ? { cookie: caller.cookie } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as GqlResult<T>;
  }
  /** The same request without the header and with `zh-CN`: [english, chinese] payloads. */
  async function both(input: Record<string, unknown>, caller: Caller): Promise<[Payload, Payload]> {
    const en = await ask(AMEND, { input }, caller);
    const zh = await ask(AMEND, { input }, caller, "zh-CN,zh;q=0.9,en;q=0.8");
    expect(en.errors).toBeUndefined();
    expect(zh.errors).toBeUndefined();
    return [en.data!.amendComplaint!, zh.data!.amendComplaint!];
  }
  const chinese = /[\u4e00-\u9fff]/;
  function noProtectedValue(...messages: (string | undefined)[]) {
    for (const m of messages) {
      expect(m).toBeTruthy();
      for (const secret of [complaint.content, complaint.contact, complaint.name, "秘密修改内容"]) expect(m).not.toContain(secret);
    }
  }

  beforeAll(async () => {
    app = createApp({ prisma: t.prisma, clock: demoClock() });
    exec = await signIn(app, "exec");
    const [row] = await q<{ id: string; version: number; content: string; complainant_contact: string; complainant_name: string }>(
      `UPDATE complaints SET classification = 'CONFIDENTIAL', complainant_contact = '13912340000', complainant_name = '语言测试人'
       WHERE id = (SELECT k.id FROM complaints k JOIN estates e ON e.id = k.estate_id WHERE e.code = 'LX' AND k.classification <> 'TOP_SECRET' ORDER BY k.id LIMIT 1)
       RETURNING id, version, content, complainant_contact, complainant_name`,
    );
    complaint = {
      id: globalId("Complaint", row!.id),
      version: row!.version,
      content: row!.content,
      contact: row!.complainant_contact,
      name: row!.complainant_name,
    };
    // §2, SEC-2: someone who handles LX complaints but is not cleared for CONFIDENTIAL.
    const [low] = await q<{ login: string }>(
      `SELECT s.login FROM staff s JOIN staff_estate_scopes sc ON sc.staff_id = s.id JOIN estates e ON e.id = sc.estate_id
       WHERE e.code = 'LX' AND s.active AND s.kind = 'HUMAN' AND s.clearance IN ('INTERNAL', 'SECRET')
         AND s.role IN ('FRONT_DESK', 'PROPERTY_ASSISTANT', 'SERVICE_REP') ORDER BY s.login LIMIT 1`,
    );
    lowClearance = await signIn(app, low!.login);
  });

  it("reads the language from Accept-Language: Chinese when preferred, English otherwise", () => {
    expect(languageOf(null)).toBe("en");
    expect(languageOf("")).toBe("en");
    expect(languageOf("zh-CN")).toBe("zh");
    expect(languageOf("zh-Hans-CN,zh;q=0.9")).toBe("zh");
    expect(languageOf("ZH-tw")).toBe("zh");
    expect(languageOf("en-US,en;q=0.9,zh-CN;q=0.8")).toBe("en");
    expect(languageOf("en;q=0.5, zh-CN")).toBe("zh");
    expect(languageOf("fr-FR, zh;q=0.5")).toBe("zh");
    expect(languageOf("fr-FR, de")).toBe("en");
    expect(languageOf("zh;q=0, en")).toBe("en");
    expect(languageOf("zhx, zh-")).toBe("zh");
    expect(languageOf("garbage;;;q=x")).toBe("en");
  });

  it("a required field left empty: Chinese without the input path, English as before; the field names it either way", async () => {
    const [en, zh] = await both({ id: complaint.id, version: complaint.version, reason: "   ", content: "秘密修改内容" }, exec);
    expect(en).toMatchObject({ __typename: "InputError", field: "input.reason", message: "input.reason is required" });
    expect(zh).toMatchObject({ __typename: "InputError", field: "input.reason", message: "此项必填" });
    noProtectedValue(en.message, zh.message);
  });

  it("an unknown id: NotFoundError names the record type in the caller's language", async () => {
    const [en, zh] = await both(
      { id: globalId("Complaint", "00000000-0000-4000-8000-000000000000"), version: 1, reason: "核对", content: "秘密修改内容" },
      exec,
    );
    expect(en).toEqual({ __typename: "NotFoundError", message: "Complaint does not exist or is not visible to you" });
    expect(zh).toEqual({ __typename: "NotFoundError", message: "投诉不存在或您无权查看" });
  });

  it("a stale version: the conflict error says so in the caller's language, with the current version", async () => {
    const [en, zh] = await both({ id: complaint.id, version: complaint.version + 7, reason: "核对", content: "秘密修改内容" }, exec);
    expect(en.__typename).toBe("ComplaintConflictError");
    expect(en.message).toBe(
      `The record was changed by someone else (now version ${complaint.version}); reload it and apply your change again`,
    );
    expect(zh).toMatchObject({ __typename: "ComplaintConflictError", currentVersion: complaint.version });
    expect(zh.message).toBe(`记录已被他人修改（现为第 ${complaint.version} 版），请重新加载后再修改`);
    noProtectedValue(en.message, zh.message);
    // Nothing was written.
    const [row] = await q<{ version: number }>(`SELECT version FROM complaints WHERE id = $1`, [
      Buffer.from(complaint.id, "base64").toString().split(":")[1],
    ]);
    expect(row!.version).toBe(complaint.version);
  });

  it("a forbidden action (SEC-2: the case is above the caller's clearance): ForbiddenError in the caller's language", async () => {
    const [en, zh] = await both(
      { id: complaint.id, version: complaint.version, reason: "核对", complainantContact: "13800000000" },
      lowClearance,
    );
    expect(en).toEqual({ __typename: "ForbiddenError", message: "Not entitled to this complaint's protected fields" });
    expect(zh).toEqual({ __typename: "ForbiddenError", message: "您无权查看此投诉的受保护字段" });
    noProtectedValue(en.message, zh.message);
    for (const m of [en.message, zh.message]) expect(m).not.toContain("13800000000");
  });

  it("permission and sign-in refusals (FORBIDDEN, UNAUTHENTICATED) keep their codes and name the permission in either language", async () => {
    const auditor = await signIn(app, "auditor");
    const input = { id: complaint.id, version: complaint.version, reason: "核对", content: "秘密修改内容" };
    const en = await ask(AMEND, { input }, auditor);
    const zh = await ask(AMEND, { input }, auditor, "zh-CN");
    expect(en.errors?.[0]).toMatchObject({
      message: "Not allowed to read Mutation.amendComplaint: requires the permission COMPLAINTS_WRITE",
      extensions: { code: "FORBIDDEN" },
    });
    expect(zh.errors?.[0]).toMatchObject({
      message: "无权读取 Mutation.amendComplaint：需要权限 COMPLAINTS_WRITE",
      extensions: { code: "FORBIDDEN" },
    });

    const anonymousEn = await ask(AMEND, { input }, {});
    const anonymousZh = await ask(AMEND, { input }, {}, "zh");
    expect(anonymousEn.errors?.[0]).toMatchObject({ message: "Sign in first", extensions: { code: "UNAUTHENTICATED" } });
    expect(anonymousZh.errors?.[0]).toMatchObject({ message: "请先登录", extensions: { code: "UNAUTHENTICATED" } });
    const revokedZh = await ask(AMEND, { input }, { cookie: "tj_session=not-a-session" }, "zh-CN");
    expect(revokedZh.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(revokedZh.errors?.[0]?.message).toMatch(chinese);
  });

  it("an error a query throws (no typed payload: BAD_USER_INPUT with its field) is in the caller's language too", async () => {
    const query = `query($estate: ID!) { staffDirectory(filter: { estateId: $estate }) { totalCount } }`;
    const missing = { estate: globalId("Estate", "00000000-0000-4000-8000-000000000000") };
    const en = await ask(query, missing, exec);
    const zh = await ask(query, missing, exec, "zh-CN");
    expect(en.errors?.[0]).toMatchObject({
      message: "No such estate in your scope",
      extensions: { code: "BAD_USER_INPUT", field: "filter.estateId" },
    });
    expect(zh.errors?.[0]).toMatchObject({
      message: "您的管辖范围内没有此项目",
      extensions: { code: "BAD_USER_INPUT", field: "filter.estateId" },
    });
  });

  it("a failed sign-in answers in the caller's language and never tells whether the account exists", async () => {
    const en = await ask<{ signIn: Payload }>(SIGN_IN, { login: "exec", password: `${DEMO_PASSWORD}x` }, {});
    const zh = await ask<{ signIn: Payload }>(SIGN_IN, { login: "no.such.person", password: "x" }, {}, "zh-CN");
    expect(en.data!.signIn).toEqual({ __typename: "ForbiddenError", message: "Login or password is wrong" });
    expect(zh.data!.signIn).toEqual({ __typename: "ForbiddenError", message: "登录名或密码错误" });
    const enBlank = await ask<{ signIn: Payload }>(SIGN_IN, { login: " ", password: "x" }, {}, "en-GB");
    expect(enBlank.data!.signIn).toEqual({ __typename: "InputError", message: "login is required" });
  });

  it("a refusal text without a Chinese entry still says in Chinese that it was refused; English stays as written", () => {
    const untranslated = new ForbiddenError("Only the night shift may do this (XX-9)");
    expect(messageIn(untranslated, "zh")).toBe("无权执行此操作：Only the night shift may do this (XX-9)");
    expect(messageIn(untranslated, "en")).toBe("Only the night shift may do this (XX-9)");
    expect(messageIn(new InputError("input.x", "Some other text"), "zh")).toBe("Some other text");
  });

  it("every message is from the catalogue; the record nouns have their Chinese and each still matches a NotFoundError", () => {
    const root = join(__dirname, "../../server/src");
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
        d.isDirectory() ? files(join(dir, d.name)) : d.name.endsWith(".ts") && !dir.endsWith("i18n") ? [join(dir, d.name)] : [],
      );
    const source = files(root)
      .map((f) => readFileSync(f, "utf8"))
      .join("\n");
    const literals = (re: RegExp) => [...source.matchAll(re)].map((m) => m[1]!);
    const nouns = literals(/new NotFoundError\("((?:[^"\\]|\\.)*)"\)/g);
    // Issue 16: every message is a catalogue message with its Chinese; none is built from a literal English text.
    const literal = [...source.matchAll(/new (?:InputError\([^,()]+, |ForbiddenError\()[`"]((?:[^"`\\]|\\.)*)[`"]/g)].map((m) => m[1]!);
    expect(literal).toEqual([]);
    expect(nouns.filter((n) => Object.hasOwn(NOUNS, n)).length).toBeGreaterThan(20);
    expect(messageIn(new NotFoundError("Night shift"), "zh")).toBe("该记录不存在或您无权查看");
    // A noun whose English was edited away would silently stop translating.
    expect(Object.keys(NOUNS).filter((en) => !nouns.includes(en))).toEqual([]);
    for (const zh of Object.values(NOUNS)) expect(zh).toMatch(chinese);
  });
});
