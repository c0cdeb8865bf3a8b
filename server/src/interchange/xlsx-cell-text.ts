/** Cell references and cell text of an XLSX sheet, as exceljs read them (used by xlsx-sheet.ts). */

/** The column of a cell reference in ref[from, to) ("AB12" → 28); NaN when it does not start with letters. */
export function columnOf(ref: string, from = 0, to = ref.length): number {
  let col = 0;
  let i = from;
  for (; i < to && i < from + 8; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
  }
  return i === from ? NaN : col;
}

/** Column number → letters (1 = A). */
export function columnName(col: number): string {
  let s = "";
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/** exceljs's utils.xmlDecode (applied once more to t="str" text, as exceljs did). */
export const xmlDecodeAgain = (t: string) =>
  t.indexOf("&") < 0
    ? t
    : t.replace(/&([a-z]*);/g, (m) => ({ "&lt;": "<", "&gt;": ">", "&amp;": "&", "&apos;": "'", "&quot;": '"' })[m] ?? m);

/**
 * A number text that String(parseFloat(text)) gives back unchanged: no leading zeros, no trailing
 * zeros after the point, at most 15 characters (so at most 15 digits: a double keeps 15), not below 1e-6 (written with an
 * exponent) and not "-0".
 */
const CANONICAL_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d*[1-9])?$/;
const SMALL_DECIMAL = /^-?0\.000000/;

/** A number text kept as it is written (String(parseFloat(text)) would give it back unchanged). */
export function writtenAsJavaScriptWould(value: string): boolean {
  return value.length <= 15 && CANONICAL_NUMBER.test(value) && value !== "-0" && !SMALL_DECIMAL.test(value);
}

/** A merged range "A1:C3" as [top, left, bottom, right] (1-based, corners in any order); null for anything else, a single cell included. */
export function mergeRange(ref: string | undefined): [number, number, number, number] | null {
  const m = ref ? /^\$?([A-Za-z]{1,3})\$?(\d{1,7}):\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref) : null;
  if (!m) return null;
  const [left, top, right, bottom] = [columnOf(m[1]!), Number(m[2]), columnOf(m[3]!), Number(m[4])];
  return [Math.min(top, bottom), Math.min(left, right), Math.max(top, bottom), Math.max(left, right)];
}
