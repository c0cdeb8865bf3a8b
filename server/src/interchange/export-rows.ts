import type { Classification, Prisma } from "@tingjian/prisma/client";
import type { Db } from "./bulk.ts";
import { formatInstant } from "./cells.ts";
import { LAYOUTS, type InterchangeKind } from "./layout.ts";

/**
 * SPEC §13 exports: the rows of each file in the interchange layout, so that an export imports
 * again unchanged. Enums are written as the layout's lower-case words, booleans as true/false,
 * timestamps in the estate's timezone with the offset. Every protected cell goes through `cell`,
 * which the caller decides: raw (entitled and approved, logged) or masked (SEC-3, SEC-7).
 */
export interface ExportQuery {
  db: Db;
  /** The scope of the caller, as the lists of the app apply it (access/read-scope.ts). */
  where: {
    estates: Prisma.EstateWhereInput;
    households: Prisma.HouseholdWhereInput;
    complaints: Prisma.ComplaintWhereInput;
    callbacks: Prisma.CallbackWhereInput;
    handouts: Prisma.SurveyHandoutWhereInput;
    customers: Prisma.CustomerWhereInput;
  };
  estateId: string | null;
  from: Date | null;
  to: Date | null;
  campaignId: string | null;
  /** One more than this many rows is refused by the caller. */
  limit: number;
}

/** A protected record and field as the disclosure rules see it (access/disclosure.ts RecordRef). */
export interface Protected {
  recordType: "CUSTOMER" | "COMPLAINT" | "CALLBACK" | "SURVEY_RESPONSE";
  id: string;
  classification: Classification;
  estateIds: string[];
  assignedStaffIds?: string[];
  /** The PROTECTED_COLUMNS field name. */
  field: string;
}

export type Disclose = (record: Protected, value: string | null) => Promise<string>;

export interface ExportRows {
  rows: (string | number)[][];
  /** The records exported, for the access log. */
  ids: string[];
}

type Cells = Record<string, string | number | null | undefined>;
const lower = (v: string | null | undefined) => (v ? v.toLowerCase() : "");
const bool = (v: boolean | null | undefined) => (v === null || v === undefined ? "" : String(v));

function ordered(kind: InterchangeKind, cells: Cells): (string | number)[] {
  return LAYOUTS[kind].columns.map((c) => cells[c.name] ?? "");
}

/** One plate at a time: disclosure may read the request's grants, and the transaction runs one query at a time. */
async function platesOf(plates: string[], one: (plate: string) => Promise<string>): Promise<string> {
  const out: string[] = [];
  for (const plate of plates) out.push(await one(plate));
  return out.join(";");
}

const between = (from: Date | null, to: Date | null) =>
  from || to ? { ...(from ? { gte: from } : {}), ...(to ? { lt: to } : {}) } : undefined;

export const EXPORTERS: Record<InterchangeKind, (q: ExportQuery, disclose: Disclose) => Promise<ExportRows>> = {
  async ESTATES(q) {
    const estates = await q.db.estate.findMany({
      where: { AND: [q.where.estates, q.estateId ? { id: q.estateId } : {}] },
      orderBy: { code: "asc" },
      take: q.limit + 1,
    });
    return {
      ids: estates.map((e) => e.id),
      rows: estates.map((e) => ordered("ESTATES", { estate_code: e.code, name: e.name, kind: lower(e.kind), timezone: e.timezone })),
    };
  },

  async HOUSEHOLDS(q, disclose) {
    const households = await q.db.household.findMany({
      where: { AND: [q.where.households, q.estateId ? { estateId: q.estateId } : {}] },
      orderBy: { code: "asc" },
      take: q.limit + 1,
      select: {
        id: true,
        code: true,
        room: true,
        occupied: true,
        estate: { select: { code: true } },
        building: { select: { name: true } },
        unit: { select: { name: true } },
        members: {
          // SEC-2: a TOP_SECRET archive the caller may not know is left out, as in the app's lists.
          where: { isPrimary: true, customer: q.where.customers },
          orderBy: { createdAt: "asc" },
          take: 1,
          select: {
            kind: true,
            customer: {
              select: {
                id: true,
                name: true,
                phone: true,
                idNumber: true,
                plates: true,
                classification: true,
                households: { select: { household: { select: { estateId: true } } } },
              },
            },
          },
        },
      },
    });
    const rows: (string | number)[][] = [];
    for (const h of households) {
      const m = h.members[0];
      const c = m?.customer;
      const ref = c
        ? {
            recordType: "CUSTOMER" as const,
            id: c.id,
            classification: c.classification,
            estateIds: [...new Set(c.households.map((x) => x.household.estateId))],
          }
        : null;
      const p = async (field: string, value: string | null) => (ref && value ? disclose({ ...ref, field }, value) : "");
      rows.push(
        ordered("HOUSEHOLDS", {
          household_code: h.code,
          estate_code: h.estate.code,
          building: h.building.name,
          unit: h.unit?.name,
          room: h.room,
          occupied: bool(h.occupied),
          customer_name: await p("name", c?.name ?? null),
          customer_kind: lower(m?.kind),
          phone: await p("phone", c?.phone ?? null),
          id_number: await p("idNumber", c?.idNumber ?? null),
          plates: await platesOf(c?.plates ?? [], (x) => p("plates", x)),
        }),
      );
    }
    return { ids: households.map((h) => h.id), rows };
  },

  async COMPLAINTS(q, disclose) {
    const complaints = await q.db.complaint.findMany({
      where: { AND: [q.where.complaints, q.estateId ? { estateId: q.estateId } : {}, { receivedAt: between(q.from, q.to) }] },
      orderBy: [{ receivedAt: "asc" }, { no: "asc" }],
      take: q.limit + 1,
      include: {
        estate: { select: { code: true, timezone: true } },
        household: { select: { code: true } },
        category: { select: { name: true, parent: { select: { name: true } } } },
        leadDepartment: { select: { name: true } },
        duplicateOf: { select: { id: true, no: true } },
      },
    });
    // SEC-2: a first report the caller may not know is not named (its number would say it exists).
    const firstIds = [...new Set(complaints.flatMap((c) => (c.duplicateOf ? [c.duplicateOf.id] : [])))];
    const known = new Set(
      (await q.db.complaint.findMany({ where: { AND: [q.where.complaints, { id: { in: firstIds } }] }, select: { id: true } })).map(
        (c) => c.id,
      ),
    );
    const rows: (string | number)[][] = [];
    for (const c of complaints) {
      const ref = {
        recordType: "COMPLAINT" as const,
        id: c.id,
        classification: c.classification,
        estateIds: [c.estateId],
        assignedStaffIds: c.receivedById ? [c.receivedById] : [],
      };
      const at = (d: Date | null) => formatInstant(d, c.estate.timezone);
      rows.push(
        ordered("COMPLAINTS", {
          complaint_no: c.no,
          estate_code: c.estate.code,
          household_code: c.household?.code,
          location: c.location,
          channel: lower(c.channel),
          received_at: at(c.receivedAt),
          anonymous: bool(c.anonymous),
          complainant_name: await disclose({ ...ref, field: "complainantName" }, c.complainantName),
          phone: await disclose({ ...ref, field: "complainantContact" }, c.complainantContact),
          kind: lower(c.kind),
          category: c.category ? `${c.category.parent?.name ?? ""}/${c.category.name}` : "",
          severity: lower(c.severity),
          valid: bool(c.valid),
          content: await disclose({ ...ref, field: "content" }, c.content),
          department: c.leadDepartment?.name,
          assigned_at: at(c.assignedAt),
          promised_at: at(c.promisedAt),
          resolved_at: at(c.resolvedAt),
          confirmed_at: at(c.confirmedAt),
          duplicate_of: c.duplicateOf && known.has(c.duplicateOf.id) ? c.duplicateOf.no : "",
          classification: lower(c.classification),
        }),
      );
    }
    return { ids: complaints.map((c) => c.id), rows };
  },

  async CALLBACKS(q, disclose) {
    const callbacks = await q.db.callback.findMany({
      where: {
        AND: [q.where.callbacks, q.estateId ? { estateId: q.estateId } : {}, q.from || q.to ? { calledAt: between(q.from, q.to) } : {}],
      },
      orderBy: [{ no: "asc" }],
      take: q.limit + 1,
      include: {
        estate: { select: { timezone: true } },
        complaint: { select: { no: true } },
        household: { select: { code: true } },
        staff: { select: { login: true } },
        ratings: { select: { dimension: true, rating: true } },
      },
    });
    const rows: (string | number)[][] = [];
    for (const c of callbacks) {
      const rating = (dim: string) => c.ratings.find((r) => r.dimension === dim)?.rating ?? "";
      const ref = {
        recordType: "CALLBACK" as const,
        id: c.id,
        classification: c.classification,
        estateIds: [c.estateId],
        assignedStaffIds: [c.assignedToId, c.staffId].filter((x): x is string => !!x),
      };
      rows.push(
        ordered("CALLBACKS", {
          callback_no: c.no,
          complaint_no: c.complaint?.no,
          household_code: c.household?.code,
          kind: lower(c.kind),
          method: lower(c.method),
          called_at: formatInstant(c.calledAt, c.estate.timezone),
          staff: c.staff?.login,
          reached: bool(c.reached),
          satisfied: bool(c.satisfied),
          rating_quality: rating("QUALITY"),
          rating_speed: rating("SPEED"),
          rating_attitude: rating("ATTITUDE"),
          signed: c.calledAt ? bool(c.signed) : "",
          comment: await disclose({ ...ref, field: "customerText" }, c.comment),
        }),
      );
    }
    return { ids: callbacks.map((c) => c.id), rows };
  },

  async SURVEY_RESPONSES(q, disclose) {
    const handouts = await q.db.surveyHandout.findMany({
      where: {
        AND: [
          q.where.handouts,
          q.estateId ? { estateId: q.estateId } : {},
          q.campaignId ? { campaignId: q.campaignId } : {},
          { handedOutAt: between(q.from, q.to) },
        ],
      },
      orderBy: [{ campaign: { code: "asc" } }, { household: { code: "asc" } }],
      take: q.limit + 1,
      include: {
        estate: { select: { timezone: true } },
        household: { select: { code: true } },
        campaign: {
          select: {
            code: true,
            questionnaire: { select: { dimensions: { select: { id: true, code: true }, orderBy: { sortOrder: "asc" } } } },
          },
        },
        responses: { select: { id: true, dimensionId: true, rating: true, notApplicable: true, comment: true } },
      },
    });
    const rows: (string | number)[][] = [];
    for (const h of handouts) {
      const at = (d: Date | null) => formatInstant(d, h.estate.timezone);
      for (const d of h.campaign.questionnaire.dimensions) {
        const r = h.responses.find((x) => x.dimensionId === d.id);
        const comment = r
          ? await disclose(
              { recordType: "SURVEY_RESPONSE", id: r.id, classification: "SECRET", estateIds: [h.estateId], field: "comment" },
              r.comment,
            )
          : "";
        rows.push(
          ordered("SURVEY_RESPONSES", {
            campaign_code: h.campaign.code,
            household_code: h.household.code,
            handed_out_at: at(h.handedOutAt),
            returned_at: at(h.returnedAt),
            dimension: d.code,
            rating: r ? (r.notApplicable ? "NA" : (r.rating ?? "")) : "",
            comment,
          }),
        );
      }
    }
    return { ids: handouts.map((h) => h.id), rows };
  },
};
