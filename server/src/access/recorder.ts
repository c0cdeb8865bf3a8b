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

  constructor(
    private readonly viewer: Viewer | null,
    private readonly purpose: string | null,
    private readonly ip: string | null,
  ) {}

  read(
    recordType: RecordType,
    recordId: string,
    field: string,
    detail: { classification?: Classification; approvalId?: string | null; purpose?: string | null } = {},
  ) {
    const key = `${recordType}:${recordId}`;
    const entry = this.reads.get(key);
    if (entry) {
      if (!entry.fields.includes(field)) entry.fields.push(field);
      entry.approvalId ??= detail.approvalId ?? null;
      entry.purpose ??= detail.purpose ?? null;
      return;
    }
    this.reads.set(key, {
      action: "READ",
      recordType,
      recordId,
      fields: [field],
      classification: detail.classification,
      approvalId: detail.approvalId ?? null,
      purpose: detail.purpose ?? null,
    });
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

  /**
   * Writes everything collected as one INSERT of a JSON array of rows: one statement per request
   * whatever the number of records read, and no query plan compiled per row (a Prisma createMany
   * of a page's hundred-odd reads cost some 35 ms of CPU to plan, more than the page itself).
   */
  async flush(db: Prisma.TransactionClient): Promise<void> {
    if (!this.viewer || this.pending === 0) return;
    const viewer = this.viewer;
    const at = new Date();
    const rows = [...this.reads.values(), ...this.others].map((e) => ({
      organization_id: viewer.organizationId,
      at,
      staff_id: viewer.staffId,
      api_token_id: viewer.apiTokenId,
      ip: this.ip,
      action: e.action,
      record_type: e.recordType,
      record_id: e.recordId,
      fields: [...e.fields].sort(),
      purpose: e.purpose ?? this.purpose ?? null,
      classification: e.classification ?? null,
      approval_id: e.approvalId ?? null,
      government_inquiry_id: e.governmentInquiryId ?? null,
      export: e.export ?? false,
      row_count: e.rowCount ?? null,
      query: e.query ?? null,
    }));
    this.reads.clear();
    this.others.length = 0;
    await db.$executeRawUnsafe(
      `INSERT INTO access_logs (organization_id, at, staff_id, api_token_id, ip, action, record_type, record_id, fields, purpose,
                                classification, approval_id, government_inquiry_id, export, row_count, query)
       SELECT organization_id, at, staff_id, api_token_id, ip, action::access_action, record_type::record_type, record_id, fields, purpose,
              classification::classification, approval_id, government_inquiry_id, export, row_count, query
         FROM jsonb_to_recordset($1::jsonb) AS x(organization_id uuid, at timestamptz, staff_id uuid, api_token_id uuid, ip text, action text,
              record_type text, record_id uuid, fields text[], purpose text, classification text, approval_id uuid,
              government_inquiry_id uuid, export boolean, row_count int, query jsonb)`,
      JSON.stringify(rows),
    );
  }
}
