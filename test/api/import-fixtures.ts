import { FIXED_DEMO_NOW } from "@tingjian/prisma";
import type { App } from "@tingjian/server";
import { postFile, type Caller, type GqlResult } from "./graphql.ts";

/**
 * What the importer's API tests share (SPEC §13): the upload mutation with its answers, the
 * server's fixed clock, timestamps written as an estate's local time with its offset, and a CSV
 * made of rows of cells.
 */
export const IMPORT = `mutation($input: ImportFileInput!) { importFile(input: $input) {
  __typename ... on Error { message } ... on ImportRejected { problems { line column field reason } }
  ... on MutationImportFileSuccess { data { created updated unchanged } } } }`;

/** The server's fixed clock: the instant the demo template's history ends. */
export const NOW = FIXED_DEMO_NOW;
export const DAY = 86_400_000;

/** An instant written as Asia/Shanghai local time with its offset (+08:00). */
export const sh = (at: Date) => `${new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;

export type Cells = Record<string, string>;

/** A CSV of the rows (the first row's keys are the header), CRLF line ends. */
export function csv(rows: Cells[]): string {
  const headers = Object.keys(rows[0]!);
  return [headers.join(","), ...rows.map((r) => headers.map((h) => r[h] ?? "").join(","))].join("\r\n") + "\r\n";
}

/** Uploads `file` as `kind` over the multipart request a browser sends; the mutation's answer (GraphQL errors throw). */
export function uploader(app: () => App, kind: string, fileName: string, query = IMPORT) {
  return async (caller: Caller, file: string): Promise<Record<string, unknown>> => {
    const body = await postFile<{ importFile: Record<string, unknown> }>(app(), caller, query, { kind }, file, fileName);
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data!.importFile;
  };
}

/** graphql-yoga's multipart request with an Accept-Language (the UI sends the language the user chose). */
export async function postFileIn<T>(
  app: App,
  caller: Caller,
  language: string,
  query: string,
  input: Record<string, unknown>,
  content: string,
  fileName: string,
): Promise<GqlResult<T>> {
  const form = new FormData();
  form.set("operations", JSON.stringify({ query, variables: { input: { ...input, file: null } } }));
  form.set("map", JSON.stringify({ 0: ["variables.input.file"] }));
  form.set("0", new File([content], fileName));
  const headers = { cookie: caller.cookie!, "x-graphql-yoga-csrf": "1", "accept-language": language };
  return (await (await app.fetch("http://yoga/graphql", { method: "POST", body: form, headers })).json()) as GqlResult<T>;
}
