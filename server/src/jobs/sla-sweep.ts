import type { PrismaClient } from "@tingjian/prisma/client";
import { describeForLog } from "../logging.ts";
import type { Clock } from "../clock.ts";
import { SlaCache, syncSlaStages } from "../services/complaints/sla-stages.ts";

const MINUTE = 60_000;
/** One sweep handles at most this many complaints; the next minute takes the rest. */
const BATCH = 500;

/**
 * SPEC §6, WF-7, WF-5: time passing is an event too. Every complaint with a running stage past its
 * deadline, or a developer hand-off past its answer deadline, is re-planned: the breach is stored
 * and escalated, silence becomes acceptance. Each complaint in a transaction of its own, so one
 * failure does not hold back the others. Returns the number of complaints updated.
 */
export async function sweepSla(prisma: PrismaClient, now: Date): Promise<number> {
  // Across organisations, on the partial index of running stages (migration 20261122140000).
  const stages = await prisma.slaStage.findMany({
    where: { status: "RUNNING", deadlineAt: { lte: now } },
    select: { complaintId: true },
    orderBy: { deadlineAt: "asc" },
    take: BATCH,
  });
  const handoffs = await prisma.developerHandoff.findMany({
    where: { respondedAt: null, deemedAcceptedAt: null, deadlineAt: { lte: now }, complaint: { status: "FORWARDED_TO_DEVELOPER" } },
    select: { complaintId: true },
    take: BATCH,
  });
  const ids = [...new Set([...stages, ...handoffs].map((s) => s.complaintId))];
  const cache = new SlaCache();
  let done = 0;
  for (const id of ids) {
    try {
      await prisma.$transaction((tx) => syncSlaStages(tx, id, now, cache));
      done++;
    } catch (e) {
      // One complaint that fails must not hold back the others; it is tried again next minute.
      console.error(`sla sweep: complaint ${id} failed: ${describeForLog(e)}`);
    }
  }
  return done;
}

/** Runs the sweep every minute (SLA-8 counts in minutes); counts only are logged. */
export function startSlaSweep(prisma: PrismaClient, clock: Clock, every = MINUTE): () => void {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      const n = await sweepSla(prisma, clock());
      if (n) console.log(`sla: ${n} complaint(s) past a deadline re-planned (breaches escalated, WF-7)`);
    } catch (e) {
      console.error(`sla sweep failed: ${describeForLog(e)}`);
    } finally {
      running = false;
    }
  };
  void run();
  const timer = setInterval(run, every);
  timer.unref();
  return () => clearInterval(timer);
}
