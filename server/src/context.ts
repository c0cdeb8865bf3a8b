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

export async function createContext(services: AppServices): Promise<Context> {
  const org = await services.prisma.organization.findFirst({ select: { id: true }, orderBy: { createdAt: "asc" } });
  return { prisma: services.prisma, organizationId: org?.id ?? null };
}
