import { createSignal } from "solid-js";

export type Locale = "zh-CN" | "en";
const STORAGE_KEY = "tj.locale";

/** zh-CN unless the user chose otherwise or the browser prefers a language other than Chinese. */
export function preferredLocale(stored: string | null, languages: readonly string[]): Locale {
  if (stored === "zh-CN" || stored === "en") return stored;
  const first = languages.find((l) => l.trim() !== "");
  if (!first || first.toLowerCase().startsWith("zh")) return "zh-CN";
  return "en";
}

const [locale, setLocaleSignal] = createSignal<Locale>(
  preferredLocale(globalThis.localStorage?.getItem(STORAGE_KEY) ?? null, globalThis.navigator?.languages ?? []),
);
if (globalThis.document) document.documentElement.lang = locale();

export { locale };

export function setLocale(next: Locale): void {
  localStorage.setItem(STORAGE_KEY, next);
  document.documentElement.lang = next;
  setLocaleSignal(next);
}

/** A message in both languages: [zh-CN, en]. `{name}` placeholders are filled from `vars`. */
export type Message = readonly [zh: string, en: string];
export type Messages = Record<string, Message>;

export function pick(message: Message, vars?: Record<string, string | number>): string {
  const text = locale() === "en" ? message[1] : message[0];
  return vars ? text.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`)) : text;
}

/**
 * A translator over one page's messages: `t("key", { n: 3 })`. Each page keeps its own
 * messages next to it, so adding a page never touches a shared dictionary.
 */
export function translator<M extends Messages>(messages: M) {
  return (key: keyof M & string, vars?: Record<string, string | number>): string => pick(messages[key]!, vars);
}

export function formatNumber(n: number, digits = 0): string {
  return n.toLocaleString(locale(), { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function formatPercent(ratio: number | null | undefined, digits = 1): string {
  if (ratio == null || Number.isNaN(ratio)) return "—";
  return `${(ratio * 100).toFixed(digits)}%`;
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return "";
  return new Date(iso).toLocaleString(locale(), {
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
  });
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "";
  return new Date(iso).toLocaleDateString(locale(), { year: "numeric", month: "2-digit", day: "2-digit" });
}
