import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { messages } from "../src/i18n/messages.ts";

/** Issue 16: one catalogue of messages in Chinese and English, split by area (i18n/catalogue/). */
describe("the message catalogue", () => {
  it("no key is defined by two areas (a spread would silently keep one)", async () => {
    const dir = new URL("../src/i18n/catalogue/", import.meta.url);
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const file of readdirSync(dir)) {
      const mod = (await import(new URL(file, dir).href)) as Record<string, Record<string, unknown>>;
      for (const key of Object.keys(Object.values(mod)[0]!)) {
        if (seen.has(key)) clashes.push(`${key}: ${seen.get(key)} and ${file}`);
        seen.set(key, file);
      }
    }
    expect(clashes).toEqual([]);
  });

  it("every message has both languages, and the Chinese uses no placeholder the English lacks", () => {
    const bad = Object.entries(messages).filter(([, [zh, en]]) => {
      const names = (s: string) => new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]));
      const enNames = names(en);
      return !zh.trim() || !en.trim() || [...names(zh)].some((n) => !enNames.has(n));
    });
    expect(bad.map(([k]) => k)).toEqual([]);
  });
});
