import type { Company, EstateInfo, HouseholdInfo } from "./company.ts";
import type { SeedContext } from "./context.ts";

/** The types shared by the steps of a generated complaint (complaints.ts and the complaint-*.ts steps). */
export type Row = Record<string, unknown>;

/** Accumulates the rows of one estate, inserted together and then released. */
export class Batch {
  readonly tables: Record<string, Row[]> = {};
  add(table: string, row: Row) {
    (this.tables[table] ??= []).push(row);
  }
}

export interface Draft {
  receivedAt: Date;
  category: Company["categories"][number];
  household: HouseholdInfo;
  repeat?: boolean;
}

/** A timeline event: `note` only what a person wrote; the system's words as `data` (the API renders ComplaintEvent.summary). */
export type AddEvent = (
  kind: string,
  when: Date,
  fromStatus: string | null,
  toStatus: string | null,
  actorId: string | null,
  note?: string | null,
  data?: Record<string, unknown>,
) => void;

/** One complaint being generated: its row and what its later steps are decided by. */
export interface Case {
  ctx: SeedContext;
  company: Company;
  estate: EstateInfo;
  batch: Batch;
  d: Draft;
  /** The complaint row, completed step by step. */
  c: Row;
  id: string;
  no: string;
  channel: string;
  anonymous: boolean;
  kind: string;
  inWarranty: boolean;
  valid: boolean;
  receiver: string;
  lead: string;
  /** Received at, in ms. */
  t: number;
  /** The instant `ms` after receipt, or null when that is after the end of the history. */
  at: (ms: number) => Date | null;
  event: AddEvent;
}

/** Who handles the complaint, and from when (ms after receipt) until when its work runs. */
export interface Work {
  handler: string;
  cursor: number;
  resolveAfter: number;
}
