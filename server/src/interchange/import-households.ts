import { msg } from "../i18n/messages.ts";
import { newId } from "./ids.ts";
import type { Classification, CustomerKind, HouseholdKind } from "@tingjian/prisma/client";
import { isIdNumber, isPhone, ID_NUMBER_FORMAT, PHONE_FORMAT } from "../domain/people/contact-formats.ts";
import { BulkWriter, chunks, type BulkRow } from "./bulk.ts";
import { estateOf, estatesByCode, type EstateRef } from "./lookups.ts";
import type { Problems, Row } from "./rows.ts";
import { inScope, type FileRows, type ImportSession, type Plan } from "./session.ts";
import { Places } from "./places.ts";

/**
 * households.csv: a household per code with its customer archive (SEC-1 personal data). A new
 * code creates the household (and its building and unit when new) with the customer as its
 * primary member. An existing household is updated where the file differs; its primary customer
 * is amended as updateCustomer does (SEC-6): only by someone entitled to the fields (CONTACT for
 * name and phone, ARCHIVE for ID number and plates), with the version raised and the previous
 * values kept as a revision. An empty cell changes nothing. One customer per household row: a
 * person owning several flats appears once per flat (merged in the app, never guessed here).
 */
type Customer = {
  id: string;
  kind: CustomerKind;
  name: string;
  phone: string | null;
  idNumber: string | null;
  plates: string[];
  classification: Classification;
  version: number;
  estateIds: string[];
};
type Household = {
  id: string;
  estateId: string;
  buildingId: string;
  building: string;
  unit: string | null;
  room: string;
  occupied: boolean;
  version: number;
  customer: Customer | null;
  memberId: string | null;
  memberKind: CustomerKind | null;
};

const HOUSEHOLD_KIND: Record<string, HouseholdKind> = { COMMERCIAL: "COMMERCIAL", OFFICE: "OFFICE" };

export async function prepareHouseholds(s: ImportSession, { rows }: FileRows, problems: Problems): Promise<Plan> {
  const estates = await estatesByCode(s, rows);
  const existing = await loadHouseholds(
    s,
    rows.map((r) => r.text("household_code")!),
  );
  const places = await Places.load(
    s,
    [...estates.values()].map((e) => e.id),
  );
  const w: HouseholdRows = {
    households: [],
    householdUpdates: [],
    customers: [],
    members: [],
    customerUpdates: [],
    memberUpdates: [],
    revisions: [],
  };
  const counts = { created: 0, updated: 0, unchanged: 0 };
  const compared = new Set<string>();
  for (const row of rows) {
    const estate = estateOf(row, estates, problems);
    const customer = customerCells(row, problems);
    if (!estate || !customer) continue;
    const before = existing.get(row.text("household_code")!);
    if (before === undefined) {
      newHousehold(s, w, places, row, estate, customer, problems);
      counts.created++;
    } else if (before === null || before.estateId !== estate.id) {
      problems.add(row.line, "household_code", msg(before === null ? "importHouseholdOutsideScope" : "importHouseholdMoves"));
    } else if (await changeHousehold(s, w, places, row, before, customer, compared, problems)) counts.updated++;
    else counts.unchanged++;
  }
  if (compared.size) {
    // SEC-3: comparing the file with stored archives reads them (an "unchanged" answer says they match).
    s.log({
      action: "READ",
      recordType: "CUSTOMER",
      recordId: null,
      fields: ["idNumber", "name", "phone", "plates"],
      rowCount: compared.size,
      query: { import: s.fileName, customerIds: [...compared] },
    });
  }
  return {
    ...counts,
    async write(progress) {
      const bulk = new BulkWriter(s.db);
      await places.write(bulk);
      await bulk.insert("households", w.households);
      await bulk.update("households", w.householdUpdates);
      await bulk.insert("customers", w.customers);
      await bulk.insert("household_members", w.members);
      await bulk.update("customers", w.customerUpdates);
      await bulk.update("household_members", w.memberUpdates);
      await bulk.insert("record_revisions", w.revisions);
      progress(rows.length);
    },
  };
}

type HouseholdRows = Record<
  "households" | "householdUpdates" | "customers" | "members" | "customerUpdates" | "memberUpdates" | "revisions",
  BulkRow[]
>;

/** A new code: the household (in its building and unit, created when new) with the row's customer as its primary member. */
function newHousehold(
  s: ImportSession,
  w: HouseholdRows,
  places: Places,
  row: Row,
  estate: EstateRef,
  customer: CustomerCells,
  problems: Problems,
): void {
  const id = newId();
  const place = places.resolve(estate.id, row.text("building")!, row.text("unit"));
  w.households.push({
    id,
    organizationId: s.organizationId,
    code: row.text("household_code"),
    estateId: estate.id,
    ...place,
    room: row.text("room"),
    kind: HOUSEHOLD_KIND[estate.kind] ?? "RESIDENTIAL",
    occupied: row.bool("occupied") ?? true,
    createdAt: s.now,
    updatedAt: s.now,
  });
  if (customer.name) addCustomer(s, w, id, customer);
  else if (customer.given) problems.add(row.line, "customer_name", msg("importCustomerNameRequired"));
}

/**
 * An existing household in the importer's estates: its place updated where the file differs, its
 * primary customer added or amended (SEC-6; `compared` collects the archives read). True when something changed.
 */
async function changeHousehold(
  s: ImportSession,
  w: HouseholdRows,
  places: Places,
  row: Row,
  before: Household,
  customer: CustomerCells,
  compared: Set<string>,
  problems: Problems,
): Promise<boolean> {
  const householdChange = placeChange(row, before);
  if (householdChange) {
    const place = places.resolve(before.estateId, row.text("building")!, row.given("unit") ? row.text("unit") : before.unit);
    w.householdUpdates.push({
      id: before.id,
      ...place,
      room: row.text("room"),
      occupied: row.bool("occupied") ?? before.occupied,
      version: before.version + 1,
      updatedAt: s.now,
    });
  }
  let customerChanged = false;
  if (!before.customer) {
    if (customer.name) {
      addCustomer(s, w, before.id, customer);
      customerChanged = true;
    } else if (customer.given) problems.add(row.line, "customer_name", msg("importCustomerNameRequired"));
  } else {
    compared.add(before.customer.id);
    customerChanged = await amendCustomer(s, w, row, before, customer, problems);
  }
  return householdChange || customerChanged;
}

interface CustomerCells {
  given: boolean;
  name: string | null;
  kind: CustomerKind | null;
  phone: string | null;
  idNumber: string | null;
  plates: string[] | null;
}

/** The customer columns of a row, checked; null when a value is malformed (the reason never quotes it, SEC-7). */
function customerCells(row: Row, problems: Problems): CustomerCells | null {
  const phone = row.text("phone");
  const idNumber = row.text("id_number")?.toUpperCase() ?? null;
  const badPhone = !!phone && !isPhone(phone);
  const badId = !!idNumber && !isIdNumber(idNumber);
  if (badPhone) problems.add(row.line, "phone", msg("importBadPhone", { format: PHONE_FORMAT }));
  if (badId) problems.add(row.line, "id_number", msg("importBadIdNumber", { format: ID_NUMBER_FORMAT }));
  if (badPhone || badId) return null;
  const plates = row.list("plates")?.map((p) => p.toUpperCase()) ?? null;
  const kind = row.enum<CustomerKind>("customer_kind");
  return { given: !!(phone || idNumber || plates || kind), name: row.text("customer_name"), kind, phone, idNumber, plates };
}

function addCustomer(s: ImportSession, w: { customers: BulkRow[]; members: BulkRow[] }, householdId: string, c: CustomerCells) {
  const id = newId();
  const kind = c.kind ?? "OWNER";
  w.customers.push({
    id,
    organizationId: s.organizationId,
    kind,
    name: c.name,
    phone: c.phone,
    idNumber: c.idNumber,
    plates: c.plates ?? [],
    createdAt: s.now,
    updatedAt: s.now,
  });
  w.members.push({
    id: newId(),
    organizationId: s.organizationId,
    householdId,
    customerId: id,
    kind,
    isPrimary: true,
    createdAt: s.now,
    updatedAt: s.now,
  });
}

function placeChange(row: Row, h: Household): boolean {
  return (
    row.text("building") !== h.building ||
    (row.given("unit") && row.text("unit") !== h.unit) ||
    row.text("room") !== h.room ||
    (row.given("occupied") && row.bool("occupied") !== h.occupied)
  );
}

/** SEC-6: amends the household's primary customer where the file differs, if the importer may. */
async function amendCustomer(
  s: ImportSession,
  w: { customerUpdates: BulkRow[]; memberUpdates: BulkRow[]; revisions: BulkRow[] },
  row: Row,
  h: Household,
  c: CustomerCells,
  problems: Problems,
): Promise<boolean> {
  const before = h.customer!;
  // SEC-2, SEC-7 (issue 15 item 7): the entitlement is checked on what the file gives, before any
  // comparison. Were it checked only on what differs, "unchanged" for a right guess and a refusal
  // for a wrong one would read a masked or hidden phone or ID number out of the archive.
  const given = { name: c.name, phone: c.phone, idNumber: c.idNumber, plates: c.plates, kind: c.kind };
  const ref = { id: before.id, classification: before.classification, estateIds: before.estateIds };
  const columns: Record<string, string> = {
    name: "customer_name",
    phone: "phone",
    idNumber: "id_number",
    plates: "plates",
    kind: "customer_kind",
  };
  for (const [rule, names] of [
    ["CONTACT", ["name", "phone", "kind"]],
    ["ARCHIVE", ["idNumber", "plates"]],
  ] as const) {
    const touched = names.filter((f) => given[f] !== null);
    if (touched.length && !(await s.mayAmendCustomer(ref, rule))) {
      const reason = msg(rule === "ARCHIVE" ? "importArchiveNeedsGrant" : "importCustomerNotEntitled");
      for (const f of touched) problems.add(row.line, columns[f]!, reason);
      return false;
    }
  }
  const after: Partial<Record<keyof Customer, unknown>> = {};
  if (c.name && c.name !== before.name) after.name = c.name;
  if (c.phone && c.phone !== before.phone) after.phone = c.phone;
  if (c.idNumber && c.idNumber !== before.idNumber) after.idNumber = c.idNumber;
  if (c.plates && c.plates.join(";") !== before.plates.join(";")) after.plates = c.plates;
  if (c.kind && c.kind !== before.kind) after.kind = c.kind;
  const fields = Object.keys(after);
  if (fields.length === 0) return false;
  const version = before.version + 1;
  w.customerUpdates.push({ id: before.id, ...after, version, updatedAt: s.now });
  if (after.kind && h.memberId) w.memberUpdates.push({ id: h.memberId, kind: after.kind, updatedAt: s.now });
  const pick = (o: Record<string, unknown>) => Object.fromEntries(fields.map((f) => [f, o[f] ?? null]));
  w.revisions.push({
    id: newId(),
    organizationId: s.organizationId,
    recordType: "CUSTOMER",
    recordId: before.id,
    recordVersion: version,
    fields,
    before: pick(before),
    after: pick(after),
    reason: `导入 ${s.fileName} (line ${row.line})`,
    changedById: s.actorId,
    changedAt: s.now,
  });
  return true;
}

/** Existing households by code (null: outside the importer's estates), with their primary customer. */
async function loadHouseholds(s: ImportSession, codes: string[]): Promise<Map<string, Household | null>> {
  const out = new Map<string, Household | null>();
  for (const part of chunks(codes)) {
    const found = await s.db.household.findMany({
      where: { organizationId: s.organizationId, code: { in: part } },
      select: {
        id: true,
        code: true,
        estateId: true,
        buildingId: true,
        room: true,
        occupied: true,
        version: true,
        building: { select: { name: true } },
        unit: { select: { name: true } },
        members: {
          where: { isPrimary: true },
          orderBy: { createdAt: "asc" },
          take: 1,
          select: {
            id: true,
            kind: true,
            customer: {
              select: {
                id: true,
                kind: true,
                name: true,
                phone: true,
                idNumber: true,
                plates: true,
                classification: true,
                version: true,
                households: { select: { household: { select: { estateId: true } } } },
              },
            },
          },
        },
      },
    });
    for (const h of found) {
      if (!inScope(s, h.estateId)) {
        out.set(h.code, null);
        continue;
      }
      const m = h.members[0];
      const customer = m ? { ...m.customer, estateIds: [...new Set(m.customer.households.map((x) => x.household.estateId))] } : null;
      out.set(h.code, {
        id: h.id,
        estateId: h.estateId,
        buildingId: h.buildingId,
        building: h.building.name,
        unit: h.unit?.name ?? null,
        room: h.room,
        occupied: h.occupied,
        version: h.version,
        customer,
        memberId: m?.id ?? null,
        memberKind: m?.kind ?? null,
      });
    }
  }
  return out;
}
