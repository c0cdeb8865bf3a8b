import { randomUUID } from "node:crypto";
import { Prisma, type PrismaClient } from "@tingjian/prisma/client";
import {
  ADDRESS_WINDOW_MS,
  HASH_WINDOW_MS,
  KNOWN_ADDRESS_MS,
  LOGIN_WINDOW_MS,
  PAIR_WINDOW_MS,
  SIGN_IN_LIMITS,
  type SignInLimits,
} from "./limits.ts";
import { hashVerdict, verdict, type Attempt, type Verdict } from "./policy.ts";

type Db = Prisma.TransactionClient;

/** An attempt being checked or checked but not yet written. */
interface Pending extends Attempt {
  organizationId: string;
  staffId: string | null;
  userAgent: string | null;
  reason: string | null;
}

/** A password check the throttle admitted; `settle` records its outcome. */
export interface Admission {
  settle(outcome: { success: boolean; reason: string | null; staffId: string | null }): void;
}

/**
 * Issue 15 item 5: the record of sign-in attempts lives outside the request's transaction. A
 * request's transaction may roll back (a failed field elsewhere in it, a timeout), and with it
 * anything written inside; the attempts that feed the throttle must stay whatever happens.
 *
 * So an attempt is written on the owner connection, in a statement (its own transaction) of its
 * own, *not awaited* by the request: on the embedded database the pool has one connection, held
 * by the request's transaction until it ends, so the write waits for it and commits afterwards.
 * Until the write has committed the attempt stays here in memory, where every later decision of
 * this process counts it; an attempt still being checked counts as a failure from its start.
 * The per-address hash budget is kept here only (it is about this process's CPU).
 *
 * One ledger per owner client: each database (each test's) has its own.
 */
export class AttemptLedger {
  private readonly pending = new Map<string, Pending>();
  private readonly hashes = new Map<string, number[]>();
  private writes: Promise<void> = Promise.resolve();

  constructor(
    private readonly owner: PrismaClient,
    private readonly limits: SignInLimits = SIGN_IN_LIMITS,
  ) {}

  /**
   * Reserves a password hash for `ip` (item 5), or says how long to wait. Synchronous, so that
   * concurrent requests from one address cannot all pass before any has counted.
   */
  reserveHash(ip: string | null, now: Date): { ok: true; release(): void } | Exclude<Verdict, { ok: true }> {
    const key = ip ?? "";
    const t = now.getTime();
    this.forget(t);
    const list = (this.hashes.get(key) ?? []).filter((h) => h > t - HASH_WINDOW_MS);
    const v = hashVerdict(list, now, this.limits);
    if (!v.ok) {
      this.hashes.set(key, list);
      return v;
    }
    list.push(t);
    this.hashes.set(key, list);
    return {
      ok: true,
      release: () => {
        const at = this.hashes.get(key)?.indexOf(t) ?? -1;
        if (at >= 0) this.hashes.get(key)!.splice(at, 1);
      },
    };
  }

  /**
   * Item 6: admits a password check for `login` from `ip` in the organisation, or says how long
   * to wait. `db` is the request's transaction, confined to the organisation (it reads committed
   * attempts only; nothing is written there).
   */
  async admit(
    db: Db,
    who: { organizationId: string; login: string; ip: string | null; userAgent: string | null },
    now: Date,
  ): Promise<Admission | Exclude<Verdict, { ok: true }>> {
    // Counted by concurrent requests from the start; removed again if refused.
    const mine: Pending = { id: randomUUID(), ...who, success: false, at: now, staffId: null, reason: null };
    this.pending.set(mine.id, mine);
    let v: Verdict;
    try {
      const stored = await this.history(db, who, now);
      const others = [...this.pending.values()].filter((p) => p.id !== mine.id && p.organizationId === who.organizationId);
      v = verdict([...stored, ...others], who, now, this.limits);
    } catch (e) {
      this.pending.delete(mine.id);
      throw e;
    }
    if (!v.ok) {
      this.pending.delete(mine.id);
      return v;
    }
    return {
      settle: (outcome) => {
        Object.assign(mine, outcome);
        this.write(mine);
      },
    };
  }

  /**
   * Bounds the memory whatever the traffic: budgets of addresses quiet for a minute, and attempts
   * whose write failed once they are older than any rule looks.
   */
  private forget(t: number) {
    if (t - this.lastSweep < HASH_WINDOW_MS) return;
    this.lastSweep = t;
    for (const [key, list] of this.hashes) if (!list.some((h) => h > t - HASH_WINDOW_MS)) this.hashes.delete(key);
    for (const [id, p] of this.pending) if (p.at.getTime() < t - PAIR_WINDOW_MS) this.pending.delete(id);
  }

  private lastSweep = 0;

  /** Resolves when every attempt recorded so far is written (tests, shutdown). */
  settled(): Promise<void> {
    return this.writes;
  }

  /** The stored attempts the rules look at: the pair's, the login's and the address's, each bounded. */
  private async history(db: Db, who: { organizationId: string; login: string; ip: string | null }, now: Date): Promise<Attempt[]> {
    const t = now.getTime();
    const sameIp = who.ip === null ? Prisma.sql`ip IS NULL` : Prisma.sql`ip = ${who.ip}`;
    const base = Prisma.sql`SELECT id::text AS id, ip, login, success, at FROM login_attempts WHERE organization_id = ${who.organizationId}::uuid`;
    const since = (ms: number) => new Date(t - ms);
    // Enough rows for every rule to reach its longest wait; more would not change the answer.
    const pairRows = this.limits.freeFailuresPerAddressAndLogin + 40;
    const loginRows = this.limits.freeFailuresPerLogin + 20;
    return db.$queryRaw<Attempt[]>`
      (${base} AND login = ${who.login} AND ${sameIp} AND at >= ${since(PAIR_WINDOW_MS)} ORDER BY at DESC LIMIT ${pairRows})
      UNION ALL (${base} AND login = ${who.login} AND ${sameIp} AND success AND at >= ${since(KNOWN_ADDRESS_MS)} ORDER BY at DESC LIMIT 1)
      UNION ALL (${base} AND login = ${who.login} AND NOT success AND at >= ${since(LOGIN_WINDOW_MS)} ORDER BY at DESC LIMIT ${loginRows})
      UNION ALL (${base} AND ${sameIp} AND NOT success AND at >= ${since(ADDRESS_WINDOW_MS)} ORDER BY at DESC LIMIT ${this.limits.failuresPerAddress})`;
  }

  private write(attempt: Pending) {
    const { id, organizationId, login, staffId, ip, userAgent, success, reason, at } = attempt;
    const written = this.owner.loginAttempt
      .create({ data: { id, organizationId, login, staffId, ip, userAgent, success, reason, at }, select: { id: true } })
      .then(
        () => void this.pending.delete(id),
        // Kept in memory (it still counts here); the server log says a record was lost, not whose.
        (e: Error) => console.error(`[error] a sign-in attempt was not recorded: ${e.name}`),
      );
    this.writes = this.writes.then(() => written);
  }
}

const ledgers = new WeakMap<PrismaClient, AttemptLedger>();

/** The ledger of the database behind `owner`. */
export function ledgerOf(owner: PrismaClient): AttemptLedger {
  let ledger = ledgers.get(owner);
  if (!ledger) ledgers.set(owner, (ledger = new AttemptLedger(owner)));
  return ledger;
}
