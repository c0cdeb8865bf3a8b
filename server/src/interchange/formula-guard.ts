/**
 * Issue 15 item 15 (CSV injection): a cell that starts with =, +, -, @, a tab or a carriage
 * return is run as a formula when the file is opened in a spreadsheet (`=HYPERLINK(…)` sends
 * what the sheet holds to another site). Every CSV the product writes prefixes such a text cell
 * with an apostrophe, the spreadsheet convention for "this is text"; numbers are written as
 * numbers and untouched. The importer strips exactly that apostrophe again, so an exported file
 * imports back unchanged.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** The text as it is safe to write into a CSV cell. */
export function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A cell read from a CSV file: the guard's apostrophe before a formula character removed. */
export function unguardFormula(text: string): string {
  return text.length > 1 && text[0] === "'" && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}
