import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { print, type DocumentNode } from "graphql";
/**
 * Issue 15 item 2: every GraphQL operation the app (client/src) sends, as the text it sends, with
 * the largest page sizes it asks for, so that a test can run each through the query limits.
 *
 * The documents of client/src/graphql/*.ts are taken from the modules themselves (their
 * interpolated fields and the dynamically built ones at the sizes the pages use); documents
 * written elsewhere under client/src without interpolation are read from the source text.
 * `operationNamesInSource` lists every operation name written anywhere under client/src, so a
 * test can fail when an operation is added that this file does not cover.
 */
export interface ClientOperation {
  /** Where it comes from (module and export, or file). */
  origin: string;
  operationName: string;
  source: string;
  /** The variables that decide its size, at the largest value the app sends. */
  variables: Record<string, unknown>;
}

const clientSrc = fileURLToPath(new URL("../../client/src/", import.meta.url));

type Document = { kind: "Document"; definitions: readonly { kind: string }[]; loc?: { source: { body: string } } };
/** The dynamically built documents of client/src/graphql/reports.ts and complaint-detail.ts. */
export interface ClientBuilders {
  metricsOverPeriods(count: number): string;
  recurringProblemsQuery(estates: number, first: number): string;
  recurrenceTrendQuery(estates: number): string;
  complaintEdit(name: string): Document;
  PEOPLE_LIMIT: number;
}

/**
 * The modules of client/src/graphql, imported by path at run time: the test package does not
 * type-check the client (its components are Solid TSX), only runs its operation documents.
 */
export async function clientModules(): Promise<{ modules: Record<string, Record<string, unknown>>; builders: ClientBuilders }> {
  const files = [
    "admin-accounts",
    "admin-places",
    "admin-roles",
    "admin-settings",
    "callbacks",
    "complaint-detail",
    "complaints",
    "estates",
    "interchange",
    "reports",
    "session",
    "setup",
    "surveys",
    "visits",
  ];
  const modules: Record<string, Record<string, unknown>> = {};
  for (const file of files) modules[file] = (await import(/* @vite-ignore */ `${clientSrc}graphql/${file}.ts`)) as Record<string, unknown>;
  return { modules, builders: { ...modules.reports, ...modules["complaint-detail"] } as unknown as ClientBuilders };
}

/** The page sizes the app sends (the constants of the pages that run each operation). */
const SIZES: Record<string, Record<string, unknown>> = {
  // components/connection/fetch-all.ts pages by 500 unless told otherwise.
  CallbackLedger: { first: 500, withCustomer: true },
  SurveyEntryHandouts: { first: 500 },
  VisitRecords: { first: 500 },
  // pages/visits/VisitsPage.tsx: the household codes of an estate in pages of 1,000.
  EstateHouseholds: { first: 1000 },
  // pages/drill-down/load-rows.ts: PAGE = 500.
  MetricRows: { first: 500 },
  // pages/complaints: ag-grid blocks of 100 (BLOCK); the API allows 500, tried at that.
  ComplaintPage: { limit: 500, offset: 0 },
  ComplaintRows: { limit: 500, offset: 0 },
  // pages/complaint-detail/Timeline.tsx asks max(20, events loaded): tried at the page maximum.
  ComplaintTimeline: { last: 500 },
  // complaint-detail.ts PEOPLE_LIMIT.
  ComplaintActionPeople: { limit: 100 },
  // pages/admin-places/BuildingHouseholdsPage.tsx grows its page by 200: tried at the API's maximum.
  BuildingHouseholds: { first: 500 },
  RecordCallback: { withCustomer: true },
  ReviewCallback: { withCustomer: true },
};

/** pages/reports: SatisfactionTrendCard asks 8 quarters; RecurringTopCard the top 10. */
const TREND_QUARTERS = 8;
const TOP_PROBLEMS = 10;

/**
 * Every operation of the app. `estatesChosen`: how many estates a report page is scoped to (the
 * recurring-problem and recurrence cards send one alias per estate chosen; none chosen is `all`).
 */
export async function clientOperations(estatesChosen: number[]): Promise<ClientOperation[]> {
  const { modules, builders } = await clientModules();
  if (builders.PEOPLE_LIMIT !== SIZES.ComplaintActionPeople!.limit) throw new Error("PEOPLE_LIMIT changed: update SIZES");
  const ops: ClientOperation[] = [];
  const add = (origin: string, source: string) => {
    const name = source.match(/\b(?:query|mutation|subscription)\s+([A-Za-z_]\w*)/)?.[1];
    if (!name) throw new Error(`${origin}: an operation without a name`);
    ops.push({ origin, operationName: name, source, variables: SIZES[name] ?? {} });
  };
  for (const [file, module] of Object.entries(modules)) {
    for (const [name, value] of Object.entries(module)) {
      // A fragment on its own (gql.tada's `graphql("fragment …")`) is sent only inside the operations that spread it.
      if (isDocument(value)) {
        if (hasOperation(value)) add(`graphql/${file}.ts ${name}`, documentText(value));
      } else if (typeof value === "string" && /^\s*(query|mutation)\b/.test(value)) add(`graphql/${file}.ts ${name}`, value);
    }
  }
  add("graphql/reports.ts metricsOverPeriods", builders.metricsOverPeriods(TREND_QUARTERS));
  for (const n of [0, ...estatesChosen]) {
    add(`graphql/reports.ts recurringProblemsQuery(${n}, ${TOP_PROBLEMS})`, builders.recurringProblemsQuery(n, TOP_PROBLEMS));
    add(`graphql/reports.ts recurrenceTrendQuery(${n})`, builders.recurrenceTrendQuery(n));
  }
  // The complaint page's actions (pages/complaint-detail/actions.ts) each run complaintEdit(mutation).
  const actions = readFileSync(join(clientSrc, "pages/complaint-detail/actions.ts"), "utf8");
  for (const mutation of new Set([...actions.matchAll(/\bmutation:\s*"(\w+)"/g)].map((m) => m[1]!))) {
    add(`complaintEdit("${mutation}")`, documentText(builders.complaintEdit(mutation)));
  }
  // Documents written outside client/src/graphql.
  for (const file of sourceFiles()) {
    if (file.startsWith("graphql/")) continue;
    const text = readFileSync(join(clientSrc, file), "utf8");
    for (const m of text.matchAll(/\b(?:gql(?:<[^`]*?>)?|graphql)\(?`([^`]*)`/g)) {
      if (m[1]!.includes("${")) throw new Error(`${file}: an interpolated document; import it here like the graphql/*.ts ones`);
      add(file, m[1]!);
    }
  }
  return ops;
}

/** Every operation name written in client/src (`query Name`, `mutation Name`, complaintEdit's ones). */
export function operationNamesInSource(): Set<string> {
  const names = new Set<string>();
  for (const file of sourceFiles()) {
    const text = readFileSync(join(clientSrc, file), "utf8");
    for (const m of text.matchAll(/[`"(]\s*(?:query|mutation|subscription)\s+([A-Z]\w*)/g)) names.add(m[1]!);
  }
  return names;
}

function sourceFiles(dir = clientSrc): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(entry) && !/\.test\.tsx?$/.test(entry) ? [relative(clientSrc, path)] : [];
  });
}

/**
 * The text a document is sent as: urql's `gql` keeps its source; gql.tada's `graphql()` keeps none
 * until urql first sends it, and urql then sends it printed (operation and fragments), as here.
 */
function documentText(document: Document): string {
  return document.loc?.source.body ?? print(document as unknown as DocumentNode);
}

function hasOperation(document: Document): boolean {
  return document.definitions.some((d) => d.kind === "OperationDefinition");
}

function isDocument(value: unknown): value is Document {
  return typeof value === "object" && value !== null && (value as { kind?: unknown }).kind === "Document";
}
