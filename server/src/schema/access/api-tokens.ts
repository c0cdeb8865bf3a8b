import { nonEmpty } from "../prisma-query.ts";
import { builder } from "../../builder.ts";
import type { Context } from "../../access/context.ts";
import { newSecret, hashSecret } from "../../auth/secrets.ts";
import { ROLE_PERMISSIONS, isPermission } from "../../domain/access/permissions.ts";
import { ForbiddenError, InputError, NotFoundError, requiredText } from "../../errors/typed-errors.ts";
import { STANDARD_ERRORS } from "../errors.ts";
import { inOrganization, scopedNode } from "../../access/read-scope.ts";
import { PermissionEnum } from "./staff.ts";
import { msg } from "../../i18n/messages.ts";

const DAY = 86_400_000;
export const TOKEN_PREFIX = "tj_";

/** Your own tokens; every token of the organisation with tokens:manage. */
const tokenScope = (ctx: Context) => ({ ...inOrganization(ctx), ...(ctx.viewer?.permissions.has("tokens:manage") ? {} : { staffId: ctx.viewer?.staffId ?? "" }) });

builder.prismaNode("ApiToken", {
  ...scopedNode(tokenScope),
  description: "§2: an API token for an external tool; the secret itself is shown once, at creation",
  fields: (t) => ({
    name: t.exposeString("name"),
    prefix: t.exposeString("prefix", { description: "The first characters of the secret, to recognise it" }),
    scopes: t.field({ type: [PermissionEnum], resolve: (k) => k.scopes as never }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    expiresAt: t.expose("expiresAt", { type: "DateTime", nullable: true }),
    revokedAt: t.expose("revokedAt", { type: "DateTime", nullable: true }),
    lastUsedAt: t.expose("lastUsedAt", { type: "DateTime", nullable: true }),
    staff: t.relation("staff", { description: "The account the token acts as" }),
  }),
});

const CreatedToken = builder.objectRef<{ id: string; secret: string }>("CreatedApiToken").implement({
  fields: (t) => ({
    secret: t.exposeString("secret", { description: "Send as `Authorization: Bearer <secret>`. Shown only now; only its hash is kept." }),
    apiToken: t.prismaField({ type: "ApiToken", resolve: (query, c, _a, ctx) => ctx.prisma.apiToken.findUniqueOrThrow({ ...nonEmpty(query), where: { id: c.id } }) }),
  }),
});

const CreateApiTokenInput = builder.inputType("CreateApiTokenInput", {
  fields: (t) => ({
    name: t.string({ required: true }),
    scopes: t.field({ type: [PermissionEnum], required: true, description: "A subset of the owner's permissions" }),
    expiresAt: t.field({ type: "DateTime", required: false, description: "Default 90 days, at most one year" }),
    staffId: t.globalID({ required: false, description: "A service account to issue the token for (needs tokens:manage); default: yourself" }),
  }),
});

builder.mutationField("createApiToken", (t) =>
  t.field({
    type: CreatedToken,
    authScopes: { authenticated: true },
    errors: { types: STANDARD_ERRORS },
    args: { input: t.arg({ type: CreateApiTokenInput, required: true }) },
    resolve: async (_r, { input }, ctx) => {
      const viewer = ctx.viewer!;
      if (viewer.apiTokenId) throw new ForbiddenError("API tokens are created from a signed-in session, not with another token");
      const name = requiredText(input.name, "input.name", 100);
      const ownerId = input.staffId?.id ?? viewer.staffId;
      if (ownerId !== viewer.staffId && !viewer.permissions.has("tokens:manage")) throw new ForbiddenError("Issuing tokens for another account needs tokens:manage");
      const owner = await ctx.prisma.staff.findFirst({ where: { id: ownerId, ...inOrganization(ctx), active: true }, select: { id: true, role: true, kind: true } });
      if (!owner) throw new NotFoundError("Staff");
      if (ownerId !== viewer.staffId && owner.kind !== "SERVICE_ACCOUNT") throw new InputError("input.staffId", "Tokens for other accounts are issued only to service accounts");
      const scopes = input.scopes as string[];
      if (scopes.length === 0) throw new InputError("input.scopes", "Give at least one scope");
      // Issue 15 item 10: nobody obtains through a token a permission their own role lacks. A scope
      // must be held both by the account the token acts as and by the person minting it (an
      // administrator with tokens:manage cannot hand a service account the complaint data that
      // the administrator may not read).
      const excess = scopes.filter((s) => !isPermission(s) || !ROLE_PERMISSIONS[owner.role].includes(s) || !viewer.permissions.has(s));
      if (excess.length) throw new InputError("input.scopes", msg("tokenScopesBeyondRole", { scopes: [...new Set(excess)].join(", ") }));
      const expiresAt = input.expiresAt ?? new Date(ctx.now.getTime() + 90 * DAY);
      if (expiresAt <= ctx.now) throw new InputError("input.expiresAt", "expiresAt must be in the future");
      if (expiresAt.getTime() > ctx.now.getTime() + 366 * DAY) throw new InputError("input.expiresAt", "A token lives at most one year");
      const secret = newSecret(TOKEN_PREFIX);
      const created = await ctx.prisma.apiToken.create({
        data: { organizationId: viewer.organizationId, staffId: owner.id, name, tokenHash: hashSecret(secret), prefix: secret.slice(0, 10), scopes: [...new Set(scopes)], expiresAt, createdById: viewer.staffId },
        select: { id: true },
      });
      return { id: created.id, secret };
    },
  }),
);

builder.mutationField("revokeApiToken", (t) =>
  t.prismaField({
    type: "ApiToken",
    authScopes: { authenticated: true },
    errors: { types: STANDARD_ERRORS },
    args: { id: t.arg.globalID({ required: true }) },
    resolve: async (query, _r, { id }, ctx) => {
      const viewer = ctx.viewer!;
      const token = await ctx.prisma.apiToken.findFirst({ where: { id: id.id, ...inOrganization(ctx) }, select: { id: true, staffId: true, revokedAt: true } });
      if (!token || (token.staffId !== viewer.staffId && !viewer.permissions.has("tokens:manage"))) throw new NotFoundError("API token");
      if (!token.revokedAt) await ctx.prisma.apiToken.update({ where: { id: token.id }, data: { revokedAt: ctx.now } });
      return ctx.prisma.apiToken.findUniqueOrThrow({ ...nonEmpty(query), where: { id: token.id } });
    },
  }),
);

builder.queryField("apiTokens", (t) =>
  t.prismaConnection({
    type: "ApiToken",
    cursor: "id",
    authScopes: { authenticated: true },
    description: "Your own tokens; with tokens:manage, every token of the organisation",
    resolve: (query, _r, _a, ctx) =>
      ctx.prisma.apiToken.findMany({
        ...query,
        where: tokenScope(ctx),
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      }),
  }),
);
