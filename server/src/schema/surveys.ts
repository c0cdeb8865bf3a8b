import { builder } from "../builder.ts";
import { SurveyCampaignKindEnum, SurveyCampaignStatusEnum } from "./enums.ts";
import { inOrganization, organizationNode } from "./tenant.ts";

builder.prismaNode("SurveyCampaign", {
  ...organizationNode,
  authScopes: { authenticated: true },
  description: "SUR-1: a satisfaction survey campaign",
  fields: (t) => ({
    code: t.exposeString("code"),
    name: t.exposeString("name"),
    kind: t.expose("kind", { type: SurveyCampaignKindEnum }),
    status: t.expose("status", { type: SurveyCampaignStatusEnum }),
    startsAt: t.expose("startsAt", { type: "DateTime" }),
    endsAt: t.expose("endsAt", { type: "DateTime", nullable: true }),
    handouts: t.relationCount("handouts", { description: "Questionnaires handed out" }),
    returned: t.relationCount("handouts", { where: { returnedAt: { not: null } }, description: "Questionnaires returned (SUR-3)" }),
  }),
});

builder.queryField("surveyCampaigns", (t) =>
  t.prismaConnection({
    type: "SurveyCampaign",
    cursor: "id",
    authScopes: { authenticated: true },
    resolve: (query, _root, _args, ctx) =>
      ctx.prisma.surveyCampaign.findMany({ ...query, where: inOrganization(ctx), orderBy: [{ startsAt: "desc" }, { id: "asc" }] }),
  }),
);
