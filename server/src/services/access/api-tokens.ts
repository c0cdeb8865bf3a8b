import type { Permission } from "../../domain/access/permissions.ts";
import type { SignedInContext } from "../../access/context.ts";
import { inOrganization } from "../../access/read-scope.ts";
import { hashSecret, newSecret } from "../../auth/secrets.ts";
import { isPermission, permissionEnumName } from "../../domain/access/permissions.ts";
import { permissionsOfRole } from "../admin/roles.ts";
import { ForbiddenError, InputCheck, NotFoundError } from "../../errors/typed-errors.ts";
import { msg } from "../../i18n/messages.ts";

const DAY = 86_400_000;
const TOKEN_PREFIX = "tj_";

export interface CreateApiTokenInput {
  name: string;
  /** Permission names (`complaints:read`); the schema maps its enum values to these. */
  scopes: readonly string[];
  expiresAt: Date | null;
  /** A service account's row id; null for the caller. */
  staffId: string | null;
}

/** §2: issues an API token; returns its id and the secret (shown once, only its hash is kept). */
export async function createApiToken(ctx: SignedInContext, input: CreateApiTokenInput): Promise<{ id: string; secret: string }> {
  const { viewer } = ctx;
  if (viewer.apiTokenId) throw new ForbiddenError(msg("tokenFromToken"));
  const ownerId = input.staffId ?? viewer.staffId;
  if (ownerId !== viewer.staffId && !viewer.permissions.has("tokens:manage")) throw new ForbiddenError(msg("tokenForOtherNeedsManage"));
  const owner = await ctx.prisma.staff.findFirst({
    where: { id: ownerId, ...inOrganization(ctx), active: true },
    select: { id: true, role: true, kind: true },
  });
  if (!owner) throw new NotFoundError("Staff");
  const check = new InputCheck();
  const name = check.text(input.name, "input.name", 100);
  check.that(ownerId === viewer.staffId || owner.kind === "SERVICE_ACCOUNT", "input.staffId", msg("tokenOwnerServiceAccount"));
  // Issue 15 item 10: nobody obtains through a token a permission their own role lacks. A scope
  // must be held both by the account the token acts as and by the person minting it (an
  // administrator with tokens:manage cannot hand a service account the complaint data that
  // the administrator may not read).
  // The owner's role as this organisation has set it (issue 17), not SPEC §2's default.
  const ownerHolds = await permissionsOfRole(ctx, owner.role);
  const excess = input.scopes.filter((s) => !isPermission(s) || !ownerHolds.includes(s) || !viewer.permissions.has(s));
  if (check.that(input.scopes.length > 0, "input.scopes", msg("tokenScopesRequired"))) {
    check.that(
      !excess.length,
      "input.scopes",
      msg("tokenScopesBeyondRole", { scopes: [...new Set(excess)].map((p) => permissionEnumName(p as Permission)).join(", ") }),
    );
  }
  const expiresAt = input.expiresAt ?? new Date(ctx.now.getTime() + 90 * DAY);
  if (check.that(expiresAt > ctx.now, "input.expiresAt", msg("expiresAtInFuture"))) {
    check.that(expiresAt.getTime() <= ctx.now.getTime() + 366 * DAY, "input.expiresAt", msg("tokenLifetime"));
  }
  check.done();
  const secret = newSecret(TOKEN_PREFIX);
  const created = await ctx.prisma.apiToken.create({
    data: {
      organizationId: viewer.organizationId,
      staffId: owner.id,
      name,
      tokenHash: hashSecret(secret),
      prefix: secret.slice(0, 10),
      scopes: [...new Set(input.scopes as Permission[])],
      expiresAt,
      createdById: viewer.staffId,
    },
    select: { id: true },
  });
  return { id: created.id, secret };
}

/** §2: revokes a token (your own; any of the organisation with tokens:manage). Returns its id. */
export async function revokeApiToken(ctx: SignedInContext, tokenId: string): Promise<string> {
  const { viewer } = ctx;
  const token = await ctx.prisma.apiToken.findFirst({
    where: { id: tokenId, ...inOrganization(ctx) },
    select: { id: true, staffId: true, revokedAt: true },
  });
  if (!token || (token.staffId !== viewer.staffId && !viewer.permissions.has("tokens:manage"))) throw new NotFoundError("API token");
  if (!token.revokedAt) await ctx.prisma.apiToken.update({ where: { id: token.id }, data: { revokedAt: ctx.now } });
  return token.id;
}
