import { ScalarRef } from "@pothos/core";
import { Kind, type ValueNode } from "graphql";
import { builder } from "../../builder.ts";
import { text } from "../../i18n/messages.ts";

/**
 * `Decimal`: a decimal money amount (yuan), exact, never a binary fraction. Served as a string with
 * two decimals ("1234.50"); read from a string ("1234.5", "-12", "0.05") or a JSON number (1234.5).
 * NaN, an exponent ("1e3"), an empty string or more than 12 integer digits are refused before the
 * operation runs (BAD_USER_INPUT). What a field allows beyond that (greater than 0, two decimals,
 * the column's 10 integer digits: WF-6 claim amounts) is the command's check, a typed InputError.
 *
 * SEC-7: a protected amount the caller may not read is served as its mask ("***"), as every
 * protected field is; that is the one non-numeric value this scalar serves.
 */
const DECIMAL = /^-?\d{1,12}(\.\d+)?$/;
const MASK = /^\*+$/;

function refuse(): never {
  throw new TypeError(text("badDecimal", "en"));
}

/** The caller's amount as an exact decimal string (leading zeros of the integer part dropped). */
function parseDecimal(v: unknown): string {
  const s = typeof v === "number" ? (Number.isFinite(v) ? String(v) : refuse()) : typeof v === "string" ? v.trim() : refuse();
  const m = /^(-?)0*(\d+)((?:\.\d+)?)$/.exec(s);
  if (!m || !DECIMAL.test(`${m[1]}${m[2]}${m[3]}`)) refuse();
  return `${m[1]}${m[2]}${m[3]}`;
}

/** Two decimals: a stored Decimal(…, 2), a number or a decimal string; a mask as it is (SEC-7). */
function serializeDecimal(v: unknown): string {
  if (typeof v === "string" && MASK.test(v)) return v;
  const s = typeof v === "object" && v !== null && "toFixed" in v ? (v as { toFixed: (n: number) => string }).toFixed(2) : parseDecimal(v);
  const [whole, frac = ""] = s.split(".");
  if (frac.length > 2) throw new TypeError(`Decimal cannot serialize ${s} exactly with two decimals`);
  return `${whole}.${frac.padEnd(2, "0")}`;
}

function parseLiteral(node: ValueNode): string {
  if (node.kind === Kind.STRING || node.kind === Kind.INT || node.kind === Kind.FLOAT) return parseDecimal(node.value);
  return refuse();
}

/**
 * Declared by ref (the builder's `Scalars` map names the scalars of builder.ts); input and output
 * are strings. Registered like `builder.scalarType` does.
 */
export const DecimalScalar = new ScalarRef<typeof builder.$inferSchemaTypes, string, string>("Decimal");
DecimalScalar.updateConfig({
  kind: "Scalar",
  graphqlKind: "Scalar",
  name: "Decimal",
  description:
    'A decimal amount of money (yuan), exact: served as a string with two decimals such as "1234.50"; ' +
    "accepted as a string or a number, at most 12 integer digits, no exponent (otherwise BAD_USER_INPUT). " +
    'A protected amount the caller may not read is served masked ("***", SEC-7)',
  serialize: serializeDecimal,
  parseValue: parseDecimal,
  parseLiteral,
  pothosOptions: { serialize: serializeDecimal, parseValue: parseDecimal, parseLiteral },
  extensions: {},
});
builder.configStore.addTypeRef(DecimalScalar);
