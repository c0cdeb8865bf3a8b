import { isInterfaceType, isObjectType, isUnionType, type GraphQLField, type GraphQLSchema } from "graphql";

/**
 * Issue 16: every type, field and argument is described, including those the Pothos plugins
 * generate (relay connections and edges, PageInfo, Node, the errors plugin's result unions and
 * success types). Their meaning follows from their name and place, so it is written here once,
 * by convention, instead of by hand at ~300 fields. A description given in code always wins.
 */
export function describeGenerated(schema: GraphQLSchema): GraphQLSchema {
  const mutations = schema.getMutationType()?.getFields() ?? {};
  for (const type of Object.values(schema.getTypeMap())) {
    if (isUnionType(type) && /^Mutation\w+Result$/.test(type.name)) {
      const name = mutationName(type.name, "Result");
      type.description ??= `The outcome of \`${name}\`: its success, or one of the typed errors (then nothing was written)`;
    }
    if (!isObjectType(type)) continue;
    const fields = type.getFields();
    if (/^Mutation\w+Success$/.test(type.name)) {
      const name = mutationName(type.name, "Success");
      type.description ??= `\`${name}\` succeeded`;
      if (fields.data) fields.data.description ??= "What the mutation wrote, read through the same field rules as any other read";
    } else if (type.name.endsWith("ConnectionEdge") || type.name.endsWith("Edge")) {
      type.description ??= `One row of ${article(type.name)} page, with its cursor`;
      describe(fields.cursor, "Where this row is in the list: pass it as `after` (or `before`) for the next (previous) page");
      describe(fields.node, "The row");
    } else if (type.name.endsWith("Connection")) {
      type.description ??= "A page of a list (Relay connection): `nodes` (or `edges` with cursors) and `pageInfo`";
      describe(fields.edges, "The rows of the page with their cursors");
      describe(fields.nodes, "The rows of the page");
      describe(fields.pageInfo, "Whether there are pages before and after this one, and the cursors to get them");
      describe(fields.totalCount, "How many rows the whole list has (all pages)");
    } else if (type.name === "PageInfo") {
      type.description ??= "Relay page information";
      describe(fields.hasNextPage, "More rows follow: ask again with `after: endCursor`");
      describe(fields.hasPreviousPage, "Rows precede: ask again with `before: startCursor`");
      describe(fields.startCursor, "The cursor of the first row of the page");
      describe(fields.endCursor, "The cursor of the last row of the page");
    }
    for (const field of Object.values(fields)) describeArgs(field);
    if (type.getInterfaces().some((i) => i.name === "Node"))
      describe(fields.id, `The ${type.name}'s global id: refetch it with \`node(id:)\`; stable, opaque`);
  }
  const node = schema.getType("Node");
  if (node) node.description ??= "A record with a global id: refetch it with `node(id:)`";
  describeRoots(schema);
  for (const [name, field] of Object.entries(mutations)) {
    const input = field.args.find((a) => a.name === "input");
    if (input) input.description ??= `What \`${name}\` is asked to do (see the input type)`;
  }
  return schema;
}

/** The root types and the relay plugin's node lookups. */
function describeRoots(schema: GraphQLSchema): void {
  const query = schema.getQueryType();
  const mutation = schema.getMutationType();
  if (query)
    query.description ??= "What a caller may read: every list is confined to the caller's organisation, estates and clearance (SPEC §2)";
  if (mutation)
    mutation.description ??= "What a caller may do: each mutation answers its result or a typed error, and a typed error writes nothing";
  const nodeType = schema.getType("Node");
  if (isInterfaceType(nodeType)) describe(nodeType.getFields().id, "The record's global id");
  const fields = query?.getFields() ?? {};
  describe(fields.node, "Any record by its global id, or null when it does not exist or the caller may not see it");
  describe(fields.nodes, "Records by their global ids, in the order asked; null where one does not exist or may not be seen");
  const id = fields.node?.args.find((a) => a.name === "id");
  if (id) id.description ??= "A global id this API gave out";
  const ids = fields.nodes?.args.find((a) => a.name === "ids");
  if (ids) ids.description ??= "Global ids this API gave out";
}

const PAGING: Record<string, string> = {
  first: "Rows of the page, from the start (or from `after`)",
  after: "A cursor: the page starts after this row",
  last: "Rows of the page, from the end (or before `before`)",
  before: "A cursor: the page ends before this row",
};

function describeArgs(field: GraphQLField<unknown, unknown>): void {
  const paged = field.args.some((a) => a.name === "first") && field.args.some((a) => a.name === "after");
  if (!paged) return;
  for (const arg of field.args) if (PAGING[arg.name]) arg.description ??= PAGING[arg.name]!;
}

function describe(field: { description?: string | null } | undefined, text: string): void {
  if (field) field.description ??= text;
}

function mutationName(typeName: string, suffix: string): string {
  const stem = typeName.slice("Mutation".length, -suffix.length);
  return stem[0]!.toLowerCase() + stem.slice(1);
}

function article(edgeType: string): string {
  return edgeType.startsWith("Query") ? "a list's" : "a";
}
