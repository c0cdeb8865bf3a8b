import type { PrismaClient } from "@tingjian/prisma/client";

export async function syncSlaStages(_prisma: PrismaClient, _complaintId: string, _now: Date): Promise<void> {}
