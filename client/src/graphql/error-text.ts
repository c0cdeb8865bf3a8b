import type { CombinedError } from "@urql/core";
import { translator } from "../i18n/locale.ts";

const t = translator({
  network: ["无法连接服务器，请检查网络后重试", "Could not reach the server; check the connection and try again"],
  noAnswer: ["服务器没有返回结果", "No answer from the server"],
});

/**
 * The text of a failed request for the user: the server's first GraphQL error (already in the
 * UI's language, see client.ts) or a localized network failure — never urql's "[Network] …"
 * or "[GraphQL] …" prefix.
 */
export function requestErrorText(error: CombinedError | undefined): string {
  if (error?.graphQLErrors.length) return error.graphQLErrors[0]!.message;
  if (error?.networkError) return t("network");
  return t("noAnswer");
}

/** The text of an error a save threw: a CombinedError as above, another error by its message. */
export function thrownErrorText(e: unknown): string {
  if (e && typeof e === "object" && "graphQLErrors" in e) return requestErrorText(e as CombinedError);
  // fetch's own failure: "Failed to fetch" (Chromium), "NetworkError …" (Firefox), "Load failed" (Safari).
  if (e instanceof TypeError && /fetch|network|load failed/i.test(e.message)) return t("network");
  return e instanceof Error ? e.message : String(e);
}
