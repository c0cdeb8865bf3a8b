import { calendarDays, DEFAULT_POLICY_VALUES, STANDARD_CALENDAR_NAME, STANDARD_WORKING_SLOTS } from "@tingjian/prisma";
import type { Prisma } from "@tingjian/prisma/client";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordProblem } from "../../domain/access/password-policy.ts";
import {
  DISPLAY_NAME_MAX,
  isIanaTimezone,
  isLogin,
  isOrganizationCode,
  normalizeLogin,
  normalizeOrganizationCode,
  ORGANIZATION_NAME_MAX,
} from "../../domain/organization/setup-rules.ts";
import { InputCheck } from "../../errors/typed-errors.ts";
import { msg, type Msg } from "../../i18n/messages.ts";
import { writeAdminChange } from "../admin/change-log.ts";

/** Issue 17: a new organisation and its first administrator, as typed (page, API or command line). */
export interface OrganizationInput {
  code: string;
  name: string;
  timezone: string;
  adminLogin: string;
  adminName: string;
  adminPassword: string;
}

/** The same, checked and normalised (code in capitals, login in lower case, texts trimmed). */
export type NewOrganization = OrganizationInput;

/**
 * The policy defaults judge the whole past too: complaint history imported after setup (SPEC
 * §13) is measured against the SPEC's defaults, not against nothing.
 */
export const DEFAULTS_EFFECTIVE_FROM = new Date("2000-01-01T00:00:00Z");

const PASSWORD_MESSAGES: Record<NonNullable<ReturnType<typeof passwordProblem>>, (field: string) => Msg> = {
  TOO_SHORT: (field) => msg("setupPasswordTooShort", { field, min: PASSWORD_MIN_LENGTH }),
  TOO_LONG: (field) => msg("setupPasswordTooLong", { field, max: PASSWORD_MAX_LENGTH }),
  TOO_COMMON: (field) => msg("setupPasswordTooCommon", { field }),
  CONTAINS_LOGIN: (field) => msg("setupPasswordContainsLogin", { field }),
};

/**
 * Checks every field at once (InputError naming each bad one, fields `input.code` …) and returns
 * the normalised input. `takenCodes`: the codes of the installation's organisations.
 */
export function checkNewOrganization(input: OrganizationInput, takenCodes: ReadonlySet<string> = new Set()): NewOrganization {
  const check = new InputCheck();
  const code = normalizeOrganizationCode(input.code ?? "");
  if (check.text(code, "input.code", 20)) {
    if (check.that(isOrganizationCode(code), "input.code", msg("setupOrganizationCodeFormat", { field: "input.code" }))) {
      check.that(!takenCodes.has(code), "input.code", msg("setupOrganizationCodeTaken", { field: "input.code" }), "CODE_TAKEN");
    }
  }
  const name = check.text(input.name, "input.name", ORGANIZATION_NAME_MAX);
  const timezone = (input.timezone ?? "").trim();
  if (check.text(timezone, "input.timezone", 64)) {
    check.that(isIanaTimezone(timezone), "input.timezone", msg("setupTimezoneUnknown", { field: "input.timezone" }));
  }
  const adminLogin = normalizeLogin(input.adminLogin ?? "");
  if (check.text(adminLogin, "input.adminLogin", 50)) {
    check.that(isLogin(adminLogin), "input.adminLogin", msg("setupLoginFormat", { field: "input.adminLogin" }));
  }
  const adminName = check.text(input.adminName, "input.adminName", DISPLAY_NAME_MAX);
  const password = input.adminPassword ?? "";
  const problem = passwordProblem(password, adminLogin);
  if (problem) check.add("input.adminPassword", PASSWORD_MESSAGES[problem]("input.adminPassword"), problem);
  check.done();
  return { code, name, timezone, adminLogin, adminName, adminPassword: password };
}

/**
 * Writes what an organisation starts with, in the transaction that created its row (confined to
 * it): the standard working calendar with the statutory holidays shipped (§6), the SPEC's default
 * policy values (§6-§11), the first administrator (ADMIN, every estate) and the administrative
 * change log of both (no signed-in author: changedById null). Returns the administrator's id.
 */
export async function writeOrganizationContents(
  tx: Prisma.TransactionClient,
  organizationId: string,
  org: NewOrganization,
  passwordHash: string,
  at: Date,
): Promise<string> {
  const calendar = await tx.workingCalendar.create({
    data: { organizationId, name: STANDARD_CALENDAR_NAME, timezone: org.timezone, isDefault: true, createdAt: at },
    select: { id: true },
  });
  const calendarId = calendar.id;
  await tx.workingTimeSlot.createMany({ data: STANDARD_WORKING_SLOTS.map((s) => ({ organizationId, calendarId, ...s, createdAt: at })) });
  await tx.calendarDay.createMany({
    data: calendarDays().map((day) => ({
      organizationId,
      calendarId,
      date: new Date(`${day.date}T00:00:00Z`),
      kind: day.kind,
      name: day.name,
      createdAt: at,
    })),
  });
  await tx.policyValue.createMany({
    data: DEFAULT_POLICY_VALUES.map((p) => ({
      organizationId,
      key: p.key,
      estateId: null,
      valueNumeric: p.value,
      unit: p.unit,
      clock: p.clock,
      note: p.note,
      effectiveFrom: DEFAULTS_EFFECTIVE_FROM,
      createdAt: at,
    })),
  });
  const admin = await tx.staff.create({
    data: {
      organizationId,
      login: org.adminLogin,
      displayName: org.adminName,
      kind: "HUMAN",
      role: "ADMIN",
      clearance: "INTERNAL",
      allEstates: true,
      passwordHash,
      passwordChangedAt: at,
      createdAt: at,
    },
    select: { id: true },
  });
  const who = { organizationId, changedById: null, at };
  await writeAdminChange(tx, who, {
    entity: "ORGANIZATION",
    entityId: organizationId,
    action: "CREATE",
    after: { code: org.code, name: org.name, timezone: org.timezone },
  });
  // Never the password or its hash (issue 17): that it was chosen is in passwordChangedAt.
  await writeAdminChange(tx, who, {
    entity: "STAFF",
    entityId: admin.id,
    action: "CREATE",
    after: { login: org.adminLogin, displayName: org.adminName, role: "ADMIN", allEstates: true },
  });
  return admin.id;
}
