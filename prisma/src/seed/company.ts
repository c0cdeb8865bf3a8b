import { demoPasswordHash } from "./access.ts";
import { addMonths, localDate, monthsBetween, shanghai, type SeedContext } from "./context.ts";
import type { Row } from "./bulk-insert.ts";
import { calendarDays } from "./holidays.ts";
import { customerProfile } from "./people.ts";
import { categoryTree } from "./vocabulary.ts";

export interface EstateInfo {
  id: string;
  code: string;
  name: string;
  kind: "RESIDENTIAL" | "COMMERCIAL" | "OFFICE" | "VILLA";
  officeId: string;
  officeDepartmentId: string;
  deliveredAt: Date;
  households: HouseholdInfo[];
  buildingIds: string[];
  staff: { frontDesk: string[]; assistants: string[]; director: string };
}

export interface HouseholdInfo {
  id: string;
  code: string;
  buildingId: string;
  room: string;
  occupied: boolean;
  customerId: string;
  customerName: string;
  phone: string;
  /** Recurring trouble (REC-2): this household reports the same problem again and again. */
  troubled: boolean;
}

export interface Company {
  estates: EstateInfo[];
  categories: { id: string; code: string; name: string; kind: string; parentCode: string }[];
  departments: Record<"service" | "engineering" | "security" | "environment" | "finance" | "legal", string>;
  staff: Record<"serviceReps" | "deptHeads" | "managers" | "analysts", string[]>;
}

/** Estate archetypes: one set is about 2,000 households; the scale factor repeats or shrinks it. */
const archetypes = [
  { code: "LX", name: "丽轩花园", kind: "RESIDENTIAL", buildings: 14, units: 2, floors: 20, perFloor: 2, occupied: 0.9, delivered: "2016-09-01" },
  { code: "JH", name: "金汇广场", kind: "COMMERCIAL", buildings: 2, units: 1, floors: 5, perFloor: 26, occupied: 0.88, delivered: "2019-05-01" },
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

export async function seedCompany(ctx: SeedContext, scale: number): Promise<Company> {
  const calendarId = await seedOrganization(ctx);
  const departments = await seedDepartments(ctx);
  const categories = await seedCategories(ctx);
  const roster = new StaffRoster(ctx, await demoPasswordHash(ctx));
  const staff = addCompanyStaff(roster, departments);
  const { estates, scopeRows } = await seedEstates(ctx, scale, calendarId, roster);
  await ctx.writer.insert("staff", roster.rows);
  await ctx.writer.insert("staff_estate_scopes", scopeRows);
  await seedPolicies(ctx, estates);
  return { estates, categories, departments, staff };
}

/** The organisation and its standard working calendar (SLA working clock); returns the calendar's id. */
async function seedOrganization(ctx: SeedContext): Promise<string> {
  const { rng, writer, organizationId } = ctx;
  const createdAt = ctx.start;
  await writer.insert("organizations", [{ id: organizationId, code: "HUATING", name: "华庭物业管理有限公司", timezone: "Asia/Shanghai", createdAt }]);

  const calendarId = rng.uuid();
  await writer.insert("working_calendars", [{ id: calendarId, organizationId, name: "公司标准工作日历", timezone: "Asia/Shanghai", isDefault: true, createdAt }]);
  const slots = [];
  for (let weekday = 1; weekday <= 5; weekday++) {
    // Morning and afternoon with the lunch break between (SLA working clock).
    slots.push({ id: rng.uuid(), organizationId, calendarId, weekday, startMinute: 8 * 60 + 30, endMinute: 12 * 60, createdAt });
    slots.push({ id: rng.uuid(), organizationId, calendarId, weekday, startMinute: 13 * 60 + 30, endMinute: 17 * 60 + 30, createdAt });
  }
  await writer.insert("working_time_slots", slots);
  await writer.insert("calendar_days", calendarDays().map((d) => ({ id: rng.uuid(), organizationId, calendarId, date: d.date, kind: d.kind, name: d.name, createdAt })));
  return calendarId;
}

async function seedDepartments(ctx: SeedContext): Promise<Company["departments"]> {
  const { rng, organizationId } = ctx;
  const createdAt = ctx.start;
  const departments = {
    service: rng.uuid(), engineering: rng.uuid(), security: rng.uuid(), environment: rng.uuid(), finance: rng.uuid(), legal: rng.uuid(),
  };
  const deptRows = [
    { id: departments.service, code: "SC", name: "客户服务中心", kind: "SERVICE_CENTRE" },
    { id: departments.engineering, code: "ENG", name: "工程部", kind: "ENGINEERING" },
    { id: departments.security, code: "SEC", name: "安全部", kind: "SECURITY" },
    { id: departments.environment, code: "ENV", name: "环境部", kind: "CLEANING" },
    { id: departments.finance, code: "FIN", name: "财务部", kind: "FINANCE" },
    { id: departments.legal, code: "LEG", name: "法务部", kind: "LEGAL" },
  ].map((d) => ({ ...d, organizationId, createdAt }));
  await ctx.writer.insert("departments", deptRows);
  return departments;
}

/** The two-level complaint category tree of vocabulary.ts; returns the leaf categories. */
async function seedCategories(ctx: SeedContext): Promise<Company["categories"]> {
  const { rng, organizationId } = ctx;
  const createdAt = ctx.start;
  const categories: Company["categories"] = [];
  const categoryRows = [];
  let order = 0;
  for (const top of categoryTree) {
    const topId = rng.uuid();
    categoryRows.push({ id: topId, organizationId, parentId: null, code: top.code, name: top.name, level: 1, sortOrder: order++, createdAt });
    for (const child of top.children) {
      const id = rng.uuid();
      categoryRows.push({ id, organizationId, parentId: topId, code: child.code, name: child.name, level: 2, sortOrder: order++, createdAt });
      categories.push({ id, code: child.code, name: `${top.name}/${child.name}`, kind: child.kind, parentCode: top.code });
    }
  }
  await ctx.writer.insert("categories", categoryRows);
  return categories;
}

/** The staff rows of the whole company, written at the end (after the estates they are scoped to). */
class StaffRoster {
  readonly rows: Row[] = [];

  constructor(private readonly ctx: SeedContext, private readonly passwordHash: string) {}

  /** A human account signing in with the demo password; returns its id. */
  add(login: string, displayName: string, role: string, clearance: string, departmentId: string | null, allEstates: boolean): string {
    const { rng, organizationId } = this.ctx;
    const createdAt = this.ctx.start;
    const id = rng.uuid();
    this.rows.push({ id, organizationId, login, displayName, kind: "HUMAN", role, clearance, departmentId, allEstates, passwordHash: this.passwordHash, passwordChangedAt: createdAt, createdAt });
    return id;
  }

  /** An account that signs in only with API tokens. */
  addServiceAccount(login: string, displayName: string, role: string, clearance: string) {
    const { rng, organizationId } = this.ctx;
    this.rows.push({ id: rng.uuid(), organizationId, login, displayName, kind: "SERVICE_ACCOUNT", role, clearance, allEstates: true, createdAt: this.ctx.start });
  }
}

/** Company-level staff: every role of SPEC §2 has demo accounts. */
function addCompanyStaff(roster: StaffRoster, departments: Company["departments"]): Company["staff"] {
  const addStaff = roster.add.bind(roster);
  const staff: Company["staff"] = { serviceReps: [], deptHeads: [], managers: [], analysts: [] };
  staff.serviceReps.push(addStaff("service1", "客服代表 周敏", "SERVICE_REP", "SECRET", departments.service, true));
  staff.serviceReps.push(addStaff("service2", "客服代表 林静", "SERVICE_REP", "SECRET", departments.service, true));
  staff.deptHeads.push(addStaff("eng.head", "工程部经理 陈强", "DEPARTMENT_HEAD", "CONFIDENTIAL", departments.engineering, true));
  staff.deptHeads.push(addStaff("sec.head", "安全部经理 马军", "DEPARTMENT_HEAD", "CONFIDENTIAL", departments.security, true));
  staff.deptHeads.push(addStaff("env.head", "环境部经理 何丽", "DEPARTMENT_HEAD", "CONFIDENTIAL", departments.environment, true));
  staff.deptHeads.push(addStaff("sc.head", "客服中心主管 许娜", "DEPARTMENT_HEAD", "CONFIDENTIAL", departments.service, true));
  staff.analysts.push(addStaff("analyst", "数据分析员 宋洋", "ANALYST", "INTERNAL", departments.service, true));
  staff.managers.push(addStaff("manager", "公司经理 郑建华", "COMPANY_MANAGER", "CONFIDENTIAL", null, true));
  staff.managers.push(addStaff("mgmtrep", "管理者代表 梁志强", "MANAGEMENT_REP", "CONFIDENTIAL", null, true));
  addStaff("exec", "总经理 唐海燕", "EXECUTIVE", "TOP_SECRET", null, true);
  addStaff("developer", "开发商联络人 韩涛", "DEVELOPER_LIAISON", "INTERNAL", null, true);
  // The auditor reads the access log, not the cases it is about (SEC-2: no need to know).
  addStaff("auditor", "审计员 曹静", "AUDITOR", "INTERNAL", null, true);
  addStaff("admin", "系统管理员", "ADMIN", "INTERNAL", null, true);
  // §2: an external reporting tool acts as a service account; it signs in only with API tokens.
  roster.addServiceAccount("bi.tool", "报表系统（服务账号）", "ANALYST", "INTERNAL");
  return staff;
}

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

  constructor(private readonly ctx: SeedContext, private readonly calendarId: string) {}

  async flush(estates: EstateInfo[]) {
    const { writer, organizationId } = this.ctx;
    const createdAt = this.ctx.start;
    await writer.insert("estates", estates.slice(this.estatesWritten).map((e) => ({
      id: e.id, organizationId, code: e.code, name: e.name, kind: e.kind, timezone: "Asia/Shanghai", calendarId: this.calendarId, address: `上海市浦东新区${e.name}`, createdAt,
    })));
    this.estatesWritten = estates.length;
    const pending: [string, Row[]][] = [
      ["offices", this.offices], ["departments", this.officeDepartments], ["buildings", this.buildings], ["units", this.units],
      ["households", this.households], ["customers", this.customers], ["household_members", this.members],
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
async function seedEstates(ctx: SeedContext, scale: number, calendarId: string, roster: StaffRoster): Promise<{ estates: EstateInfo[]; scopeRows: Row[] }> {
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
    id: estateId, code, name, kind: a.kind, officeId, officeDepartmentId,
    deliveredAt: shanghai(delivered), households: [], buildingIds: [],
    staff: { frontDesk: [], assistants: [], director: "" },
  };
  estates.push(info);
  const address = `上海市浦东新区${name}`;
  rows.offices.push({ id: officeId, organizationId, estateId, code: `${code}-OFFICE`, name: `${name}管理处`, phone: "021-5888" + String(estates.length).padStart(4, "0"), address, createdAt });
  rows.officeDepartments.push({ id: officeDepartmentId, organizationId, code: `${code}-OFFICE`, name: `${name}管理处`, kind: "OFFICE", officeId, createdAt });
  const buildings = Math.max(1, Math.round(a.buildings * shrink));
  for (let b = 1; b <= buildings; b++) addBuilding(ctx, rows, info, a, { address, delivered, b });
  return info;
}

/** Building `b` of an estate with its units and households. */
function addBuilding(ctx: SeedContext, rows: EstateRows, info: EstateInfo, a: Archetype, at: { address: string; delivered: string; b: number }) {
  const { rng, organizationId } = ctx;
  const createdAt = ctx.start;
  const { b } = at;
  const buildingId = rng.uuid();
  info.buildingIds.push(buildingId);
  rows.buildings.push({ id: buildingId, organizationId, estateId: info.id, name: a.kind === "VILLA" ? `${b}区` : `${b}栋`, sortOrder: b, createdAt });
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
    id: hid, organizationId, code: hcode, estateId: info.id, buildingId, unitId, room,
    kind: a.kind === "COMMERCIAL" ? "COMMERCIAL" : a.kind === "OFFICE" ? "OFFICE" : "RESIDENTIAL",
    occupied, area: a.kind === "VILLA" ? rng.int(220, 420) : rng.int(60, 160), moveInDate: delivered, createdAt,
  });
  rows.customers.push({ id: customerId, organizationId, kind: "OWNER", ...profile, classification: "SECRET", createdAt });
  rows.members.push({ id: rng.uuid(), organizationId, householdId: hid, customerId, kind: "OWNER", isPrimary: true, since: delivered, createdAt });
  if (occupied && a.kind !== "VILLA" && rng.chance(0.25)) {
    const tenantId = rng.uuid();
    rows.customers.push({ id: tenantId, organizationId, kind: "TENANT", ...customerProfile(rng, `${address}${b}栋${u}单元${room}室`), classification: "SECRET", createdAt });
    rows.members.push({ id: rng.uuid(), organizationId, householdId: hid, customerId: tenantId, kind: "TENANT", isPrimary: false, since: localDate(ctx.start), createdAt });
  }
  info.households.push({ id: hid, code: hcode, buildingId, room, occupied, customerId, customerName: profile.name, phone: profile.phone, troubled: rng.chance(0.03) });
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

/**
 * The defaults of SPEC §6-§11 as policy values effective from the start of the demo history,
 * plus changes that show effective dating and per-estate overrides.
 */
async function seedPolicies(ctx: SeedContext, estates: EstateInfo[]) {
  const { rng, organizationId } = ctx;
  const from = localDate(ctx.start);
  // The quality target was raised at the start of the year the company is generated in.
  const year = localDate(ctx.end).slice(0, 4);
  const raised = `${year}-01-01`;
  const p = (key: string, value: number, unit: string, clock: string | null, note: string, estateId: string | null = null, effectiveFrom = from, effectiveTo: string | null = null) =>
    ({ id: rng.uuid(), organizationId, key, estateId, valueNumeric: value, unit, clock, note, effectiveFrom, effectiveTo, createdAt: ctx.start });
  const rows = [
    p("SLA-1.duration", 4, "WORKING_HOURS", "WORKING", "SLA-1 other department to service centre"),
    p("SLA-2.duration", 2, "WORKING_HOURS", "WORKING", "SLA-2 valid complaint to responsible department"),
    p("SLA-3.duration", 8, "WORKING_HOURS", "WORKING", "SLA-3 complaint about an employee"),
    p("SLA-4.duration", 12, "WORKING_HOURS", "WORKING", "SLA-4 complaint about an office or department"),
    p("SLA-5.duration", 8, "WORKING_HOURS", "WORKING", "SLA-5 engineering site survey and plan"),
    p("SLA-7.plan", 6, "WORKING_HOURS", "WORKING", "SLA-7 warranty plan"),
    p("SLA-7.toDeveloper", 4, "WORKING_HOURS", "WORKING", "SLA-7 forward to developer"),
    p("SLA-7.developerAnswer", 8, "HOURS", "WALL", "SLA-7 developer answer, else deemed accepted"),
    p("SLA-8.reach", 15, "MINUTES", "WALL", "SLA-8 reaches the responsible person"),
    p("SLA-8.serviceResolve", 1, "HOURS", "WALL", "SLA-8 service complaint at an office"),
    p("SLA-8.repairAnswer", 6, "HOURS", "WALL", "SLA-8 repair complaint at an office"),
    p("SLA-8.toServiceCentre", 2, "HOURS", "WALL", "SLA-8 beyond the office's means"),
    p("SLA-9.firstReply", 24, "HOURS", "WALL", "SLA-9 first reply"),
    p("SLA-10.callback", 3, "DAYS", "WALL", "SLA-10 callback after confirmation"),
    p("SLA-11.repairCallback", 7, "DAYS", "WALL", "SLA-11 repair callback"),
    p("SLA-12.officeMonthly", 2, "DAY_OF_MONTH", null, "SLA-12 office monthly data"),
    p("SLA-12.companyMonthly", 5, "DAY_OF_MONTH", null, "SLA-12 company summary"),
    p("CB-1.callbackRate", 100, "PERCENT", null, "CB-1 callback rate target"),
    p("CB-3.periodicSample", 35, "PERCENT", null, "CB-3 quarterly periodic sample"),
    p("CB-4.repairCallback", 100, "PERCENT", null, "CB-4 repairs called back"),
    p("CB-4.eventCallback", 10, "PERCENT", null, "CB-4 community events"),
    p("CB-5.phoneShareMax", 50, "PERCENT", null, "CB-5 phone callbacks at most"),
    p("VIS-1.monthlyVisitRate", 10, "PERCENT", null, "VIS-1 monthly visits"),
    p("SUR-2.coverage", 60, "PERCENT", null, "SUR-2 sampled households"),
    p("SUR-3.returnRate", 80, "PERCENT", null, "SUR-3 return rate"),
    p("SUR-4.satisfactionTarget", 90, "PERCENT", null, "SUR-4 quality target", null, from, raised),
    p("SUR-4.satisfactionTarget", 92, "PERCENT", null, `SUR-4 quality target raised for ${year}`, null, raised),
    p("REC-2.windowDays", 90, "DAYS", null, "REC-2 repeat window"),
    p("REC-3.repeatRepairDays", 30, "DAYS", null, "REC-3 same repair twice"),
    p("KPI.validComplaintRateMax", 1, "PERCENT", null, "valid complaints per resident household"),
    p("INT-6.retentionDays", 30, "DAYS", null, "INT-6 hotline recordings kept at least this long"),
  ];
  // Commercial tenants are visited every year in full (VIS-1) and held to a higher target.
  for (const e of estates.filter((x) => x.kind === "COMMERCIAL")) {
    rows.push(p("SUR-4.satisfactionTarget", 95, "PERCENT", null, "SUR-4 commercial estate override", e.id));
  }
  await ctx.writer.insert("policy_values", rows);
}
