import { chunks } from "./bulk.ts";
import { msg } from "../i18n/messages.ts";
import { inScope, type ImportSession } from "./session.ts";
import type { Problems, Row } from "./rows.ts";

/**
 * The references a file makes by code (estate, household, category, department, staff), each
 * resolved with one query per 5,000 codes, and checked against the importer's estates (§2): a
 * code outside them reads like an unknown one, so a file cannot probe other estates.
 */
export interface EstateRef {
  id: string;
  code: string;
  timezone: string;
  kind: string;
  calendarId: string | null;
  officeId: string | null;
}
export interface HouseholdRef {
  id: string;
  code: string;
  estateId: string;
  buildingId: string;
  primaryCustomerId: string | null;
  primaryCustomerName: string | null;
}

const distinct = (rows: Row[], field: string) => [...new Set(rows.flatMap((r) => (r.text(field) ? [r.text(field)!] : [])))];

export async function estatesByCode(s: ImportSession, rows: Row[], field = "estate_code"): Promise<Map<string, EstateRef>> {
  const out = new Map<string, EstateRef>();
  for (const codes of chunks(distinct(rows, field))) {
    const found = await s.db.estate.findMany({
      where: { organizationId: s.organizationId, code: { in: codes } },
      select: {
        id: true,
        code: true,
        timezone: true,
        kind: true,
        calendarId: true,
        offices: { select: { id: true }, orderBy: { code: "asc" }, take: 1 },
      },
    });
    for (const e of found) if (inScope(s, e.id)) out.set(e.code, { ...e, officeId: e.offices[0]?.id ?? null });
  }
  return out;
}

export async function householdsByCode(s: ImportSession, codes: readonly string[]): Promise<Map<string, HouseholdRef>> {
  const out = new Map<string, HouseholdRef>();
  for (const part of chunks([...new Set(codes)])) {
    const found = await s.db.household.findMany({
      where: { organizationId: s.organizationId, code: { in: part } },
      select: {
        id: true,
        code: true,
        estateId: true,
        buildingId: true,
        members: {
          where: { isPrimary: true },
          select: { customer: { select: { id: true, name: true } } },
          orderBy: { createdAt: "asc" },
          take: 1,
        },
      },
    });
    for (const h of found) {
      if (!inScope(s, h.estateId)) continue;
      const c = h.members[0]?.customer;
      out.set(h.code, {
        id: h.id,
        code: h.code,
        estateId: h.estateId,
        buildingId: h.buildingId,
        primaryCustomerId: c?.id ?? null,
        primaryCustomerName: c?.name ?? null,
      });
    }
  }
  return out;
}

/** The estate of a row, or a problem naming the column. */
export function estateOf(row: Row, estates: Map<string, EstateRef>, problems: Problems, field = "estate_code"): EstateRef | null {
  const code = row.text(field);
  if (!code) return null;
  const e = estates.get(code);
  if (!e) problems.add(row.line, field, msg("importNoEstate"));
  return e ?? null;
}

/** CLS-4: second-level categories by "parent/child" name (e.g. 工程维修/漏水) or by code. */
export async function categoryIndex(s: ImportSession): Promise<Map<string, string>> {
  const all = await s.db.category.findMany({
    where: { organizationId: s.organizationId },
    select: { id: true, code: true, name: true, level: true, active: true, parentId: true },
  });
  const names = new Map(all.map((c) => [c.id, c.name]));
  const out = new Map<string, string>();
  for (const c of all) {
    if (c.level !== 2 || !c.active) continue;
    out.set(c.code.toLowerCase(), c.id);
    if (c.parentId) out.set(`${names.get(c.parentId)}/${c.name}`.toLowerCase(), c.id);
  }
  return out;
}

export function categoryKey(text: string): string {
  return text
    .split(/\s*[/／>›]\s*/)
    .join("/")
    .toLowerCase();
}

/** WF-1: departments by name or code. */
export async function departmentIndex(s: ImportSession): Promise<Map<string, string>> {
  const all = await s.db.department.findMany({
    where: { organizationId: s.organizationId, active: true },
    select: { id: true, code: true, name: true },
  });
  return new Map(
    all.flatMap(
      (d) =>
        [
          [d.code.toLowerCase(), d.id],
          [d.name.toLowerCase(), d.id],
        ] as [string, string][],
    ),
  );
}

/** Staff by login, or by display name when that is unambiguous (null = several share it). */
export type StaffIndex = Map<string, string | null>;

/**
 * Issue 17 item 4: the account a staff cell names — by login, or by a display name only one
 * account of the organisation has (active or not: staff who left keep their records) — else the
 * name as written, kept on the record (a historical import names staff who left or never had an
 * account; a name several accounts share is not guessed).
 */
export function staffOf(text: string | null, index: StaffIndex): { staffId: string | null; name: string | null } {
  if (!text) return { staffId: null, name: null };
  const id = index.get(text.toLowerCase());
  return id ? { staffId: id, name: null } : { staffId: null, name: text };
}

export async function staffIndex(s: ImportSession): Promise<StaffIndex> {
  const all = await s.db.staff.findMany({
    where: { organizationId: s.organizationId, kind: "HUMAN" },
    select: { id: true, login: true, displayName: true },
  });
  const out = new Map<string, string | null>();
  for (const st of all) out.set(st.displayName.toLowerCase(), out.has(st.displayName.toLowerCase()) ? null : st.id);
  for (const st of all) out.set(st.login.toLowerCase(), st.id);
  return out;
}
