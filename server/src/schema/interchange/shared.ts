import { GraphQLError } from "graphql";
import { builder } from "../../builder.ts";
import { KINDS } from "../../interchange/layout.ts";

/** SPEC §13: the files of the interchange layout, their formats, and the state of an import. */
export const InterchangeKindEnum = builder.enumType("InterchangeKind", {
  description: "A file of the interchange layout (shared/interchange/README.md)",
  values: {
    ESTATES: { description: "estates.csv: the estates, their calendars and offices" },
    HOUSEHOLDS: { description: "households.csv: the households of the estates with their primary customers (SEC-6)" },
    COMPLAINTS: { description: "complaints.csv: complaints with the history of their workflow steps (SPEC §5)" },
    CALLBACKS: { description: "callbacks.csv: callbacks made or planned, with their outcome and ratings (CB-5, CB-6)" },
    SURVEY_RESPONSES: { description: "survey_responses.csv: questionnaires handed out and returned, one row per dimension (SUR-3, SUR-6)" },
  } as const satisfies Record<(typeof KINDS)[number], { description: string }>,
});

export const InterchangeFormatEnum = builder.enumType("InterchangeFormat", {
  description: "The spreadsheet format of an interchange file",
  values: {
    CSV: { description: "Comma-separated values, UTF-8 (a BOM is written on export, accepted on import)" },
    XLSX: { description: "An Excel workbook (the first sheet)" },
  } as const,
});

export const ImportJobStatusEnum = builder.enumType("ImportJobStatus", {
  description: "Where an import stands",
  values: {
    CHECKING: { description: "Reading the file and checking every row" },
    WRITING: { description: "No row had a problem; writing" },
    DONE: { description: "Every row was written (or, in a dry run, checked and rolled back)" },
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
export const FileScalar = (
  builder.scalarType as unknown as (name: string, options: object) => PothosSchemaTypes.ScalarRef<Types, never, File>
).call(builder, "File", {
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
