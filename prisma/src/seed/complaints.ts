import type { Company, EstateInfo } from "./company.ts";
import { callbacks, confirm } from "./complaint-callbacks.ts";
import { Batch, type Draft } from "./complaint-case.ts";
import { assignComplaint, resolveComplaint } from "./complaint-handling.ts";
import { classifyComplaint, linkDuplicate, registerComplaint } from "./complaint-register.ts";
import { DAY, HOUR, MINUTE, months, type SeedContext } from "./context.ts";

/** Complaints per household and month: about 10,000 over three years for 2,000 households. */
const MONTHLY_RATE = 0.15;

/** Rainy season (plum rains in June-July) brings leaks; summer brings pests and overgrowth. */
function seasonalWeight(code: string, month: number): number {
  if (code === "ENG-LEAK") return [0.5, 0.5, 0.8, 1.5, 2, 3.5, 3.5, 2.5, 1.8, 0.8, 0.5, 0.5][month]!;
  if (code === "ENV-PEST" || code === "ENV-GREEN") return month >= 4 && month <= 8 ? 2.5 : 0.5;
  if (code === "ENV-NOISE") return month >= 5 && month <= 8 ? 1.6 : 1;
  if (code.startsWith("FEE")) return month === 0 || month === 6 ? 2 : 0.8; // billing months
  return 1;
}

const baseWeight: Record<string, number> = {
  "ENG-LEAK": 8,
  "ENG-LIFT": 5,
  "ENG-POWER": 5,
  "ENG-PIPE": 6,
  "ENG-DOOR": 4,
  "ENG-CRACK": 2,
  "ENG-FAC": 3,
  "SEC-GATE": 4,
  "SEC-PARK": 6,
  "SEC-PATROL": 2,
  "SEC-FIRE": 2,
  "ENV-CLEAN": 6,
  "ENV-GREEN": 3,
  "ENV-WASTE": 4,
  "ENV-NOISE": 5,
  "ENV-PEST": 2,
  "FEE-MGMT": 3,
  "FEE-PARK": 2,
  "FEE-UTIL": 1.5,
  "SVC-ATT": 3,
  "SVC-SPEED": 3,
  "SVC-SUGG": 2,
  "SVC-ASK": 2,
  "SVC-CLAIM": 0.6,
  "MUN-WATER": 1,
  "MUN-POWER": 1,
  "MUN-GAS": 0.6,
  "MUN-ROAD": 0.6,
};

export interface ComplaintSummary {
  householdId: string;
  receivedAt: Date;
}

/**
 * Three years of complaints for one estate with their timelines (WF), plans and promises
 * (WF-2, WF-3), confirmations (WF-4), developer hand-offs (WF-5), duplicates (INT-4) and
 * callbacks (CB-1, CB-2, CB-7). Returns the valid complaints by household for survey sampling
 * (SUR-2).
 */
export async function seedEstateComplaints(ctx: SeedContext, company: Company, estate: EstateInfo): Promise<ComplaintSummary[]> {
  const { rng } = ctx;
  const batch = new Batch();
  const summaries: ComplaintSummary[] = [];
  const occupied = estate.households.filter((h) => h.occupied);
  if (occupied.length === 0) return summaries;
  for (const month of months(ctx.start, ctx.end)) {
    const m = Number(month.slice(5, 7)) - 1;
    const springFestival = m === 1 ? 0.6 : 1;
    const count = Math.round(occupied.length * MONTHLY_RATE * (m >= 5 && m <= 8 ? 1.2 : 1) * springFestival * (0.85 + rng.next() * 0.3));
    const weights = company.categories.map((c) => [c, (baseWeight[c.code] ?? 1) * seasonalWeight(c.code, m)] as const);
    const monthStart = new Date(`${month}T00:00:00+08:00`).getTime();
    for (let i = 0; i < count; i++) {
      const receivedAt = new Date(monthStart + rng.int(0, 29) * DAY + daytime(rng));
      if (receivedAt >= ctx.end) continue;
      const category = rng.weighted(weights);
      const household = rng.pick(occupied);
      generateComplaint(ctx, company, estate, batch, summaries, { receivedAt, category, household });
      // Recurring problems (REC-2): troubled households report the same repair again.
      if (household.troubled && category.parentCode === "ENG" && rng.chance(0.7)) {
        const again = new Date(receivedAt.getTime() + rng.int(10, 80) * DAY);
        if (again < ctx.end)
          generateComplaint(ctx, company, estate, batch, summaries, { receivedAt: again, category, household, repeat: true });
      }
    }
  }
  for (const [table, rows] of Object.entries(batch.tables)) await ctx.writer.insert(table, rows);
  return summaries;
}

function daytime(rng: SeedContext["rng"]): number {
  // Most complaints arrive in office hours; the hotline takes some at night (INT-1: 24 h).
  const hour = rng.weighted([
    [8, 3],
    [9, 6],
    [10, 7],
    [11, 6],
    [13, 5],
    [14, 6],
    [15, 6],
    [16, 5],
    [17, 3],
    [19, 2],
    [21, 1],
    [2, 0.3],
  ] as const);
  return hour * HOUR + rng.int(0, 59) * MINUTE;
}

/** A complaint and as much of its life as fits before the end of the history. */
function generateComplaint(ctx: SeedContext, company: Company, estate: EstateInfo, batch: Batch, summaries: ComplaintSummary[], d: Draft) {
  const cs = registerComplaint(ctx, company, estate, batch, d);
  if (!classifyComplaint(cs)) return;
  summaries.push({ householdId: d.household.id, receivedAt: d.receivedAt });
  linkDuplicate(cs);
  const work = assignComplaint(cs);
  if (!work) return;
  const confirmedAt = resolveComplaint(cs, work);
  if (!confirmedAt) return;
  const { c, event } = cs;
  confirm(ctx, batch, c, confirmedAt, event);
  if (c.callbackExempt) {
    Object.assign(c, { status: "VERIFIED", verifiedAt: confirmedAt, closedAt: confirmedAt });
    event("TRANSITION", confirmedAt, "CONFIRMED", "VERIFIED", ctx.rng.pick(company.staff.serviceReps), null, {
      action: "VERIFY",
      rule: "CB-8",
    });
    return;
  }
  callbacks(ctx, company, estate, batch, c, confirmedAt, cs.kind === "ENGINEERING" || cs.kind === "WARRANTY", event);
}
