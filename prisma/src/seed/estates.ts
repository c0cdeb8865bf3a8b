import type { Row } from "./bulk-insert.ts";
import type { EstateInfo } from "./company.ts";
import { addMonths, localDate, monthsBetween, shanghai, type SeedContext } from "./context.ts";
import { customerProfile } from "./people.ts";
import type { StaffRoster } from "./staff.ts";

/** Estate archetypes: one set is about 2,000 households; the scale factor repeats or shrinks it. */
const archetypes = [
  {
    code: "LX",
    name: "丽轩花园",
    kind: "RESIDENTIAL",
    buildings: 14,
    units: 2,
    floors: 20,
    perFloor: 2,
    occupied: 0.9,
    delivered: "2016-09-01",
  },
  {
    code: "JH",
    name: "金汇广场",
    kind: "COMMERCIAL",
    buildings: 2,
    units: 1,
    floors: 5,
    perFloor: 26,
    occupied: 0.88,
    delivered: "2019-05-01",
  },
  { code: "KC", name: "科创园", kind: "OFFICE", buildings: 4, units: 1, floors: 12, perFloor: 5, occupied: 0.85, delivered: "2020-03-01" },
  { code: "CH", name: "翠湖山庄", kind: "VILLA", buildings: 20, units: 1, floors: 1, perFloor: 20, occupied: 0.8, delivered: "2023-06-30" },
] as const;

const setNames = ["", "二期", "三期", "四期", "五期", "六期", "七期", "八期"];

/**
 * The estates, buildings, households and owners generated so far are written whenever this many
 * households have piled up, instead of all at the end: at benchmark scale (400,000 households)
 * holding them all took about a gigabyte of heap. Same rows in the same order either way.
 */
const FLUSH_HOUSEHOLDS = 20_000;

type Archetype = (typeof archetypes)[number];

/**
 * The rows of the estates generated so far, written in the order of the foreign keys whenever
 * FLUSH_HOUSEHOLDS households have piled up; the staff estate scopes are kept to the end.
 */
class EstateRows {
  readonly offices: Row[] = [];
  readonly officeDepartments: Row[] = [];
  readonly buildings: Row[] = [];
  readonly units: Row[] = [];
  readonly households: Row[] = [];
  readonly customers: Row[] = [];
  readonly members: Row[] = [];
  readonly scopes: Row[] = [];
  private estatesWritten = 0;

  constructor(
    private readonly ctx: SeedContext,
    private readonly calendarId: string,
  ) {}

  async flush(estates: EstateInfo[]) {
    const { writer, organizationId } = this.ctx;
    const createdAt = this.ctx.start;
    await writer.insert(
      "estates",
      estates.slice(this.estatesWritten).map((e) => ({
        id: e.id,
        organizationId,
        code: e.code,
        name: e.name,
        kind: e.kind,
        timezone: "Asia/Shanghai",
        calendarId: this.calendarId,
        address: `上海市浦东新区${e.name}`,
        createdAt,
      })),
    );
    this.estatesWritten = estates.length;
    const pending: [string, Row[]][] = [
      ["offices", this.offices],
      ["departments", this.officeDepartments],
      ["buildings", this.buildings],
      ["units", this.units],
      ["households", this.households],
      ["customers", this.customers],
      ["household_members", this.members],
    ];
    for (const [table, rows] of pending) {
      await writer.insert(table, rows);
      rows.length = 0;
    }
  }
}

/** Where an estate's archetype is placed: its set, and the calendar shift and size of the demo. */
interface EstatePlacement {
  set: number;
  /** Months from 2024-01-01 to the start of the history. */
  shift: number;
  /** Share of the archetype's buildings generated (scales below 1). */
  shrink: number;
}

/** The archetypes repeated `scale` times (shrunk below 1): estates, offices, buildings, households, owners, office staff. */
export async function seedEstates(
  ctx: SeedContext,
  scale: number,
  calendarId: string,
  roster: StaffRoster,
): Promise<{ estates: EstateInfo[]; scopeRows: Row[] }> {
  const estates: EstateInfo[] = [];
  const sets = Math.max(1, Math.round(scale));
  const shift = monthsBetween("2024-01-01", localDate(ctx.start));
  const shrink = Math.min(1, scale);
  const rows = new EstateRows(ctx, calendarId);
  for (let set = 0; set < sets; set++) {
    for (const a of archetypes) {
      const info = addEstate(ctx, rows, estates, a, { set, shift, shrink });
      addEstateStaff(ctx, roster, rows, info);
      if (rows.households.length >= FLUSH_HOUSEHOLDS) await rows.flush(estates);
    }
  }
  await rows.flush(estates);
  return { estates, scopeRows: rows.scopes };
}

/** One estate of archetype `a` with its office, buildings and households; appended to `estates`. */
function addEstate(ctx: SeedContext, rows: EstateRows, estates: EstateInfo[], a: Archetype, placement: EstatePlacement): EstateInfo {
  const { rng, organizationId } = ctx;
  const createdAt = ctx.start;
  const { set, shift, shrink } = placement;
  const suffix = set === 0 ? "" : String(set + 1);
  const code = `${a.code}${suffix}`;
  const name = a.name + (setNames[set] ?? `${set + 1}期`);
  // Delivered as long before the history starts as the archetype was before 2024-01-01.
  const delivered = addMonths(a.delivered, shift);
  const estateId = rng.uuid();
  const officeId = rng.uuid();
  const officeDepartmentId = rng.uuid();
  const info: EstateInfo = {
    id: estateId,
    code,
    name,
    kind: a.kind,
    officeId,
    officeDepartmentId,
    deliveredAt: shanghai(delivered),
    households: [],
    buildingIds: [],
    staff: { frontDesk: [], assistants: [], director: "" },
  };
  estates.push(info);
  const address = `上海市浦东新区${name}`;
  rows.offices.push({
    id: officeId,
    organizationId,
    estateId,
    code: `${code}-OFFICE`,
    name: `${name}管理处`,
    phone: "021-5888" + String(estates.length).padStart(4, "0"),
    address,
    createdAt,
  });
  rows.officeDepartments.push({
    id: officeDepartmentId,
    organizationId,
    code: `${code}-OFFICE`,
    name: `${name}管理处`,
    kind: "OFFICE",
    officeId,
    createdAt,
  });
  const buildings = Math.max(1, Math.round(a.buildings * shrink));
  for (let b = 1; b <= buildings; b++) addBuilding(ctx, rows, info, a, { address, delivered, b });
  return info;
}

/** Building `b` of an estate with its units and households. */
function addBuilding(
  ctx: SeedContext,
  rows: EstateRows,
  info: EstateInfo,
  a: Archetype,
  at: { address: string; delivered: string; b: number },
) {
  const { rng, organizationId } = ctx;
  const createdAt = ctx.start;
  const { b } = at;
  const buildingId = rng.uuid();
  info.buildingIds.push(buildingId);
  rows.buildings.push({
    id: buildingId,
    organizationId,
    estateId: info.id,
    name: a.kind === "VILLA" ? `${b}区` : `${b}栋`,
    sortOrder: b,
    createdAt,
  });
  for (let u = 1; u <= a.units; u++) {
    const unitId = rng.uuid();
    rows.units.push({ id: unitId, organizationId, buildingId, name: `${u}单元`, sortOrder: u, createdAt });
    for (let f = 1; f <= a.floors; f++) {
      for (let r = 1; r <= a.perFloor; r++) {
        const room = a.kind === "VILLA" ? String(r).padStart(2, "0") : `${f}${String(r).padStart(2, "0")}`;
        addHousehold(ctx, rows, info, a, { ...at, buildingId, unitId, u, room });
      }
    }
  }
}

interface HouseholdPlace {
  address: string;
  delivered: string;
  b: number;
  buildingId: string;
  unitId: string;
  u: number;
  room: string;
}

/** A household with its owner and, for some occupied flats, a tenant. */
function addHousehold(ctx: SeedContext, rows: EstateRows, info: EstateInfo, a: Archetype, p: HouseholdPlace) {
  const { rng, organizationId } = ctx;
  const createdAt = ctx.start;
  const { address, delivered, b, buildingId, unitId, u, room } = p;
  const hcode = `${info.code}-${b}-${u}-${room}`;
  const hid = rng.uuid();
  const occupied = rng.chance(a.occupied);
  const customerId = rng.uuid();
  const profile = customerProfile(rng, `${address}${b}栋${u}单元${room}室`);
  rows.households.push({
    id: hid,
    organizationId,
    code: hcode,
    estateId: info.id,
    buildingId,
    unitId,
    room,
    kind: a.kind === "COMMERCIAL" ? "COMMERCIAL" : a.kind === "OFFICE" ? "OFFICE" : "RESIDENTIAL",
    occupied,
    area: a.kind === "VILLA" ? rng.int(220, 420) : rng.int(60, 160),
    moveInDate: delivered,
    createdAt,
  });
  rows.customers.push({ id: customerId, organizationId, kind: "OWNER", ...profile, classification: "SECRET", createdAt });
  rows.members.push({
    id: rng.uuid(),
    organizationId,
    householdId: hid,
    customerId,
    kind: "OWNER",
    isPrimary: true,
    since: delivered,
    createdAt,
  });
  if (occupied && a.kind !== "VILLA" && rng.chance(0.25)) {
    const tenantId = rng.uuid();
    rows.customers.push({
      id: tenantId,
      organizationId,
      kind: "TENANT",
      ...customerProfile(rng, `${address}${b}栋${u}单元${room}室`),
      classification: "SECRET",
      createdAt,
    });
    rows.members.push({
      id: rng.uuid(),
      organizationId,
      householdId: hid,
      customerId: tenantId,
      kind: "TENANT",
      isPrimary: false,
      since: localDate(ctx.start),
      createdAt,
    });
  }
  info.households.push({
    id: hid,
    code: hcode,
    buildingId,
    room,
    occupied,
    customerId,
    customerName: profile.name,
    phone: profile.phone,
    troubled: rng.chance(0.03),
  });
}

/** The office's front desk, property assistants and director, scoped to their estate. */
function addEstateStaff(ctx: SeedContext, roster: StaffRoster, rows: EstateRows, info: EstateInfo) {
  const { rng, organizationId } = ctx;
  const { code, name } = info;
  const estateStaff = (login: string, displayName: string, role: string, clearance: string) => {
    const id = roster.add(login, displayName, role, clearance, info.officeDepartmentId, false);
    rows.scopes.push({ id: rng.uuid(), organizationId, staffId: id, estateId: info.id, createdAt: ctx.start });
    return id;
  };
  const l = code.toLowerCase();
  info.staff.frontDesk.push(estateStaff(`frontdesk.${l}`, `${name}前台`, "FRONT_DESK", "SECRET"));
  info.staff.assistants.push(estateStaff(`assistant.${l}`, `${name}物业助理`, "PROPERTY_ASSISTANT", "SECRET"));
  info.staff.assistants.push(estateStaff(`assistant2.${l}`, `${name}物业助理二`, "PROPERTY_ASSISTANT", "SECRET"));
  info.staff.director = estateStaff(`director.${l}`, `${name}管理处主任`, "OFFICE_DIRECTOR", "CONFIDENTIAL");
}
