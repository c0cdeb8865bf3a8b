import type { ApprovalKind, Classification, Prisma, RecordType } from "@tingjian/prisma/client";
import type { Viewer } from "../domain/access/viewer.ts";
import { atLeast } from "../domain/access/need-to-know.ts";

export interface ActiveGrant {
  id: string;
  kind: ApprovalKind;
  recordType: RecordType;
  recordId: string | null;
  purpose: string;
  grantedUntil: Date;
}

/**
 * The viewer's designations (SEC-2, loaded with the viewer) and approved, time-boxed grants
 * (SEC-3, loaded once per request on first use): protected fields of a whole page consult them without a query each.
 */
export class Grants {
  private approvals?: Promise<ActiveGrant[]>;

  private tx: Prisma.TransactionClient | null = null;

  constructor(
    private readonly viewer: Viewer | null,
    private readonly now: Date,
  ) {}

  /** The request's transaction (row-level security applies); set before any resolver runs. */
  use(tx: Prisma.TransactionClient | null) {
    this.tx = tx;
  }

  private db(): Prisma.TransactionClient {
    if (!this.tx) throw new Error("Grants used outside the request transaction");
    return this.tx;
  }

  /** SEC-2: the viewer's designation for the record (loaded with the viewer, so no query). */
  designatedLevel(recordType: RecordType, recordId: string): Classification | null {
    return this.viewer?.designations.get(`${recordType}:${recordId}`) ?? null;
  }

  async grant(kind: ApprovalKind, recordType: RecordType, recordId: string): Promise<ActiveGrant | null> {
    if (!this.viewer) return null;
    this.approvals ??= this.loadApprovals(this.viewer);
    return (await this.approvals).find((g) => g.kind === kind && g.recordType === recordType && g.recordId === recordId) ?? null;
  }

  private async loadApprovals(viewer: Viewer): Promise<ActiveGrant[]> {
    const rows = await this.db().approval.findMany({
      where: { requestedById: viewer.staffId, status: "APPROVED", grantedFrom: { lte: this.now }, grantedUntil: { gt: this.now } },
      select: { id: true, kind: true, recordType: true, recordId: true, purpose: true, grantedUntil: true },
    });
    return rows.map((r) => ({ ...r, grantedUntil: r.grantedUntil! }));
  }
}

/**
 * SEC-2, issue 15 item 9: the records of `recordType` the viewer is designated for at `level` or
 * above. A designation grants at most its own level: one at CONFIDENTIAL opens no TOP_SECRET
 * record, whatever record it names.
 */
export function designatedIds(viewer: Viewer | null, recordType: RecordType, level: Classification): string[] {
  if (!viewer) return [];
  const prefix = `${recordType}:`;
  return [...viewer.designations].filter(([k, l]) => k.startsWith(prefix) && atLeast(l, level)).map(([k]) => k.slice(prefix.length));
}

const LEVELS: readonly Classification[] = ["INTERNAL", "SECRET", "CONFIDENTIAL", "TOP_SECRET"];

/**
 * SEC-2, issue 15 item 9: a filter for "records the viewer's designations open": each designated
 * record, provided its level (now, not when designated) is at most the designation's. One clause
 * per designation level held; none when the viewer holds no designation of the type.
 */
export function designatedRecords(
  viewer: Viewer | null,
  recordType: RecordType,
): { id: { in: string[] }; classification: { in: Classification[] } }[] {
  if (!viewer) return [];
  return LEVELS.map((level) => ({
    id: { in: designatedIds(viewer, recordType, level).filter((id) => viewer.designations.get(`${recordType}:${id}`) === level) },
    classification: { in: LEVELS.filter((l) => atLeast(level, l)) },
  })).filter((clause) => clause.id.in.length > 0);
}
