import { decodeGlobalID, encodeGlobalID } from "@pothos/plugin-relay";
import { ComplaintChannel, ComplaintSeverity, Prisma } from "@tingjian/prisma/client";
import type { SignedInContext } from "../../access/context.ts";
import { EVERY_SLICE_KEY, NOT_SET_KEY, ORGANIZATION_KEY, SLICE_NODE_TYPE, type SliceBy } from "../../domain/metrics/catalogue.ts";
import { CHANNEL_LABELS, NOT_SET_LABEL, SEVERITY_LABELS } from "../../domain/metrics/labels.ts";
import { InputError } from "../../errors/typed-errors.ts";
import { msg } from "../../i18n/messages.ts";
import type { Scope } from "./scope.ts";

/**
 * §11 slices: a slice key as the API gives it (a global id of an estate, building, department,
 * category or staff member; an enum value; ALL) and as the SQL groups it (a row id, "~" for no
 * value), and the labels of the slices. A slice never names a customer (SEC-7).
 */

export { NOT_SET_LABEL };

/** The API form of a slice key: global ids for rows, enum values as they are, null for "no value". */
export function apiSliceKey(by: SliceBy, raw: string): string | null {
  if (raw === NOT_SET_KEY) return null;
  if (by === "ORGANIZATION") return ORGANIZATION_KEY;
  const type = SLICE_NODE_TYPE[by];
  return type ? encodeGlobalID(type, raw) : raw;
}

/** The SQL form of a slice key given by a caller (a drill-down). */
export function sqlSliceKey(by: SliceBy, key: string | null | undefined, field: string): string {
  if (by === "ORGANIZATION") return ORGANIZATION_KEY;
  if (key === null || key === undefined || key === "") return NOT_SET_KEY;
  const type = SLICE_NODE_TYPE[by];
  if (type) {
    let decoded: { typename: string; id: string };
    try {
      decoded = decodeGlobalID(key);
    } catch {
      throw new InputError(field, msg("reportSliceKeyId", { type }));
    }
    if (decoded.typename !== type || !/^[0-9a-f-]{36}$/i.test(decoded.id)) throw new InputError(field, msg("reportSliceKeyId", { type }));
    return decoded.id.toLowerCase();
  }
  const values: readonly string[] = by === "CHANNEL" ? Object.values(ComplaintChannel) : Object.values(ComplaintSeverity);
  if (!values.includes(key)) throw new InputError(field, msg("reportSliceKeyValue", { values: values.join(", ") }));
  return key;
}

export interface Label {
  label: string;
  estateId: string | null;
}

/** Labels of the slices (one query for row slices; none for estates, which the scope holds, or enum slices). */
export async function sliceLabels(ctx: SignedInContext, by: SliceBy, keys: string[], scope: Scope): Promise<Map<string, Label>> {
  const out = new Map<string, Label>();
  const ids = keys.filter((k) => k !== NOT_SET_KEY && k !== EVERY_SLICE_KEY);
  if (by === "ORGANIZATION")
    out.set(ORGANIZATION_KEY, { label: scope.organizationName, estateId: scope.estates.length === 1 ? scope.estates[0]!.id : null });
  else if (by === "CHANNEL") for (const k of ids) out.set(k, { label: CHANNEL_LABELS[k] ?? k, estateId: null });
  else if (by === "SEVERITY") for (const k of ids) out.set(k, { label: SEVERITY_LABELS[k] ?? k, estateId: null });
  else if (by === "ESTATE") {
    for (const e of scope.estates) out.set(e.id, { label: e.name, estateId: e.id });
  } else if (ids.length) {
    const rows = await ctx.prisma.$queryRaw<{ key: string; label: string; estate_id: string | null }[]>(
      by === "BUILDING"
        ? labelSql.BUILDING(ids)
        : by === "DEPARTMENT"
          ? labelSql.DEPARTMENT(ids)
          : by === "CATEGORY"
            ? labelSql.CATEGORY(ids)
            : labelSql.STAFF(ids),
    );
    for (const r of rows) out.set(r.key, { label: r.label, estateId: r.estate_id });
  }
  return out;
}

const labelSql = {
  BUILDING: (ids: string[]) =>
    Prisma.sql`SELECT b.id::text AS key, e.name || ' ' || b.name AS label, b.estate_id::text AS estate_id FROM buildings b JOIN estates e ON e.id = b.estate_id WHERE b.id = ANY(${ids}::uuid[])`,
  DEPARTMENT: (ids: string[]) =>
    Prisma.sql`SELECT d.id::text AS key, d.name AS label, NULL::text AS estate_id FROM departments d WHERE d.id = ANY(${ids}::uuid[])`,
  CATEGORY: (ids: string[]) =>
    Prisma.sql`SELECT c.id::text AS key, coalesce(p.name || ' › ', '') || c.name AS label, NULL::text AS estate_id FROM categories c LEFT JOIN categories p ON p.id = c.parent_id WHERE c.id = ANY(${ids}::uuid[])`,
  // A slice by staff names the staff member (allowed, §11); never a customer.
  STAFF: (ids: string[]) =>
    Prisma.sql`SELECT s.id::text AS key, s.display_name AS label, NULL::text AS estate_id FROM staff s WHERE s.id = ANY(${ids}::uuid[])`,
};
