import { parseCell, type CellValue, type Stamp } from "./cells.ts";
import type { HeaderMatch, LayoutSpec } from "./layout.ts";
import type { Sheet } from "./sheets.ts";
import { msg, render, type Msg } from "../i18n/messages.ts";

/**
 * SPEC §13: every bad row is reported with its line, its column and the reason, and nothing is
 * written when any row is bad. The column is the header as the file wrote it (English or Chinese),
 * `field` the layout's English name. Reasons never quote a cell (SEC-7: it may be personal data).
 * Every reason is a catalogue message (i18n/catalogue/interchange.ts and the areas whose rules the
 * import shares), rendered in the importing person's language; `code` is its stable name.
 */
export interface Problem {
  line: number;
  column: string;
  field: string | null;
  /** The reason in English (logs, tests); `localized` renders it in the reader's language. */
  reason: string;
  /** A stable code of the reason: its catalogue key in upper snake case (`importNoEstate` → IMPORT_NO_ESTATE). */
  code: string;
  localized: Msg;
}

/** A catalogue key as a stable code: `importNoEstate` → IMPORT_NO_ESTATE (as an InputError's code). */
export function problemCode(m: Msg): string {
  return m.key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase();
}

/** One problem of the file: its line, column and catalogue reason. */
export function problem(line: number, column: string, field: string | null, reason: Msg): Problem {
  return { line, column, field, reason: render(reason, "en"), code: problemCode(reason), localized: reason };
}

/** At most this many problems are listed (all are counted): a wrong file can have one per cell. */
export const MAX_LISTED_PROBLEMS = 10_000;

export class Problems {
  readonly list: Problem[] = [];
  count = 0;
  readonly lines = new Set<number>();

  constructor(private readonly headers: Map<string, string> = new Map()) {}

  add(line: number, field: string | null, reason: Msg, column?: string): void {
    this.count++;
    this.lines.add(line);
    if (this.list.length < MAX_LISTED_PROBLEMS)
      this.list.push(problem(line, column ?? (field ? (this.headers.get(field) ?? field) : ""), field, reason));
  }

  get any(): boolean {
    return this.count > 0;
  }

  /** Problems in line order (then column), as a person fixing the file reads them. */
  sorted(): Problem[] {
    return [...this.list].sort((a, b) => a.line - b.line || a.column.localeCompare(b.column));
  }
}

/** One data row with its typed cells; a column the file lacks or leaves empty is "not given" (null). */
export class Row {
  constructor(
    readonly line: number,
    private readonly values: Map<string, CellValue | null>,
  ) {}

  given(field: string): boolean {
    return this.values.get(field) != null;
  }

  text(field: string): string | null {
    return (this.values.get(field) as string | undefined) ?? null;
  }

  bool(field: string): boolean | null {
    return (this.values.get(field) as boolean | undefined) ?? null;
  }

  /** An enum cell, upper-cased to the database's value (e.g. `in_person` → `IN_PERSON`). */
  enum<T extends string>(field: string): T | null {
    return (this.values.get(field) as T | undefined) ?? null;
  }

  int(field: string): number | null {
    const v = this.values.get(field);
    return typeof v === "number" ? v : null;
  }

  rating(field: string): number | "NA" | null {
    return (this.values.get(field) as number | "NA" | undefined) ?? null;
  }

  list(field: string): string[] | null {
    return (this.values.get(field) as string[] | undefined) ?? null;
  }

  stamp(field: string): Stamp | null {
    return (this.values.get(field) as Stamp | undefined) ?? null;
  }
}

export interface ParsedSheet {
  rows: Row[];
  /** Rows with a cell that could not be read: reported, and left out of the row checks that follow. */
  bad: number;
  /** The key of every row (bad ones too), as written: a reference to a bad row is that row's problem only. */
  keys: Set<string>;
}

/** Reads every cell of every row by its column's type; collects every unreadable or missing cell. */
export function parseRows(layout: LayoutSpec, sheet: Sheet, match: HeaderMatch, problems: Problems): ParsedSheet {
  const rows: Row[] = [];
  let bad = 0;
  const keys = new Set<string>();
  const keyIndex = layout.key.map((k) => match.index.get(k));
  for (const r of sheet.rows) {
    keys.add(keyIndex.map((i) => (i === undefined ? "" : (r.cells[i] ?? "").trim())).join("\u0000"));
    const values = new Map<string, CellValue | null>();
    let ok = true;
    for (const col of layout.columns) {
      const i = match.index.get(col.name);
      const parsed = i === undefined ? { ok: true as const, value: null } : parseCell(col, r.cells[i] ?? "");
      if (!parsed.ok) {
        problems.add(r.line, col.name, parsed.reason);
        ok = false;
      } else if (parsed.value === null && col.required) {
        problems.add(r.line, col.name, msg("importCellRequired", { field: col.name }));
        ok = false;
      } else {
        values.set(col.name, parsed.value);
      }
    }
    if (ok) rows.push(new Row(r.line, values));
    else bad++;
  }
  return { rows, bad, keys };
}

/** The header text of each matched field, for problem reports. */
export function headerNames(sheet: Sheet, match: HeaderMatch): Map<string, string> {
  return new Map([...match.index].map(([field, i]) => [field, sheet.headers[i]!.replace(/^\uFEFF/, "").trim()]));
}
