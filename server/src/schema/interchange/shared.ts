import { GraphQLError } from "graphql";
import { builder } from "../../builder.ts";
import { KINDS } from "../../interchange/layout.ts";

/** SPEC §13: the files of the interchange layout, their formats, and the state of an import. */
export const InterchangeKindEnum = builder.enumType("InterchangeKind", {
  description: "A file of the interchange layout (shared/interchange/README.md)",
  values: KINDS,
});

export const InterchangeFormatEnum = builder.enumType("InterchangeFormat", { values: ["CSV", "XLSX"] as const });

export const ImportJobStatusEnum = builder.enumType("ImportJobStatus", {
  values: {
    CHECKING: { description: "Reading the file and checking every row" },
    WRITING: { description: "No row had a problem; writing" },
    DONE: {},
    REJECTED: { description: "Rows had problems; nothing was written" },
    FAILED: { description: "An unexpected error; nothing was written" },
  } as const,
});

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

/**
 * graphql-yoga's file upload scalar: a multipart request (GraphQL multipart request spec) hands the
 * resolver a WHATWG `File`. Input only. Registered through a cast because the builder's scalar
 * map (builder.ts) lists the date scalars only.
 */
export const FileScalar = (builder.scalarType as unknown as (name: string, options: object) => PothosSchemaTypes.ScalarRef<Types, never, File>).call(builder, "File", {
  description: "A file sent as a multipart upload (GraphQL multipart request)",
  serialize: () => {
    throw new GraphQLError("File is an input-only scalar");
  },
  parseValue: (value: unknown) => {
    // yoga's server adapter hands over its own WHATWG File implementation, not Node's global one.
    if (value && typeof value === "object" && typeof (value as Blob).arrayBuffer === "function") return value;
    throw new GraphQLError("File expects a multipart upload");
  },
});
