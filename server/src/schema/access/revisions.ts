import { builder } from "../../builder.ts";
import type { Context } from "../../access/context.ts";
import { entitlement, reveal, revealList, type RecordRef } from "../../access/disclosure.ts";
import { PROTECTED_COLUMNS, protectionOf, type ProtectionRule } from "../../domain/access/protected-fields.ts";
import { mask } from "../../domain/access/masking.ts";

/** SEC-6: the history of a record, read under its field rules (writes: services/access/revisions.ts). */
interface FieldChange {
  field: string;
  before: string | null;
  after: string | null;
}
interface RevisionView {
  id: string;
  changedAt: Date;
  changedById: string | null;
  reason: string | null;
  recordVersion: number | null;
  changes: FieldChange[];
}

const FieldChangeRef = builder.objectRef<FieldChange>("FieldChange").implement({
  description: "One field of a revision; protected values are masked unless the caller may read them",
  fields: (t) => ({
    field: t.exposeString("field", { description: "The field's name" }),
    before: t.exposeString("before", { nullable: true, description: "Its value before (masked unless you may read it)" }),
    after: t.exposeString("after", { nullable: true, description: "Its value after (masked unless you may read it)" }),
  }),
});

export const RevisionRef = builder.objectRef<RevisionView>("Revision").implement({
  description: "SEC-6: a change of the record, with who, when and why",
  fields: (t) => ({
    changedAt: t.expose("changedAt", { type: "DateTime", description: "When" }),
    reason: t.exposeString("reason", {
      nullable: true,
      description: "SEC-7: why, as typed; masked unless you may read the values it touched",
    }),
    recordVersion: t.exposeInt("recordVersion", { nullable: true, description: "The record's version this change produced" }),
    changedBy: t.prismaField({
      type: "Staff",
      nullable: true,
      description: "Who changed it",
      resolve: (query, r, _a, ctx) => (r.changedById ? ctx.prisma.staff.findUnique({ ...query, where: { id: r.changedById } }) : null),
    }),
    changes: t.field({ type: [FieldChangeRef], description: "The fields changed", resolve: (r) => r.changes }),
  }),
});

function display(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "string") return v;
  if (Array.isArray(v) && v.every((x) => typeof x === "string")) return v.join(", ");
  return JSON.stringify(v);
}

/** The history of one record, newest first, masked for the caller. */
export async function history(ctx: Context, record: RecordRef, limit = 200): Promise<RevisionView[]> {
  const rows = await ctx.prisma.recordRevision.findMany({
    where: { organizationId: ctx.organizationId ?? "", recordType: record.recordType, recordId: record.id },
    orderBy: [{ changedAt: "desc" }, { id: "desc" }],
    take: limit,
  });
  return Promise.all(
    rows.map(async (r) => {
      const before = r.before as Record<string, unknown>,
        after = r.after as Record<string, unknown>;
      const changes = await Promise.all(
        r.fields.map(async (field) => {
          const shown = async (v: unknown) => {
            if (!protectionOf(record.recordType, field)) return display(v);
            // A list (plates) is masked element by element, as the field itself is.
            if (Array.isArray(v) && v.every((x) => typeof x === "string")) return (await revealList(ctx, record, field, v)).join(", ");
            return reveal(ctx, record, field, display(v));
          };
          return { field, before: await shown(before[field]), after: await shown(after[field]) };
        }),
      );
      return {
        id: r.id,
        changedAt: r.changedAt,
        changedById: r.changedById,
        reason: await revealReason(ctx, record, r.fields, r.reason),
        recordVersion: r.recordVersion,
        changes,
      };
    }),
  );
}

/**
 * SEC-7 (issue 15 item 11): a revision's reason is free text typed by whoever made the change,
 * and it quotes what changed ("客户更换号码 1390000…，身份证 …"). It is shown as typed only to a
 * caller who may read the values the change touched and the record's personal data (its contact
 * fields, or its case content where it has no contact fields); masked like a protected text
 * otherwise, whichever fields the change touched.
 */
async function revealReason(ctx: Context, record: RecordRef, fields: readonly string[], reason: string | null): Promise<string | null> {
  if (!reason) return reason;
  const held = Object.values(PROTECTED_COLUMNS[record.recordType] ?? {}).map((p) => p.rule);
  const rules = new Set<ProtectionRule>(fields.flatMap((f) => protectionOf(record.recordType, f)?.rule ?? []));
  if (held.includes("CONTACT")) rules.add("CONTACT");
  else if (held.length) rules.add(held[0]!);
  for (const rule of rules) {
    if (!(await entitlement(ctx, record, rule)).ok) return mask("TEXT", reason);
  }
  return reason;
}
