import { timedFetch } from "../../clock.ts";
import { IMPORT_FILE, type ImportOutcome, type InterchangeKind } from "../../graphql/interchange.ts";
import { acceptLanguage } from "../../graphql/client.ts";

/** A v4 UUID for the import job; crypto.randomUUID needs a secure context, getRandomValues does not. */
export function newJobId(): string {
  if (typeof crypto.randomUUID === "function" && globalThis.isSecureContext) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * SPEC §13: `importFile` as a GraphQL multipart request (the file is a form part named in `map`),
 * with the session cookie; the answer is the typed union (counts, or every problem).
 */
export async function uploadImport(input: { kind: InterchangeKind; file: File; dryRun: boolean; jobId: string }): Promise<ImportOutcome> {
  const form = new FormData();
  form.set(
    "operations",
    JSON.stringify({
      query: IMPORT_FILE,
      variables: { input: { kind: input.kind, dryRun: input.dryRun, jobId: input.jobId, file: null } },
    }),
  );
  form.set("map", JSON.stringify({ 0: ["variables.input.file"] }));
  form.set("0", input.file, input.file.name);
  const res = await timedFetch("/graphql", {
    method: "POST",
    body: form,
    credentials: "same-origin",
    // A multipart post is what a form of another origin can send: the server runs it only with
    // this header (issue 15 item 13, server/src/http/csrf.ts).
    // The refusal messages come in the UI's language, like those of the urql client.
    headers: { "x-graphql-yoga-csrf": "1", "accept-language": acceptLanguage() },
  });
  const text = await res.text();
  let body: { data?: { importFile: ImportOutcome } | null; errors?: { message: string }[] };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    throw new Error(`${res.status} ${res.statusText}`);
  }
  if (body.errors?.length) throw new Error(body.errors[0]!.message);
  if (!body.data) throw new Error(`${res.status} ${res.statusText}`);
  return body.data.importFile;
}
