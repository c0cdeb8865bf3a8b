import type { PrismaClient } from "@tingjian/prisma/client";
import { declassifyExpired } from "./declassify.ts";
import { describeForLog } from "../logging.ts";
import { expireApprovals } from "../schema/access/approvals.ts";

const HOUR = 3_600_000;

/**
 * SEC-5 and SEC-3 on a clock: expired classifications are declassified and lapsed approvals
 * marked EXPIRED at start and every hour. Counts only are logged, never record contents.
 */
export function startHousekeeping(prisma: PrismaClient, every = HOUR): () => void {
  const run = async () => {
    try {
      const now = new Date();
      const declassified = await declassifyExpired(prisma, now);
      const expired = await expireApprovals(prisma, now);
      if (declassified || expired) console.log(`housekeeping: ${declassified} record(s) declassified (SEC-5), ${expired} approval(s) expired`);
    } catch (e) {
      console.error(`housekeeping failed: ${describeForLog(e)}`);
    }
  };
  void run();
  const timer = setInterval(run, every);
  timer.unref();
  return () => clearInterval(timer);
}
