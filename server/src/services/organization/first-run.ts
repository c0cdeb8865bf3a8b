import { DEMO_ORGANIZATION_CODE, hashPassword } from "@tingjian/prisma";
import type { Context } from "../../access/context.ts";
import { ledgerOf } from "../../auth/throttle/ledger.ts";
import { RateLimitedError } from "../../errors/access.ts";
import { ForbiddenError } from "../../errors/typed-errors.ts";
import { msg } from "../../i18n/messages.ts";
import { checkNewOrganization, type OrganizationInput, writeOrganizationContents } from "./new-organization.ts";

/** Issue 17: what the app needs to know before anyone has signed in. */
export interface InstallationStatus {
  /** No organisation exists: the app opens the first-run page. */
  setupNeeded: boolean;
  /** Several organisations: sign-in needs the organisation code. */
  organizationCodeRequired: boolean;
  /** The demo company is installed (its accounts are those of the README). */
  demoCompany: boolean;
}

/** Reads the organisations (any request may: their codes are for the sign-in page). */
export async function installationStatus(ctx: Context): Promise<InstallationStatus> {
  const total = await ctx.prisma.organization.count();
  const active = await ctx.prisma.organization.count({ where: { active: true } });
  const demo = await ctx.prisma.organization.count({ where: { code: DEMO_ORGANIZATION_CODE } });
  return { setupNeeded: total === 0, organizationCodeRequired: active > 1, demoCompany: demo > 0 };
}

export interface SetUpOutcome {
  code: string;
  name: string;
  adminLogin: string;
}

/**
 * Issue 17 item 1: the first-run page's setup — the installation's first organisation with its
 * administrator, working calendar and policy defaults, in the request's transaction. Works only
 * while no organisation exists (ForbiddenError after); the organisation row is created by the
 * database function tingjian_create_first_organization, which the request role may call but
 * which refuses once any organisation exists and serialises concurrent calls (migration
 * 20261208023200). Bad input: one InputError naming every bad field, nothing written. The
 * password hash counts against the address's budget, as sign-in's do (RateLimitedError).
 */
export async function setUpFirstOrganization(ctx: Context, input: OrganizationInput): Promise<SetUpOutcome> {
  if ((await ctx.prisma.organization.count()) > 0) throw new ForbiddenError(msg("setupDone"));
  const org = checkNewOrganization(input);
  const budget = ledgerOf(ctx.owner).reserveHash(ctx.client.ip, ctx.now);
  if (!budget.ok) throw new RateLimitedError(budget.retryAfterMs);
  const passwordHash = await hashPassword(org.adminPassword);
  const [row] = await ctx.prisma.$queryRaw<{ id: string | null }[]>`
    SELECT tingjian_create_first_organization(${org.code}, ${org.name}, ${org.timezone}, ${ctx.now}::timestamptz)::text AS id`;
  // Another setup committed while this one waited for the lock.
  if (!row?.id) throw new ForbiddenError(msg("setupDone"));
  // The rest is written as the request role, confined to the new organisation (SPEC §2).
  await ctx.prisma.$queryRaw`SELECT set_config('tingjian.organization_id', ${row.id}, true)`;
  await writeOrganizationContents(ctx.prisma, row.id, org, passwordHash, ctx.now);
  return { code: org.code, name: org.name, adminLogin: org.adminLogin };
}
