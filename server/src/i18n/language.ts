/** The languages the API answers in. English is the default: external tools keep today's messages. */
export type Language = "zh" | "en";

/**
 * The language of a request from its `Accept-Language` header (RFC 9110 §12.5.4): the most
 * preferred tag that is Chinese (zh, zh-CN, zh-Hans-…) or English; anything else, a missing or an
 * unparsable header, is English. The UI sends the language the user chose (zh-CN or en).
 */
export function languageOf(acceptLanguage: string | null | undefined): Language {
  if (!acceptLanguage) return "en";
  const ranges = acceptLanguage
    .slice(0, 500)
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().toLowerCase().split(";");
      const q = params.map((p) => p.trim().match(/^q=([01](?:\.\d{0,3})?)$/)?.[1]).find((v) => v !== undefined);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index };
    });
  const best = ranges
    .filter((r) => r.q > 0 && (r.tag === "zh" || r.tag.startsWith("zh-") || r.tag === "en" || r.tag.startsWith("en-")))
    .sort((a, b) => b.q - a.q || a.index - b.index)[0];
  return best?.tag.startsWith("zh") ? "zh" : "en";
}
