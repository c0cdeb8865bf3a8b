import type { PrismaClient } from "@tingjian/prisma/client";

/**
 * The one request context. Everything a resolver may rely on is computed once per request
 * here; the schema reads it, never the raw HTTP request.
 */
export interface Context {
  prisma: PrismaClient;
  /**
   * The organisation every query of this request is confined to (SPEC §2: no query ever
   * crosses organisations). Until authentication lands it is the installation's single
   * organisation; afterwards it is the signed-in account's.
   */
  organizationId: string | null;
}

export interface AppServices {
  prisma: PrismaClient;
}

/**
 * Builds the per-request context factory. The installation's organisation is looked up once and
 * remembered (not once per request); an empty database is asked again until it has one.
 */
export function contextFactory(services: AppServices): () => Promise<Context> {
  let organizationId: string | null = null;
  return async () => {
    organizationId ??=
      (await services.prisma.organization.findFirst({ select: { id: true }, orderBy: { createdAt: "asc" } }))?.id ?? null;
    return { prisma: services.prisma, organizationId };
  };
}
