import type { Prisma, PrismaClient } from "@tingjian/prisma/client";

/** WF-1, CB-2, WF-7: the head of a department — the one named on it, else its department-head member. */
export async function departmentHead(db: PrismaClient | Prisma.TransactionClient, departmentId: string | null): Promise<string | null> {
  if (!departmentId) return null;
  const d = await db.department.findUnique({ where: { id: departmentId }, select: { headId: true } });
  if (d?.headId) return d.headId;
  const member = await db.staff.findFirst({
    where: { departmentId, role: "DEPARTMENT_HEAD", active: true },
    orderBy: { login: "asc" },
    select: { id: true },
  });
  return member?.id ?? null;
}
