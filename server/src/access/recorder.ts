import type { AccessAction, Classification, Prisma, RecordType } from "@tingjian/prisma/client";
import type { Viewer } from "../domain/access/viewer.ts";

export interface AccessEntry {
  action: AccessAction;
  recordType: RecordType;
  recordId: string | null;
  fields: string[];
  classification?: Classification | null;
  approvalId?: string | null;
  governmentInquiryId?: string | null;
  purpose?: string | null;
  query?: Prisma.InputJsonValue;
  rowCount?: number;
  export?: boolean;
}

/**
 * SEC-3: collects every disclosure of a protected value during one request and writes them to
 * the access log in the request's transaction. Reads of one record are merged into one entry
 * (all fields read), so one look at an owner archive is one log line, however many fields and
 * paths the query used.
 */
export class AccessRecorder {
  private readonly reads = new Map<string, AccessEntry>();
  private readonly others: AccessEntry[] = [];

  constructor(private readonly viewer: Viewer | null, private readonly purpose: string | null, private readonly ip: string | null) {}

  read(recordType: RecordType, recordId: string, field: string, detail: { classification?: Classification; approvalId?: string | null; purpose?: string | null } = {}) {
    const key = `${recordType}:${recordId}`;
    const entry = this.reads.get(key);
    if (entry) {
      if (!entry.fields.includes(field)) entry.fields.push(field);
      entry.approvalId ??= detail.approvalId ?? null;
      entry.purpose ??= detail.purpose ?? null;
      return;
    }
    this.reads.set(key, { action: "READ", recordType, recordId, fields: [field], classification: detail.classification, approvalId: detail.approvalId ?? null, purpose: detail.purpose ?? null });
  }

  private readonly keys = new Set<string>();

  /** Records an entry; with a `key`, only the first entry under that key in this request. */
  record(entry: AccessEntry, key?: string) {
    if (key) {
      if (this.keys.has(key)) return;
      this.keys.add(key);
    }
    this.others.push(entry);
  }

  get pending(): number {
    return this.reads.size + this.others.length;
  }

  async flush(db: Prisma.TransactionClient): Promise<void> {
    if (!this.viewer || this.pending === 0) return;
    const viewer = this.viewer;
    const data = [...this.reads.values(), ...this.others].map((e) => ({
      organizationId: viewer.organizationId, staffId: viewer.staffId, apiTokenId: viewer.apiTokenId, ip: this.ip,
      action: e.action, recordType: e.recordType, recordId: e.recordId, fields: [...e.fields].sort(),
      purpose: e.purpose ?? this.purpose ?? null, classification: e.classification ?? null, approvalId: e.approvalId ?? null,
      governmentInquiryId: e.governmentInquiryId ?? null, export: e.export ?? false, rowCount: e.rowCount ?? null,
      ...(e.query !== undefined ? { query: e.query } : {}),
    }));
    this.reads.clear();
    this.others.length = 0;
    await db.accessLog.createMany({ data });
  }
}
