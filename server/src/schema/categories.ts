import { builder } from "../builder.ts";
import { DepartmentKindEnum } from "./enums.ts";
import { inOrganization, organizationNode } from "./tenant.ts";

builder.prismaNode("Category", {
  ...organizationNode,
  authScopes: { authenticated: true },
  description: "CLS-4: the two-level category tree",
  fields: (t) => ({
    code: t.exposeString("code"),
    name: t.exposeString("name"),
    level: t.exposeInt("level"),
    active: t.exposeBoolean("active"),
    parent: t.relation("parent", { nullable: true }),
    children: t.relation("children", { query: { orderBy: { sortOrder: "asc" } } }),
  }),
});

builder.prismaNode("Department", {
  ...organizationNode,
  authScopes: { authenticated: true },
  fields: (t) => ({
    code: t.exposeString("code"),
    name: t.exposeString("name"),
    kind: t.expose("kind", { type: DepartmentKindEnum }),
  }),
});

builder.queryField("categories", (t) =>
  t.prismaField({
    type: ["Category"],
    description: "The first level of the category tree; children hang below",
    authScopes: { authenticated: true },
    resolve: (query, _root, _args, ctx) =>
      ctx.prisma.category.findMany({ ...query, where: { ...inOrganization(ctx), parentId: null }, orderBy: { sortOrder: "asc" } }),
  }),
);

builder.queryField("departments", (t) =>
  t.prismaField({
    type: ["Department"],
    authScopes: { authenticated: true },
    resolve: (query, _root, _args, ctx) => ctx.prisma.department.findMany({ ...query, where: inOrganization(ctx), orderBy: { code: "asc" } }),
  }),
);
