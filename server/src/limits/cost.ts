import {
  getNamedType,
  getNullableType,
  getOperationAST,
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isObjectType,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  valueFromASTUntyped,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLError,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLInterfaceType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from "graphql";
import type { Language } from "../i18n/language.ts";
import { argumentNegative, argumentTooLarge } from "./errors.ts";
import { COST_PAGE_HINTS, DEFAULT_CONNECTION_SIZE, maxPageSizeOf, type QueryLimits } from "./settings.ts";

/**
 * Issue 15 item 2: what an operation can make the server produce, with its variables, checked
 * before the request's transaction opens.
 *
 * The cost is an upper estimate of the fields of the answer: each field counts 1 per object it is
 * selected on, and a page multiplies what is listed in it. A field's page is its `first`/`last`
 * (a connection; absent: the connection's default of 20), `limit` (complaintPage, staffDirectory;
 * absent: the argument's default) or the number of `ids` (`nodes`); it multiplies the lists
 * directly under the field (`edges`, `rows`, `staff`), not `totalCount` or `pageInfo`. A list
 * without a page argument (a complaint's `history`, a report's `slices`) counts as
 * UNPAGED_LIST_SIZE items (introspection's lists: their mean length in the schema). Nested pages
 * multiply: 100 × 100 × 100 × 100 complaints is 10⁸. COST_PAGE_HINTS caps the page of connections
 * whose rows the data bounds.
 *
 * The same walk checks the page arguments: `first`/`last` above the connection's maximum and
 * `nodes(ids:)` above its cap are BAD_USER_INPUT errors (before this, Pothos silently cut a page to
 * 100 rows), and so is a negative one. It also notes introspection fields (`__schema`, `__type`).
 */
export const UNPAGED_LIST_SIZE = 10;
/**
 * A field of introspection costs a quarter: it is read from the schema in memory (no database, no
 * field rules), and GraphiQL's query nests `ofType` 7 deep where the schema's types are 1-3 deep
 * (measured: its 33,000 fields take ~0.1-0.25 s).
 */
export const INTROSPECTION_WEIGHT = 0.25;

export interface OperationCheck {
  /** The estimated number of fields of the answer. */
  cost: number;
  /** The first argument out of range, if any. */
  error: GraphQLError | null;
  /** The operation selects `__schema` or `__type`. */
  introspection: boolean;
}

interface Walk {
  schema: GraphQLSchema;
  variables: Record<string, unknown>;
  variableDefaults: Map<string, ValueNode>;
  fragments: Map<string, FragmentDefinitionNode>;
  limits: QueryLimits;
  language: Language;
  memo: Map<string, number>;
  visiting: Set<string>;
  error: GraphQLError | null;
  introspection: boolean;
}

/**
 * The lists of introspection (`__schema { types { fields { args … } } }`) as long as they are on
 * average over the schema's types (about 560): GraphiQL's own introspection query is then
 * estimated near its real size, and a query nesting `fields { type { fields … } }` grows by the
 * real factor per level.
 */
const introspectionSizes = new WeakMap<GraphQLSchema, Map<string, number>>();
function introspectionListSize(schema: GraphQLSchema, coordinate: string): number | undefined {
  let sizes = introspectionSizes.get(schema);
  if (!sizes) {
    const types = Object.values(schema.getTypeMap());
    const mean = (counts: number[]) => Math.max(1, Math.ceil(counts.reduce((a, b) => a + b, 0) / Math.max(1, counts.length)));
    const withFields = types.filter((t) => isObjectType(t) || isInterfaceType(t)) as (GraphQLObjectType | GraphQLInterfaceType)[];
    const fields = withFields.flatMap((t) => Object.values(t.getFields()));
    sizes = new Map([
      ["__Schema.types", types.length],
      ["__Schema.directives", schema.getDirectives().length],
      // Over every type: `fields` is null on an enum, `enumValues` on an object type, and so on.
      ["__Type.fields", mean(types.map((t) => (isObjectType(t) || isInterfaceType(t) ? Object.keys(t.getFields()).length : 0)))],
      ["__Type.inputFields", mean(types.map((t) => (isInputObjectType(t) ? Object.keys(t.getFields()).length : 0)))],
      ["__Type.enumValues", mean(types.map((t) => (isEnumType(t) ? t.getValues().length : 0)))],
      ["__Type.interfaces", mean(types.map((t) => (isObjectType(t) ? t.getInterfaces().length : 0)))],
      ["__Type.possibleTypes", mean(types.map((t) => (isAbstractType(t) ? schema.getPossibleTypes(t).length : 0)))],
      ["__Field.args", mean(fields.map((f) => f.args.length))],
      ["__Directive.args", mean(schema.getDirectives().map((d) => d.args.length))],
    ]);
    introspectionSizes.set(schema, sizes);
  }
  return sizes.get(coordinate);
}

/** Checks the operation `operationName` of `document` (null when there is no such operation: graphql reports that). */
export function checkOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
  limits: QueryLimits,
  language: Language = "en",
): OperationCheck | null {
  const operation = getOperationAST(document, operationName);
  if (!operation) return null;
  const root = rootType(schema, operation);
  if (!root) return null;
  const walk: Walk = {
    schema,
    limits,
    language,
    variables: variables ?? {},
    memo: new Map(),
    visiting: new Set(),
    error: null,
    introspection: false,
    variableDefaults: new Map(
      operation.variableDefinitions?.flatMap((v) => (v.defaultValue ? [[v.variable.name.value, v.defaultValue] as const] : [])) ?? [],
    ),
    fragments: new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : []))),
  };
  const cost = selectionCost(walk, operation.selectionSet, root, null);
  return { cost, error: walk.error, introspection: walk.introspection };
}

function rootType(schema: GraphQLSchema, operation: OperationDefinitionNode) {
  return operation.operation === "query"
    ? schema.getQueryType()
    : operation.operation === "mutation"
      ? schema.getMutationType()
      : schema.getSubscriptionType();
}

/** `page`: the page size of the enclosing field, which applies to the lists directly in this selection. */
function selectionCost(walk: Walk, set: SelectionSetNode, type: GraphQLNamedType, page: number | null): number {
  let cost = 0;
  for (const s of set.selections) {
    if (s.kind === Kind.FIELD) {
      cost += fieldCost(walk, s, type, page);
    } else if (s.kind === Kind.INLINE_FRAGMENT) {
      const on = s.typeCondition ? walk.schema.getType(s.typeCondition.name.value) : type;
      if (on) cost += selectionCost(walk, s.selectionSet, on, page);
    } else {
      // Each fragment is costed once per page size it is spread under (linear time in the document).
      const key = `${s.name.value}|${page}`;
      let inner = walk.memo.get(key);
      if (inner === undefined) {
        const fragment = walk.fragments.get(s.name.value);
        const on = fragment && walk.schema.getType(fragment.typeCondition.name.value);
        if (!fragment || !on || walk.visiting.has(s.name.value)) continue; // validation reports these
        walk.visiting.add(s.name.value);
        inner = selectionCost(walk, fragment.selectionSet, on, page);
        walk.visiting.delete(s.name.value);
        walk.memo.set(key, inner);
      }
      cost += inner;
    }
  }
  return cost;
}

function fieldCost(walk: Walk, node: FieldNode, parent: GraphQLNamedType, page: number | null): number {
  const name = node.name.value;
  if (name === "__typename") return 1;
  let def: GraphQLField<unknown, unknown> | undefined;
  if (name === "__schema" || name === "__type") {
    walk.introspection = true;
    def = name === "__schema" ? SchemaMetaFieldDef : TypeMetaFieldDef;
    return 1 + (node.selectionSet ? INTROSPECTION_WEIGHT * selectionCost(walk, node.selectionSet, getNamedType(def.type), null) : 0);
  } else if (isObjectType(parent) || isInterfaceType(parent)) {
    def = parent.getFields()[name];
  }
  if (!def) return 0; // an unknown field: validation reports it
  const named = getNamedType(def.type);
  if (isLeafType(named) || !node.selectionSet) return 1;
  const own = pageOf(walk, node, def, parent);
  if (isListType(getNullableType(def.type))) {
    // A list: as many items as its own page (nodes), the enclosing field's page (edges, rows), or a guess.
    const items =
      own ??
      page ??
      (parent.name.startsWith("__") ? introspectionListSize(walk.schema, `${parent.name}.${name}`) : undefined) ??
      UNPAGED_LIST_SIZE;
    return items * (1 + selectionCost(walk, node.selectionSet, named, null));
  }
  return 1 + selectionCost(walk, node.selectionSet, named, own);
}

/** The page size a field asks for, after checking it against the field's maximum. */
function pageOf(walk: Walk, node: FieldNode, def: GraphQLField<unknown, unknown>, parent: GraphQLNamedType): number | null {
  const coordinate = `${parent.name}.${def.name}`;
  const has = (arg: string) => def.args.some((a) => a.name === arg);
  if (has("first") || has("last")) {
    const max = maxPageSizeOf(walk.limits, coordinate);
    let size: number | null = null;
    for (const arg of ["first", "last"] as const) {
      const value = argumentValue(walk, node, arg);
      if (typeof value !== "number" || !Number.isFinite(value)) continue;
      if (value < 0) fail(walk, argumentNegative(coordinate, arg, value, walk.language, [node]));
      else if (value > max) fail(walk, argumentTooLarge(coordinate, arg, max, value, walk.language, [node]));
      size = Math.max(size ?? 0, Math.min(Math.max(value, 0), max));
    }
    return Math.min(size ?? DEFAULT_CONNECTION_SIZE, COST_PAGE_HINTS[coordinate] ?? Number.POSITIVE_INFINITY);
  }
  if (has("limit")) {
    // complaintPage and staffDirectory refuse a limit above their own maximum themselves (BAD_USER_INPUT).
    const value = argumentValue(walk, node, "limit") ?? def.args.find((a) => a.name === "limit")!.defaultValue;
    return typeof value === "number" && Number.isFinite(value)
      ? Math.min(Math.max(value, 0), walk.limits.maxPageSize)
      : walk.limits.maxPageSize;
  }
  if (has("ids")) {
    const ids = argumentValue(walk, node, "ids");
    const count = Array.isArray(ids) ? ids.length : 1;
    if (count > walk.limits.maxNodeIds)
      fail(walk, argumentTooLarge(coordinate, "ids", walk.limits.maxNodeIds, count, walk.language, [node]));
    return Math.min(count, walk.limits.maxNodeIds);
  }
  return null;
}

function fail(walk: Walk, error: GraphQLError) {
  walk.error ??= error;
}

/** An argument's value: a literal, or a variable's value (its default when the request leaves it out). */
function argumentValue(walk: Walk, node: FieldNode, name: string): unknown {
  const arg = node.arguments?.find((a) => a.name.value === name);
  if (!arg) return undefined;
  if (arg.value.kind === Kind.VARIABLE) {
    const variable = arg.value.name.value;
    if (walk.variables[variable] !== undefined) return walk.variables[variable];
    const fallback = walk.variableDefaults.get(variable);
    return fallback ? valueFromASTUntyped(fallback) : undefined;
  }
  return valueFromASTUntyped(arg.value, walk.variables);
}
