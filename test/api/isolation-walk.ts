import {
  getNamedType,
  getNullableType,
  type GraphQLField,
  type GraphQLNamedType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
} from "graphql";
import { schema } from "@tingjian/server";

/**
 * Issue 17 item 3: a walk over the whole query API for the several-organisation test. Selections
 * are generated from the schema itself (every field without required arguments, to a depth), so
 * a list, node or report added later is walked without anyone remembering to add it; a query
 * field with required arguments must be given them in the test's table, or the test names it.
 */

const MAX_SELECTED = 60;

/**
 * A selection set of `type`'s fields `depth` levels down (leaves only at depth 0). Inside a list,
 * further lists are left out (their rows are walked from their own query fields), so that the
 * query stays within the API's cost limits.
 */
export function selectionOf(type: GraphQLNamedType, depth: number, lists = true): string {
  if (isLeafType(type)) return "";
  if (isUnionType(type)) {
    const members = type.getTypes().map((t) => `... on ${t.name} { ${selectionOf(t, depth, lists) || "__typename"} }`);
    return `__typename ${members.join(" ")}`;
  }
  if (!isObjectType(type) && !isInterfaceType(type)) return "";
  const parts: string[] = ["__typename"];
  for (const field of Object.values(type.getFields()).slice(0, MAX_SELECTED)) {
    if (requiredArgs(field).length) continue;
    const named = getNamedType(field.type);
    if (isLeafType(named)) {
      parts.push(field.name);
      continue;
    }
    if (depth <= 0) continue;
    const many = isListType(getNullableType(field.type)) || named.name.endsWith("Connection");
    if (many && !lists) continue;
    const inner = selectionOf(named, depth - 1, lists && !isListType(getNullableType(field.type)));
    const args = field.args.some((a) => a.name === "first") ? "(first: 5)" : "";
    if (inner) parts.push(`${field.name}${args} { ${inner} }`);
  }
  return parts.join(" ");
}

export function requiredArgs(field: GraphQLField<unknown, unknown>): string[] {
  return field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined).map((a) => a.name);
}

/** Every query field with its return type and whether it pages (`first`). */
export function queryFields(): { name: string; type: GraphQLNamedType; list: boolean; required: string[]; pages: boolean }[] {
  return Object.values(schema.getQueryType()!.getFields()).map((f) => ({
    name: f.name,
    type: getNamedType(f.type),
    list: isListType(getNullableType(f.type)),
    required: requiredArgs(f),
    pages: f.args.some((a) => a.name === "first"),
  }));
}

/** The object types that implement Node (reachable by `node(id)`). */
export function nodeTypes(): string[] {
  const node = schema.getType("Node");
  if (!node || !isInterfaceType(node)) return [];
  return schema.getImplementations(node).objects.map((t) => t.name);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every row id a value names: raw UUIDs and Relay global ids ("Type:uuid" in base64). */
export function rowIdsIn(value: string): string[] {
  if (UUID.test(value)) return [value.toLowerCase()];
  if (value.length < 40 || value.length > 200 || !/^[A-Za-z0-9+/=]+$/.test(value)) return [];
  const decoded = Buffer.from(value, "base64").toString();
  const m = /^[A-Za-z]+:([0-9a-f-]{36})$/i.exec(decoded);
  return m && UUID.test(m[1]!) ? [m[1]!.toLowerCase()] : [];
}

/** Every string of a response (files decoded from base64), with its JSON path. */
export function stringsOf(value: unknown, path = ""): { path: string; text: string }[] {
  if (typeof value === "string") {
    const out = [{ path, text: value }];
    if (path.endsWith("contentBase64")) out.push({ path: `${path}(decoded)`, text: Buffer.from(value, "base64").toString("latin1") });
    return out;
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => stringsOf(v, `${path}[${i}]`));
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => stringsOf(v, path ? `${path}.${k}` : k));
  return [];
}

export interface Leak {
  query: string;
  path: string;
  what: string;
}

/**
 * What of the other organisation a response shows: a row id of it (global or raw), or one of its
 * marker words (names and codes only it uses; exports carry no ids). Error messages count too.
 */
export function leaksIn(query: string, response: unknown, otherRows: ReadonlySet<string>, otherMarkers: readonly string[]): Leak[] {
  const leaks: Leak[] = [];
  for (const { path, text } of stringsOf(response)) {
    for (const id of rowIdsIn(text)) if (otherRows.has(id)) leaks.push({ query, path, what: `row ${id}` });
    const utf8 = path.endsWith("(decoded)") ? Buffer.from(text, "latin1").toString("utf8") : text;
    for (const marker of otherMarkers) if (utf8.includes(marker)) leaks.push({ query, path, what: `"${marker}"` });
  }
  return leaks;
}
