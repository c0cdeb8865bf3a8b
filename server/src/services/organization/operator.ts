import { hashPassword } from "@tingjian/prisma";
import type { PrismaClient } from "@tingjian/prisma/client";
import { ForbiddenError } from "../../errors/typed-errors.ts";
import { msg } from "../../i18n/messages.ts";
import { checkNewOrganization, type OrganizationInput, writeOrganizationContents } from "./new-organization.ts";

/**
 * The advisory lock that serialises every creation of an organisation: the API's first-run setup
 * takes it inside tingjian_create_first_organization (migration 20261208023200), the operator here.
 */
const SETUP_LOCK = "tingjian.organization_setup";

export interface OperatorOptions {
  /** Issue 17 item 3: create an organisation next to the existing ones (`pnpm run setup --another`). */
  another: boolean;
  now?: Date;
}

export interface CreatedOrganization {
  organizationId: string;
  code: string;
  name: string;
  adminLogin: string;
}

/**
 * Issue 17 items 1 and 3: the operator's command line creates an organisation with its first
 * administrator, working calendar and policy defaults (new-organization.ts), on the owner
 * connection. The first organisation of an installation, or with `another` one more; without it
 * an installation that has one is refused (ForbiddenError). Bad input: one InputError naming
 * every bad field (a code already in use included), nothing written.
 */
export async function createOrganizationAsOperator(
  prisma: PrismaClient,
  input: OrganizationInput,
  options: OperatorOptions,
): Promise<CreatedOrganization> {
  const now = options.now ?? new Date();
  const existing = await prisma.organization.findMany({ select: { code: true } });
  if (existing.length > 0 && !options.another) throw new ForbiddenError(msg("setupDone"));
  const org = checkNewOrganization(input, new Set(existing.map((o) => o.code)));
  const passwordHash = await hashPassword(org.adminPassword);
  return prisma.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${SETUP_LOCK}))::text`;
      // Checked again under the lock: another setup may have committed since.
      const current = await tx.organization.findMany({ select: { code: true } });
      if (current.length > 0 && !options.another) throw new ForbiddenError(msg("setupDone"));
      checkNewOrganization(input, new Set(current.map((o) => o.code)));
      const created = await tx.organization.create({
        data: { code: org.code, name: org.name, timezone: org.timezone, createdAt: now },
        select: { id: true },
      });
      // The rest as the request role, confined to the new organisation, as an API request would (SPEC §2).
      await tx.$queryRaw`SELECT set_config('role', 'tingjian_app', true), set_config('tingjian.organization_id', ${created.id}, true)`;
      await writeOrganizationContents(tx, created.id, org, passwordHash, now);
      return { organizationId: created.id, code: org.code, name: org.name, adminLogin: org.adminLogin };
    },
    { maxWait: 10_000, timeout: 60_000 },
  );
}
