import { demoPasswordHash } from "./access.ts";
import type { SeedContext } from "./context.ts";
import { seedEstates } from "./estates.ts";
import { calendarDays, DEMO_ORGANIZATION_CODE, STANDARD_CALENDAR_NAME, STANDARD_WORKING_SLOTS } from "../company-defaults.ts";
import { seedPolicies } from "./policies.ts";
import { addCompanyStaff, StaffRoster } from "./staff.ts";
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
  await writer.insert("organizations", [
    { id: organizationId, code: DEMO_ORGANIZATION_CODE, name: "华庭物业管理有限公司", timezone: "Asia/Shanghai", createdAt },
  ]);

  const calendarId = rng.uuid();
  await writer.insert("working_calendars", [
    { id: calendarId, organizationId, name: STANDARD_CALENDAR_NAME, timezone: "Asia/Shanghai", isDefault: true, createdAt },
  ]);
  // The standard working week shipped to every organisation (company-defaults.ts, SLA working clock).
  const slots = STANDARD_WORKING_SLOTS.map((s) => ({ id: rng.uuid(), organizationId, calendarId, ...s, createdAt }));
  await writer.insert("working_time_slots", slots);
  await writer.insert(
    "calendar_days",
    calendarDays().map((d) => ({ id: rng.uuid(), organizationId, calendarId, date: d.date, kind: d.kind, name: d.name, createdAt })),
  );
  return calendarId;
}

async function seedDepartments(ctx: SeedContext): Promise<Company["departments"]> {
  const { rng, organizationId } = ctx;
  const createdAt = ctx.start;
  const departments = {
    service: rng.uuid(),
    engineering: rng.uuid(),
    security: rng.uuid(),
    environment: rng.uuid(),
    finance: rng.uuid(),
    legal: rng.uuid(),
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
    categoryRows.push({
      id: topId,
      organizationId,
      parentId: null,
      code: top.code,
      name: top.name,
      level: 1,
      sortOrder: order++,
      createdAt,
    });
    for (const child of top.children) {
      const id = rng.uuid();
      categoryRows.push({
        id,
        organizationId,
        parentId: topId,
        code: child.code,
        name: child.name,
        level: 2,
        sortOrder: order++,
        createdAt,
      });
      categories.push({ id, code: child.code, name: `${top.name}/${child.name}`, kind: child.kind, parentCode: top.code });
    }
  }
  await ctx.writer.insert("categories", categoryRows);
  return categories;
}
