/**
 * REC-2: "the same place" is the same household, or, for public areas, the same estate and the
 * same location text. Staff type locations by hand ("3栋 电梯", "３栋电梯", "3栋电梯。"), so the
 * text is compared normalised: ASCII and full-width letters fold to lower-case ASCII, full-width
 * digits to ASCII digits, and whitespace and punctuation (ASCII, full-width and CJK) are dropped.
 * Nothing else is guessed ("3号楼" and "3栋" stay different places).
 *
 * The same normalisation runs in SQL as one `translate(location, FROM, TO)`: characters of FROM
 * map to the character at the same position of TO, and those past TO's end are deleted. The
 * TypeScript function below applies the very same table, so both agree by construction.
 */

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i));

const LOWER = range(0x61, 0x7a);
const MAPPED: [string, string][] = [
  ...range(0x41, 0x5a).map((c, i) => [c, LOWER[i]!] as [string, string]), // A-Z
  ...range(0xff21, 0xff3a).map((c, i) => [c, LOWER[i]!] as [string, string]), // Ａ-Ｚ
  ...range(0xff41, 0xff5a).map((c, i) => [c, LOWER[i]!] as [string, string]), // ａ-ｚ
  ...range(0xff10, 0xff19).map((c, i) => [c, String(i)] as [string, string]), // ０-９
];

const DELETED: string[] = [
  " ",
  "\t",
  "\n",
  "\r",
  "\u00a0",
  "\u3000", // whitespace, the ideographic space included
  ...range(0x21, 0x2f),
  ...range(0x3a, 0x40),
  ...range(0x5b, 0x60),
  ...range(0x7b, 0x7e), // ASCII punctuation
  ...range(0xff01, 0xff0f),
  ...range(0xff1a, 0xff20),
  ...range(0xff3b, 0xff40),
  ...range(0xff5b, 0xff65), // full-width punctuation
  ..."、。〃〈〉《》「」『』【】〔〕〖〗〘〙〚〛〜〝〞〟・·‐‑‒–—―‘’“”…‥",
];

/** The two arguments of SQL `translate(location, FROM, TO)` that normalise a location. */
export const LOCATION_TRANSLATE = {
  from: MAPPED.map(([c]) => c).join("") + DELETED.join(""),
  to: MAPPED.map(([, t]) => t).join(""),
} as const;

const TABLE = new Map<string, string>([...MAPPED, ...DELETED.map((c) => [c, ""] as [string, string])]);

/** REC-2: the comparable form of a public-area location; "" when nothing is left. */
export function normaliseLocation(location: string | null | undefined): string {
  let out = "";
  for (const ch of location ?? "") out += TABLE.get(ch) ?? ch;
  return out;
}

/** REC-2: the place a complaint is about, or null when it names none (a public area without a location). */
export function placeKey(c: { estateId: string; householdId: string | null; location: string | null }): string | null {
  if (c.householdId) return `household:${c.householdId}`;
  const text = normaliseLocation(c.location);
  return text ? `public:${c.estateId}:${text}` : null;
}
