import { msg } from "../i18n/messages.ts";
import { newId } from "./ids.ts";
import type { EstateKind } from "@tingjian/prisma/client";
import { BulkWriter, chunks, type BulkRow } from "./bulk.ts";
import { isTimeZone } from "./cells.ts";
import type { Problems, Row } from "./rows.ts";
import { inScope, type FileRows, type ImportSession, type Plan } from "./session.ts";

const DEFAULT_TIMEZONE = "Asia/Shanghai";

/**
 * estates.csv: an estate per code. A new code creates the estate (kind residential and timezone
 * Asia/Shanghai unless given); an existing one is updated where the file gives another name, kind
 * or timezone (its version goes up), and is otherwise unchanged. Estates carry no personal data.
 */
export async function prepareEstates(s: ImportSession, { rows }: FileRows, problems: Problems): Promise<Plan> {
  const existing = new Map<string, { id: string; name: string; kind: EstateKind; timezone: string; version: number }>();
  for (const codes of chunks(rows.map((r) => r.text("estate_code")!))) {
    const found = await s.db.estate.findMany({
      where: { organizationId: s.organizationId, code: { in: codes } },
      select: { id: true, code: true, name: true, kind: true, timezone: true, version: true },
    });
    for (const e of found) existing.set(e.code, e);
  }
  const creates: BulkRow[] = [];
  const updates: BulkRow[] = [];
  let unchanged = 0;
  for (const row of rows) {
    const timezone = row.text("timezone");
    if (timezone && !isTimeZone(timezone)) problems.add(row.line, "timezone", msg("importBadTimezone"));
    const code = row.text("estate_code")!;
    const kind = row.enum<EstateKind>("kind");
    const before = existing.get(code);
    if (!before) {
      creates.push({
        id: newId(),
        organizationId: s.organizationId,
        code,
        name: row.text("name")!,
        kind: kind ?? "RESIDENTIAL",
        timezone: timezone ?? DEFAULT_TIMEZONE,
        createdAt: s.now,
        updatedAt: s.now,
      });
      continue;
    }
    if (!inScope(s, before.id)) {
      problems.add(row.line, "estate_code", msg("importEstateOutsideScope"));
      continue;
    }
    const after = { name: row.text("name")!, kind: kind ?? before.kind, timezone: timezone ?? before.timezone };
    if (after.name === before.name && after.kind === before.kind && after.timezone === before.timezone) unchanged++;
    else updates.push({ id: before.id, ...after, version: before.version + 1, updatedAt: s.now });
  }
  return {
    created: creates.length,
    updated: updates.length,
    unchanged,
    async write(progress) {
      const bulk = new BulkWriter(s.db);
      await bulk.insert("estates", creates);
      await bulk.update("estates", updates);
      progress(rows.length);
    },
  };
}
