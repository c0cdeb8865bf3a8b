import { nonEmpty } from "../prisma-query.ts";
import { builder } from "../../builder.ts";
import { ApiTokenConnection } from "../connections.ts";
import type { Context } from "../../access/context.ts";
import { STANDARD_ERRORS } from "../errors.ts";
import { inOrganization, scopedNode } from "../../access/read-scope.ts";
import { createApiToken, revokeApiToken } from "../../services/access/api-tokens.ts";
import { PermissionEnum } from "./staff.ts";

/** §2: your own tokens; every token of the organisation with tokens:manage. */
const tokenScope = (ctx: Context) => ({
  ...inOrganization(ctx),
  ...(ctx.viewer?.permissions.has("tokens:manage") ? {} : { staffId: ctx.viewer?.staffId ?? "" }),
});

builder.prismaNode("ApiToken", {
  ...scopedNode(tokenScope),
  description: "§2: an API token for an external tool; the secret itself is shown once, at creation",
  fields: (t) => ({
    name: t.exposeString("name", { description: "What the token is for" }),
    prefix: t.exposeString("prefix", { description: "The first characters of the secret, to recognise it" }),
    scopes: t.field({
      type: [PermissionEnum],
      description: "§2: the permissions it carries (never beyond its account's role)",
      resolve: (k) => k.scopes as never,
    }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When it was issued" }),
    expiresAt: t.expose("expiresAt", { type: "DateTime", nullable: true, description: "When it stops working" }),
    revokedAt: t.expose("revokedAt", { type: "DateTime", nullable: true, description: "When it was revoked" }),
    lastUsedAt: t.expose("lastUsedAt", { type: "DateTime", nullable: true, description: "Its last use" }),
    staff: t.relation("staff", { description: "The account the token acts as" }),
  }),
});

const CreatedToken = builder.objectRef<{ id: string; secret: string }>("CreatedApiToken").implement({
  description: "§2: a new token and its secret, shown this once",
  fields: (t) => ({
    secret: t.exposeString("secret", { description: "Send as `Authorization: Bearer <secret>`. Shown only now; only its hash is kept." }),
    apiToken: t.prismaField({
      type: "ApiToken",
      description: "The token",
      resolve: (query, c, _a, ctx) => ctx.prisma.apiToken.findUniqueOrThrow({ ...nonEmpty(query), where: { id: c.id } }),
    }),
  }),
});

const CreateApiTokenInput = builder.inputType("CreateApiTokenInput", {
  description: "§2: a token for an external tool",
  fields: (t) => ({
    name: t.string({ required: true, description: "What the token is for (at most 100 characters)" }),
    scopes: t.field({ type: [PermissionEnum], required: true, description: "A subset of the owner's permissions (and of yours)" }),
    expiresAt: t.field({ type: "DateTime", required: false, description: "Default 90 days, at most one year" }),
    staffId: t.globalID({
      required: false,
      description: "A service account to issue the token for (needs tokens:manage); default: yourself",
    }),
  }),
});

builder.mutationField("createApiToken", (t) =>
  t.withAuth({ authenticated: true }).field({
    type: CreatedToken,
    description: "§2: issues an API token (from a signed-in session, not with a token); the secret is shown once",
    errors: { types: STANDARD_ERRORS },
    args: { input: t.arg({ type: CreateApiTokenInput, required: true, description: "The token's name, scopes and lifetime" }) },
    resolve: (_r, { input }, ctx) =>
      createApiToken(ctx, {
        name: input.name,
        scopes: input.scopes as string[],
        expiresAt: input.expiresAt ?? null,
        staffId: input.staffId?.id ?? null,
      }),
  }),
);

builder.mutationField("revokeApiToken", (t) =>
  t.withAuth({ authenticated: true }).prismaField({
    type: "ApiToken",
    description: "§2: revokes a token at once (your own; any of the organisation with tokens:manage)",
    errors: { types: STANDARD_ERRORS },
    args: { id: t.arg.globalID({ required: true, description: "The ApiToken" }) },
    resolve: async (query, _r, { id }, ctx) => {
      const tokenId = await revokeApiToken(ctx, id.id);
      return ctx.prisma.apiToken.findUniqueOrThrow({ ...nonEmpty(query), where: { id: tokenId } });
    },
  }),
);

builder.queryField("apiTokens", (t) =>
  t.withAuth({ authenticated: true }).prismaConnection(
    {
      type: "ApiToken",
      cursor: "id",
      description: "Your own tokens; with tokens:manage, every token of the organisation",
      resolve: (query, _r, _a, ctx) =>
        ctx.prisma.apiToken.findMany({ ...query, where: tokenScope(ctx), orderBy: [{ createdAt: "desc" }, { id: "desc" }] }),
    },
    ApiTokenConnection,
  ),
);
