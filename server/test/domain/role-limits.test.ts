import type { StaffRole } from "@tingjian/prisma/client";
import { describe, expect, it } from "vitest";
import { isPermission, type Permission, PERMISSIONS, permissionsOf, ROLE_PERMISSIONS } from "../../src/domain/access/permissions.ts";
import { forbiddenFor, matrixViolations, requiredFor, roleViolations } from "../../src/domain/access/role-limits.ts";

/** Issue 17: the limits of the role permission matrix (SPEC §2, §8), as pure rules. */
describe("role permission limits (issue 17, SPEC §2, §8)", () => {
  const ROLES = Object.keys(ROLE_PERMISSIONS) as StaffRole[];
  const defaults = new Map(ROLES.map((r) => [r, new Set(ROLE_PERMISSIONS[r])]));
  const everything = new Set<Permission>(PERMISSIONS);
  const rules = (vs: { permission: string; rule: string }[]) => vs.map((v) => `${v.permission}:${v.rule}`).sort();

  it("SPEC §2's defaults break no limit, and no role is both required and forbidden a permission", () => {
    for (const role of ROLES) {
      expect(roleViolations(role, new Set(ROLE_PERMISSIONS[role])), role).toEqual([]);
      const forbidden = new Set(forbiddenFor(role).map((f) => f.permission));
      for (const r of requiredFor(role)) expect(forbidden.has(r.permission), `${role} ${r.permission}`).toBe(false);
    }
    expect(
      matrixViolations("ADMIN", defaults.get("ADMIN")!, { matrix: defaults, rolesOfActivePeople: new Set(ROLES), editor: everything }),
    ).toEqual([]);
  });

  it("SEC-2, SEC-3: the executive keeps reading everything, classifying and deciding approvals", () => {
    expect(rules(roleViolations("EXECUTIVE", new Set()))).toEqual([
      "approvals:decide:EXECUTIVE_KNOWS_EVERYTHING",
      "classification:manage:EXECUTIVE_KNOWS_EVERYTHING",
      "complaints:read:EXECUTIVE_KNOWS_EVERYTHING",
      "customers:read:EXECUTIVE_KNOWS_EVERYTHING",
      "personal-data:read:EXECUTIVE_KNOWS_EVERYTHING",
    ]);
  });

  it("the auditor keeps audit:read and is given nothing that acts; the analyst never reads unmasked; the liaison only complaints", () => {
    expect(rules(roleViolations("AUDITOR", everything))).toEqual(
      [
        "accounts:manage",
        "approvals:decide",
        "archives:check",
        "categories:manage",
        "classification:manage",
        "complaints:write",
        "customers:write",
        "government:disclose",
        "places:manage",
        "policies:manage",
        "tokens:manage",
      ]
        .map((p) => `${p}:AUDITOR_READ_ONLY`)
        .sort(),
    );
    expect(rules(roleViolations("AUDITOR", new Set(["complaints:read", "customers:read", "reports:read", "personal-data:read"])))).toEqual([
      "audit:read:AUDITOR_READS_AUDIT",
    ]);
    expect(rules(roleViolations("ANALYST", new Set(["complaints:read", "personal-data:read"])))).toEqual([
      "personal-data:read:ANALYST_MASKED",
    ]);
    const liaison = roleViolations("DEVELOPER_LIAISON", everything);
    expect(new Set(PERMISSIONS.filter((p) => !liaison.some((v) => v.permission === p)))).toEqual(
      new Set(["complaints:read", "complaints:write"]),
    );
  });

  it("SEC-2, SEC-3: classification and approvals only for supervisors; a write needs its read", () => {
    expect(
      rules(roleViolations("FRONT_DESK", new Set(["complaints:write", "customers:write", "classification:manage", "approvals:decide"]))),
    ).toEqual([
      "approvals:decide:SUPERVISORS_ONLY",
      "classification:manage:SUPERVISORS_ONLY",
      "complaints:read:WRITE_NEEDS_READ",
      "customers:read:WRITE_NEEDS_READ",
    ]);
    expect(roleViolations("DEPARTMENT_HEAD", new Set(["complaints:read", "classification:manage", "approvals:decide"]))).toEqual([]);
  });

  it("accounts:manage stays with a role an active person holds; nobody gives what they do not hold", () => {
    const withoutAdmin = new Set([...defaults.get("ADMIN")!].filter((p) => p !== "accounts:manage"));
    const ctx = { matrix: defaults, rolesOfActivePeople: new Set<StaffRole>(["ADMIN", "FRONT_DESK"]), editor: everything };
    // The executive holds it, but no active person is an executive here.
    expect(rules(matrixViolations("ADMIN", withoutAdmin, ctx))).toEqual(["accounts:manage:ACCOUNTS_LOCKOUT"]);
    expect(matrixViolations("ADMIN", withoutAdmin, { ...ctx, rolesOfActivePeople: new Set<StaffRole>(["EXECUTIVE"]) })).toEqual([]);
    const admin = new Set(ROLE_PERMISSIONS.ADMIN);
    const opened = new Set([...admin, "complaints:read", "personal-data:read"] as Permission[]);
    expect(rules(matrixViolations("ADMIN", opened, { ...ctx, editor: admin }))).toEqual([
      "complaints:read:BEYOND_EDITOR",
      "personal-data:read:BEYOND_EDITOR",
    ]);
    // Taking away is not limited by the editor's own permissions.
    expect(matrixViolations("FRONT_DESK", new Set(["complaints:read"]), { ...ctx, editor: admin })).toEqual([]);
  });

  it("a stored set takes effect only within the limits; tokens still intersect with their scopes", () => {
    expect([...permissionsOf("ANALYST", null, ["complaints:read", "personal-data:read", "no:such"])]).toEqual(["complaints:read"]);
    expect(permissionsOf("FRONT_DESK", null, [])).toEqual(new Set());
    expect([...permissionsOf("FRONT_DESK", ["reports:read"], ["complaints:read", "reports:read"])]).toEqual(["reports:read"]);
    expect(permissionsOf("SERVICE_REP", null, null)).toEqual(new Set(ROLE_PERMISSIONS.SERVICE_REP));
    expect(PERMISSIONS.every(isPermission)).toBe(true);
  });
});
