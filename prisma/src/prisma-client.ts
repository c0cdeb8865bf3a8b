import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/client/client.ts";
import type { Database } from "./database.ts";

/** A Prisma client on the process's one pool (embedded or server alike). */
export function createPrisma(db: Database): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg(db.pool) });
}
