import type { Row } from "./bulk-insert.ts";
import type { Company } from "./company.ts";
import type { SeedContext } from "./context.ts";

/** The staff rows of the whole company, written at the end (after the estates they are scoped to). */
export class StaffRoster {
  readonly rows: Row[] = [];

  constructor(
    private readonly ctx: SeedContext,
    private readonly passwordHash: string,
  ) {}

  /** A human account signing in with the demo password; returns its id. */
  add(login: string, displayName: string, role: string, clearance: string, departmentId: string | null, allEstates: boolean): string {
    const { rng, organizationId } = this.ctx;
    const createdAt = this.ctx.start;
    const id = rng.uuid();
    this.rows.push({
      id,
      organizationId,
      login,
      displayName,
      kind: "HUMAN",
      role,
      clearance,
      departmentId,
      allEstates,
      passwordHash: this.passwordHash,
      passwordChangedAt: createdAt,
      createdAt,
    });
    return id;
  }

  /** An account that signs in only with API tokens. */
  addServiceAccount(login: string, displayName: string, role: string, clearance: string) {
    const { rng, organizationId } = this.ctx;
    this.rows.push({
      id: rng.uuid(),
      organizationId,
      login,
      displayName,
      kind: "SERVICE_ACCOUNT",
      role,
      clearance,
      allEstates: true,
      createdAt: this.ctx.start,
    });
  }
}

/** Company-level staff: every role of SPEC §2 has demo accounts. */
export function addCompanyStaff(roster: StaffRoster, departments: Company["departments"]): Company["staff"] {
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
