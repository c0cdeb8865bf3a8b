import type { CallbackKind, CallbackSampleKind, Classification, SampleReason } from "@tingjian/prisma/client";
import type { Drawn } from "../sampling/draw.ts";
import { msg, type Msg } from "../../i18n/messages.ts";

/**
 * CB-3, CB-4: what each callback programme samples, at which policy rate, and which kind of
 * callback it plans. Pure: the populations are loaded by populations.ts.
 *
 * A member's key says what one member of the population is, so that "distinct" means the same
 * thing at the draw and at a later check of it (verifyCallbackSample):
 *  - COMPLAINANT: the customer (archive entry) who complained; a complaint without an archive
 *    entry falls back to its household, one without either (a public place, a name and a phone
 *    only) to the complaint itself;
 *  - COMPLAINT: one complaint;
 *  - HOUSEHOLD: one resident household.
 */
export type MemberKeyKind = "COMPLAINANT" | "COMPLAINT" | "HOUSEHOLD";

export interface SampleRule {
  /** The policy value of the rate, in percent; null = the caller gives the rate. */
  policyKey: string | null;
  callbackKind: CallbackKind;
  keyKind: MemberKeyKind;
  /** Says who the population is (shown with the sample and its members). */
  population: string;
}

export const SAMPLE_RULES: Record<CallbackSampleKind, SampleRule> = {
  // CB-3 (000 §7 4.8.2): each quarter at least 35% of that quarter's complainants; CB-8 exempt ones never.
  QUARTERLY_PERIODIC: {
    policyKey: "CB-3.periodicSample",
    callbackKind: "PERIODIC",
    keyKind: "COMPLAINANT",
    population: "distinct complainants of the valid, non-duplicate complaints received in the period, callback-exempt ones (CB-8) excluded",
  },
  // CB-3 (000 §7 4.8.3): sampling callbacks on closed complaints, at any time.
  SAMPLING: {
    policyKey: null,
    callbackKind: "SAMPLING",
    keyKind: "COMPLAINT",
    population:
      "closed (CONFIRMED or VERIFIED) valid, non-duplicate complaints confirmed in the period, callback-exempt ones (CB-8) excluded",
  },
  // CB-4 (003 5.28): repairs 100% within 7 days (SLA-11); 001 §2 allows 30% within a month as a policy.
  REPAIR: {
    policyKey: "CB-4.repairCallback",
    callbackKind: "REPAIR",
    keyKind: "COMPLAINT",
    population: "valid, non-duplicate engineering (repair) complaints resolved in the period, callback-exempt ones (CB-8) excluded",
  },
  // CB-4 (001 §2): community events 10% within a month.
  EVENT: {
    policyKey: "CB-4.eventCallback",
    callbackKind: "EVENT",
    keyKind: "HOUSEHOLD",
    population: "resident households of the event's estate (participants are not recorded, so the estate's residents stand for them)",
  },
  // CB-4 (001 §2): holiday visits, move-in callbacks, callbacks after emergencies: no policy rate.
  HOLIDAY: { policyKey: null, callbackKind: "VISIT", keyKind: "HOUSEHOLD", population: "resident households of the estate" },
  MOVE_IN: {
    policyKey: null,
    callbackKind: "VISIT",
    keyKind: "HOUSEHOLD",
    population: "households of the estate that moved in during the period",
  },
  EMERGENCY: {
    policyKey: null,
    callbackKind: "VISIT",
    keyKind: "HOUSEHOLD",
    population: "resident households of the estate (the households an emergency touched are not recorded, so all residents stand for them)",
  },
};

/** One member of a population, as stored with a sample member and its callback. */
export interface PopulationMember {
  key: string;
  estateId: string;
  complaintId: string | null;
  householdId: string | null;
  customerId: string | null;
  /** REPAIR: when the repair was resolved (SLA-11 runs from there). */
  resolvedAt?: Date | null;
  /** The complaint's level, when the member is about a complaint. */
  classification?: Classification | null;
}

/** SEC-1: a callback is as sensitive as the complaint it is about, and customer-related, so at least SECRET. */
export function callbackLevel(m: Pick<PopulationMember, "classification">): Classification {
  return !m.classification || m.classification === "INTERNAL" ? "SECRET" : m.classification;
}

/** The key of a stored member, as its population gave it (see MemberKeyKind). */
export function memberKey(
  kind: MemberKeyKind,
  m: { complaintId: string | null; householdId: string | null; customerId: string | null },
): string {
  if (kind === "COMPLAINT") return `complaint:${m.complaintId}`;
  if (kind === "HOUSEHOLD") return `household:${m.householdId}`;
  if (m.customerId) return `customer:${m.customerId}`;
  return m.householdId ? `household:${m.householdId}` : `complaint:${m.complaintId}`;
}

export interface DrawComparison {
  identical: boolean;
  /** Stored members the redraw does not give. */
  missing: string[];
  /** Members the redraw gives that are not stored. */
  unexpected: string[];
}

/**
 * CB-3: a stored sample against a redraw from its seed. MANUAL members were added by hand and
 * are no part of the draw; the rest must match in key and reason.
 */
export function compareDraws(
  stored: readonly { key: string; reason: SampleReason }[],
  redrawn: readonly Drawn<{ key: string }>[],
): DrawComparison {
  const a = new Set(stored.filter((m) => m.reason !== "MANUAL").map((m) => `${m.reason} ${m.key}`));
  const b = new Set(redrawn.map((d) => `${d.reason} ${d.item.key}`));
  const missing = [...a]
    .filter((k) => !b.has(k))
    .map((k) => k.split(" ")[1]!)
    .sort();
  const unexpected = [...b]
    .filter((k) => !a.has(k))
    .map((k) => k.split(" ")[1]!)
    .sort();
  return { identical: missing.length === 0 && unexpected.length === 0, missing, unexpected };
}

/** "Why is this household in the sample": the member's reason in words. */
export function memberWhy(
  kind: CallbackSampleKind,
  reason: SampleReason,
  s: { rate: number; populationSize: number; sampleSize: number },
): string {
  const share = `${Math.round(s.rate * 10000) / 100}%`;
  switch (reason) {
    case "FORCED_COMPLAINANT":
      return `Included without a draw: every member of this kind is called back (${kind})`;
    case "MANUAL":
      return "Added by hand to the sample";
    default:
      return s.rate >= 1
        ? `Every one of the ${s.populationSize} in the population is called back (${kind}, rate ${share}): ${SAMPLE_RULES[kind].population}`
        : `Drawn at random from the stored seed: ${s.sampleSize} of ${s.populationSize} (rate ${share}, ${kind}) — ${SAMPLE_RULES[kind].population}`;
  }
}

const DAY = 86_400_000;
const UNIT_MS: Partial<Record<string, number>> = { MINUTES: 60_000, HOURS: 3_600_000, DAYS: DAY };

/** A wall-clock policy duration in milliseconds (SLA-11 is in DAYS); null for units this cannot convert. */
export function durationMs(value: number | null, unit: string | null): number | null {
  const per = unit ? UNIT_MS[unit] : undefined;
  return value === null || per === undefined ? null : value * per;
}

/** CB-4 (001 §2): community-event callbacks within a month of the event. */
export function monthAfter(d: Date): Date {
  const r = new Date(d);
  r.setUTCMonth(r.getUTCMonth() + 1);
  return r;
}

/** CB-3, CB-4: a rate given by the caller is a share, 0 < rate ≤ 1 (0.35 = 35%), in steps of 0.0001; null when acceptable. */
export function rateRefusal(rate: number): Msg | null {
  return Number.isFinite(rate) && rate >= 0.0001 && rate <= 1 ? null : msg("callbackSampleRate");
}

/**
 * The rate as the sample stores it (4 decimals): the draw uses exactly the stored rate, so that a
 * redraw from the stored sample asks for the same number of members.
 */
export function storedRate(rate: number): number {
  return Math.round(rate * 10_000) / 10_000;
}
