import { readFileSync } from "node:fs";
import { buildSchema, isEnumType, isInputObjectType, isInterfaceType, isObjectType, isUnionType, type GraphQLSchema } from "graphql";
import { describe, expect, it } from "vitest";

/**
 * Issue 16: the schema is the manual of the external tools that read the API. Every type, field,
 * argument, input field and enum value says what it is (and cites the SPEC rule where one applies).
 */
export function undescribed(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  const need = (what: string, description: string | null | undefined) => {
    if (!description?.trim()) missing.push(what);
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith("__") || ["String", "Int", "Float", "Boolean", "ID"].includes(type.name)) continue;
    need(type.name, type.description);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        need(`${type.name}.${field.name}`, field.description);
        for (const arg of field.args) need(`${type.name}.${field.name}(${arg.name})`, arg.description);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) need(`${type.name}.${field.name}`, field.description);
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) need(`${type.name}.${value.name}`, value.description);
    } else if (isUnionType(type)) {
      // The union's own description (checked above) is enough: its members are described types.
    }
  }
  return missing;
}

describe("the schema describes itself (issue 16)", () => {
  it("every type, field, argument, input field and enum value of schema.graphql has a description", () => {
    const schema = buildSchema(readFileSync(new URL("../schema.graphql", import.meta.url), "utf8"));
    expect(undescribed(schema)).toEqual([]);
  });

  it("names what lacks one", () => {
    const schema = buildSchema(`
      """The root""" type Query { """ok""" a(x: Int): Kind, b: Int }
      enum Kind { """described""" ONE TWO }
    `);
    expect(undescribed(schema)).toEqual(["Query.a(x)", "Query.b", "Kind", "Kind.TWO"]);
  });
});
