/**
 * SEC-7: what an unentitled reader sees instead of personal data. Masks keep just enough to
 * recognise a record on the phone (the last digits), never enough to reconstruct it.
 */
export type MaskKind = "NAME" | "PHONE" | "ID_NUMBER" | "PLATE" | "ADDRESS" | "TEXT" | "EMAIL";

export function mask(kind: MaskKind, value: string): string {
  const chars = [...value];
  switch (kind) {
    case "PHONE":
      // Each number of the value on its own (a contact may hold two); a mobile keeps its first
      // three and last four digits, anything shorter only its last four, at most a third of it.
      return value.replace(/\d[\d -]*\d|\d/g, (run) => {
        const digits = run.replace(/\D/g, "");
        if (digits.length >= 11) return `${digits.slice(0, 3)}${"*".repeat(digits.length - 7)}${digits.slice(-4)}`;
        const keep = Math.min(4, Math.floor(digits.length / 3));
        return `${"*".repeat(digits.length - keep)}${digits.slice(digits.length - keep)}`;
      });
    case "ID_NUMBER":
      return chars.length <= 8
        ? "*".repeat(chars.length)
        : `${chars.slice(0, 4).join("")}${"*".repeat(chars.length - 8)}${chars.slice(-4).join("")}`;
    case "NAME":
      return chars.length === 0 ? "" : `${chars[0]}${"*".repeat(Math.max(1, chars.length - 1))}`;
    case "PLATE":
      return chars.length <= 3 ? "*".repeat(chars.length) : `${chars.slice(0, 2).join("")}${"*".repeat(chars.length - 3)}${chars.at(-1)}`;
    case "EMAIL": {
      const at = value.indexOf("@");
      return at <= 0 ? "***" : `${value[0]}***${value.slice(at)}`;
    }
    case "ADDRESS":
    case "TEXT":
      return "***";
  }
}
