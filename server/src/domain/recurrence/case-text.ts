/**
 * REC-4 (002 9.6.1, 11.2.10.2): typical cases are compiled for the whole company — the management
 * review, new projects' planning and design — so an entry is company knowledge (INTERNAL) and
 * must not carry a customer's personal data (SEC-1, SEC-7). Staff write it; this screen refuses
 * text that contains what would identify the complainant: a phone number, an ID number, a
 * licence plate, a room address, or the complainant's own name, contact or household code as
 * recorded on the case. The entry reaches the case only through the scoped Complaint node.
 *
 * Returns the kind of personal data found (never the value: messages quote no protected value),
 * or null.
 */
export interface KnownPersonalData {
  /** Names of the complainant and of the household's members as recorded. */
  names: readonly (string | null | undefined)[];
  /** Contacts as recorded (phone numbers, e-mail). */
  contacts: readonly (string | null | undefined)[];
  /** The household's code and room, e.g. LX-3-2-1201 / 1201. */
  householdCodes: readonly (string | null | undefined)[];
}

const PATTERNS: [RegExp, string][] = [
  [/(?<!\d)1[3-9]\d{9}(?!\d)/, "a mobile phone number"],
  [/(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)/, "a landline number"],
  [/(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/, "an ID number"],
  [/[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-Z][·\s]?[A-Z0-9]{5,6}/, "a licence plate"],
  [/\d+\s*(栋|幢|号楼)\s*\d+\s*单元\s*\d+\s*(室|号)?|\d+\s*(栋|幢|号楼)\s*\d{3,4}\s*(室|号)/, "a room address"],
  [/[\w.+-]+@[\w-]+\.[\w.]+/, "an e-mail address"],
];

const compact = (s: string) => s.replace(/[\s\-－]/g, "");

export function personalDataIn(text: string, known: KnownPersonalData): string | null {
  for (const [pattern, what] of PATTERNS) if (pattern.test(text)) return what;
  const flat = compact(text);
  // A one-character "name" would match everywhere; recorded names have two characters or more.
  if (known.names.some((n) => n && n.trim().length >= 2 && text.includes(n.trim()))) return "the complainant's name";
  if (known.contacts.some((c) => c && compact(c).length >= 5 && flat.includes(compact(c)))) return "the complainant's contact";
  if (known.householdCodes.some((h) => h && h.trim().length >= 3 && flat.includes(compact(h)))) return "the household's code or room";
  return null;
}

/** REC-4: tags are short labels for finding cases again; trimmed, de-duplicated, in order. */
export function normaliseTags(tags: readonly string[]): { ok: true; tags: string[] } | { ok: false; reason: string } {
  const out: string[] = [];
  for (const raw of tags) {
    const t = raw.trim();
    if (!t) continue;
    if (t.length > 30) return { ok: false, reason: "a tag has at most 30 characters" };
    if (!out.includes(t)) out.push(t);
  }
  if (out.length > 20) return { ok: false, reason: "at most 20 tags" };
  return { ok: true, tags: out };
}
