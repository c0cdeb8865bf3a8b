import type { PrismaClient } from "@tingjian/prisma/client";
import { declassifyExpired } from "../access/declassify.ts";
import { describeForLog } from "../logging.ts";
import type { Clock } from "../clock.ts";
import { expireApprovals } from "../services/access/approvals.ts";
import { purgeExpiredRecordings } from "../services/complaints/recordings-purge.ts";

const HOUR = 3_600_000;

/**
 * One housekeeping pass at `now`: SEC-5 expired classifications declassified, SEC-3 lapsed
 * approvals marked EXPIRED, INT-6 hotline audio past its retention purged. Returns the counts.
 */
export async function housekeep(prisma: PrismaClient, now: Date) {
  const declassified = await declassifyExpired(prisma, now);
  const expired = await expireApprovals(prisma, now);
  const purged = await purgeExpiredRecordings(prisma, now);
  return { declassified, expired, purged };
}

/**
 * Runs `housekeep` at start and every hour. Counts only are logged, never record contents.
 */
export function startHousekeeping(prisma: PrismaClient, clock: Clock, every = HOUR): () => void {
  const run = async () => {
    try {
      const { declassified, expired, purged } = await housekeep(prisma, clock());
      if (declassified || expired || purged) {
        console.log(
          `housekeeping: ${declassified} record(s) declassified (SEC-5), ${expired} approval(s) expired, ${purged} recording(s) purged after retention (INT-6)`,
        );
      }
    } catch (e) {
      console.error(`housekeeping failed: ${describeForLog(e)}`);
    }
  };
  void run();
  const timer = setInterval(run, every);
  timer.unref();
  return () => clearInterval(timer);
}
