import type { Language } from "./language.ts";

import type { Bilingual } from "./bilingual.ts";
import { accessMessages } from "./catalogue/access.ts";
import { adminAccountsMessages } from "./catalogue/admin-accounts.ts";
import { adminPlacesMessages } from "./catalogue/admin-places.ts";
import { adminRolesMessages } from "./catalogue/admin-roles.ts";
import { adminSetupMessages } from "./catalogue/admin-setup.ts";
import { callbacksMessages } from "./catalogue/callbacks.ts";
import { complaintsMessages } from "./catalogue/complaints.ts";
import { complaintRecordsMessages } from "./catalogue/complaint-records.ts";
import { interchangeMessages } from "./catalogue/interchange.ts";
import { recurrenceMessages } from "./catalogue/recurrence.ts";
import { reportsMessages } from "./catalogue/reports.ts";
import { surveysMessages } from "./catalogue/surveys.ts";
import { timelineMessages } from "./catalogue/timeline.ts";
import { visitsMessages } from "./catalogue/visits.ts";

export type { Bilingual } from "./bilingual.ts";

/**
 * A parameter is a plain value (an id, a number, a dotted input path) or itself bilingual (a record
 * noun). Never pass a protected value (SEC-1): messages go to callers who may not read it, and into
 * logs.
 */
export type Params = Readonly<Record<string, string | number | Bilingual>>;

/**
 * The API's own messages. Chinese messages omit the dotted input path that the English ones name:
 * the error's `field` carries it, and the UI shows the message next to the form's own label.
 */
const coreMessages = {
  notFound: ["{what}不存在或您无权查看", "{what} does not exist or is not visible to you"],
  conflict: [
    "记录已被他人修改（现为第 {version} 版），请重新加载后再修改",
    "The record was changed by someone else (now version {version}); reload it and apply your change again",
  ],
  required: ["此项必填", "{field} is required"],
  tooLong: ["不能超过 {max} 个字符", "{field} is longer than {max} characters"],
  forbidden: ["无权执行此操作：{detail}", "{detail}"],
  // Issue 15 item 4: API requests per minute, per session, token and address.
  tooManyRequests: ["请求过于频繁，请 {seconds} 秒后再试", "Too many requests; try again in {seconds} seconds"],
  // Issue 15 item 16: every text input is checked before the request runs.
  badTextInput: [
    "输入的文字过长（一般不超过 {max} 个字符）或含有空字符：{fields}",
    "Text inputs too long (at most {max} characters unless stated) or containing a NUL character: {fields}",
  ],
  badDate: [
    "日期无效：须为实际存在的日期 YYYY-MM-DD（1900 至 2999 年）",
    "Date must be a real calendar date YYYY-MM-DD between 1900 and 2999",
  ],
  badDateTime: [
    "时间无效：须为带时区的 ISO 8601 时间（1900 至 2999 年），如 2026-03-02T09:15:00+08:00",
    "DateTime must be ISO 8601 with an offset, between 1900 and 2999, such as 2026-03-02T09:15:00+08:00",
  ],
  badId: ["编号无效：不是本系统给出的 ID", "Not an ID this API gave out"],
  badCursor: ["分页游标无效：请使用上一页返回的 endCursor", "Not a cursor this API gave out: pass a page's endCursor"],

  invalidCredentials: ["登录名或密码错误", "Login or password is wrong"],
  // Issue 15 items 5, 6: the same words whichever limit applies, so the answer tells nothing about the account.
  tooManyAttempts: ["登录尝试过多，请 {seconds} 秒后再试", "Too many sign-in attempts; try again in {seconds} seconds"],
  designationBelowLevel: [
    "知悉人指定的级别不能低于记录的密级（{level}）",
    "A designation must be at least the record's level ({level}); a lower one opens nothing (SEC-2)",
  ],
  tokenScopesBeyondRole: [
    "令牌的权限不能超出您本人或令牌账号角色的权限：{scopes}",
    "A token cannot carry permissions that your role or the account's role lacks: {scopes}",
  ],
  signInAlone: ["登录须单独提交，每个请求只能登录一次", "signIn must be the only field of its operation, once per request"],
  organizationRequired: ["本系统由多个组织使用，请填写组织代码", "Several organisations use this installation; give the organisation code"],

  signInFirst: ["请先登录", "Sign in first"],
  credentialsRejected: ["会话或 API 令牌无效、已过期或已被撤销，请重新登录", "The session or API token is invalid, expired or revoked"],
  notAllowedToRead: ["无权读取 {type}.{field}：{reason}", "Not allowed to read {type}.{field}: {reason}"],
  requiresPermission: ["需要权限 {permission}", "requires the permission {permission}"],
  requiresSignIn: ["需要登录", "requires authenticated"],
  requiresScope: ["需要 {scope}", "requires {scope}"],
  notPermitted: ["不允许", "not permitted"],
  or: [" 或 ", " or "],
  and: [" 且 ", " and "],
} as const satisfies Record<string, Bilingual>;

/** The whole catalogue: the API's own messages and each area's (i18n/catalogue/). */
export const messages = {
  ...coreMessages,
  ...complaintsMessages,
  ...complaintRecordsMessages,
  ...callbacksMessages,
  ...surveysMessages,
  ...visitsMessages,
  ...recurrenceMessages,
  ...accessMessages,
  ...reportsMessages,
  ...interchangeMessages,
  ...timelineMessages,
  ...adminSetupMessages,
  ...adminAccountsMessages,
  ...adminPlacesMessages,
  ...adminRolesMessages,
} as const satisfies Record<string, Bilingual>;

export type MessageKey = keyof typeof messages;

/** A message of the catalogue with its parameters, rendered once the request's language is known. */
export interface Msg {
  readonly key: MessageKey;
  readonly params?: Params;
}

export function msg(key: MessageKey, params?: Params): Msg {
  return { key, params };
}

export function render(m: Msg, language: Language): string {
  return fill(messages[m.key], language, m.params);
}

/** One message of the catalogue in `language`. */
export function text(key: MessageKey, language: Language, params?: Params): string {
  return fill(messages[key], language, params);
}

function fill(message: Bilingual, language: Language, params: Params | undefined): string {
  const template = language === "zh" ? message[0] : message[1];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    if (v === undefined) return whole;
    return typeof v === "object" ? (language === "zh" ? v[0] : v[1]) : String(v);
  });
}
