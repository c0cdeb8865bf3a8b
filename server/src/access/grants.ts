import type { ApprovalKind, Classification, Prisma, RecordType } from "@tingjian/prisma/client";
import { atLeast } from "../domain/access/need-to-know.ts";
import type { Viewer } from "../domain/access/viewer.ts";

export interface ActiveGrant {
  id: string;
  kind: ApprovalKind;
  recordType: RecordType;
  recordId: string | null;
  purpose: string;
  grantedUntil: Date;
}

/**
 * The viewer's designations (SEC-2) and approved, time-boxed grants (SEC-3), loaded once per
 * request on first use: protected fields of a whole page consult them without a query each.
 */
export class Grants {
  private designations?: Promise<Map<string, Classification>>;
  private approvals?: Promise<ActiveGrant[]>;

  private tx: Prisma.TransactionClient | null = null;

  constructor(private readonly viewer: Viewer | null, private readonly now: Date) {}

  /** The request's transaction (row-level security applies); set before any resolver runs. */
  use(tx: Prisma.TransactionClient | null) {
    this.tx = tx;
  }

  private db(): Prisma.TransactionClient {
    if (!this.tx) throw new Error("Grants used outside the request transaction");
    return this.tx;
  }

  async designatedLevel(recordType: RecordType, recordId: string): Promise<Classification | null> {
    if (!this.viewer) return null;
    this.designations ??= this.loadDesignations(this.viewer);
    return (await this.designations).get(`${recordType}:${recordId}`) ?? null;
  }

  /** Records of a type the viewer is designated to know (any level). */
  async designatedIds(recordType: RecordType): Promise<string[]> {
    if (!this.viewer) return [];
    this.designations ??= this.loadDesignations(this.viewer);
    const prefix = `${recordType}:`;
    return [...(await this.designations).keys()].filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length));
  }

  async grant(kind: ApprovalKind, recordType: RecordType, recordId: string): Promise<ActiveGrant | null> {
    if (!this.viewer) return null;
    this.approvals ??= this.loadApprovals(this.viewer);
    return (await this.approvals).find((g) => g.kind === kind && g.recordType === recordType && g.recordId === recordId) ?? null;
  }

  private async loadDesignations(viewer: Viewer) {
    const rows = await this.db().accessDesignation.findMany({
      where: { staffId: viewer.staffId, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: this.now } }] },
      select: { recordType: true, recordId: true, level: true },
    });
    const map = new Map<string, Classification>();
    for (const r of rows) {
      const key = `${r.recordType}:${r.recordId}`;
      const had = map.get(key);
      if (!had || atLeast(r.level, had)) map.set(key, r.level);
    }
    return map;
  }

  private async loadApprovals(viewer: Viewer): Promise<ActiveGrant[]> {
    const rows = await this.db().approval.findMany({
      where: { requestedById: viewer.staffId, status: "APPROVED", grantedFrom: { lte: this.now }, grantedUntil: { gt: this.now } },
      select: { id: true, kind: true, recordType: true, recordId: true, purpose: true, grantedUntil: true },
    });
    return rows.map((r) => ({ ...r, grantedUntil: r.grantedUntil! }));
  }
}
