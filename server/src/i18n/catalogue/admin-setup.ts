import type { Bilingual } from "../bilingual.ts";

/**
 * Messages of company administration (issue 17): setup. [zh, en], `{name}` placeholders
 * (i18n/messages.ts merges the areas). Keys are unique across areas; an input error's stable code
 * is its key in upper snake case.
 */
export const adminSetupMessages = {
  setupDone: [
    "本系统已设置过组织，不能再通过首次设置创建组织；请登录。如需在同一安装中再建一个组织，请由运维人员运行 pnpm run setup --another",
    "This installation has an organisation already; first-run setup cannot create another. Sign in instead; the operator adds an organisation with pnpm run setup --another",
  ],
  setupAlone: ["首次设置须单独提交，每个请求只能有一个", "setUpOrganization must be the only field of its request, once per request"],
  setupOrganizationCodeFormat: [
    "组织代码须为 2-20 位大写字母、数字、“-”或“_”，以字母开头，如 HUATING",
    '{field} must be 2-20 capital letters, digits, "-" or "_", starting with a letter, such as HUATING',
  ],
  setupOrganizationCodeTaken: ["该组织代码已被本安装中的另一组织使用", "{field}: another organisation of this installation has this code"],
  setupTimezoneUnknown: ["不是有效的 IANA 时区名（如 Asia/Shanghai）", "{field} is not an IANA timezone name such as Asia/Shanghai"],
  setupLoginFormat: [
    "登录名须为 2-50 位小写字母、数字、“.”、“-”或“_”，以字母或数字开头",
    '{field} must be 2-50 lower-case letters, digits, ".", "-" or "_", starting with a letter or digit',
  ],
  setupPasswordTooShort: ["密码至少 {min} 个字符", "{field} must have at least {min} characters"],
  setupPasswordTooLong: ["密码不能超过 {max} 个字符", "{field} must have at most {max} characters"],
  setupPasswordTooCommon: ["这是常见密码，容易被猜中，请换一个", "{field} is one of the most common passwords; choose another"],
  setupPasswordContainsLogin: ["密码不能包含登录名", "{field} must not contain the login"],
} as const satisfies Record<string, Bilingual>;
