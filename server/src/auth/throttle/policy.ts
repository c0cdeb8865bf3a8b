import { ADDRESS_WINDOW_MS, HASH_WINDOW_MS, KNOWN_ADDRESS_MS, LOGIN_WINDOW_MS, PAIR_WINDOW_MS, type SignInLimits } from "./limits.ts";

/** One sign-in attempt whose password was checked (a refusal before the check is no attempt). */
export interface Attempt {
  id: string;
  /** The client's address; null when the transport gave none (all such clients share one bucket). */
  ip: string | null;
  /** The login as typed, trimmed and lower-cased (the account may not exist). */
  login: string;
  /** false also while the check is under way: a concurrent attempt counts as a failure until it succeeds. */
  success: boolean;
  at: Date;
}

export type Verdict = { ok: true } | { ok: false; retryAfterMs: number; rule: "address" | "address-and-login" | "login" | "hashes" };

/**
 * Issue 15 item 6: may `ip` try a password for `login` now? Decided from the attempts against the
 * login and from the address (any order, duplicates allowed), by three rules, the longest wait
 * winning:
 *  - address and login: after `freeFailuresPerAddressAndLogin` failures since its last success
 *    (within a day), the address waits `addressBaseDelayMs`, doubled per further failure, up to
 *    `maxAddressDelayMs`, counted from its last failure. Other addresses are not affected.
 *  - address: `failuresPerAddress` failures within 15 minutes against any logins (one address
 *    trying many accounts) and it waits until the oldest of them is 15 minutes old.
 *  - login: after `freeFailuresPerLogin` failures within an hour from all addresses, an address
 *    that has not signed in to the login within 90 days waits 1 s, doubled per further failure, up
 *    to `maxLoginDelayMs`, counted from the login's last failure. A slow-down, never a lock: the
 *    wait is short, and the user's own known addresses are exempt.
 */
export function verdict(
  attempts: readonly Attempt[],
  target: { ip: string | null; login: string },
  now: Date,
  limits: SignInLimits,
): Verdict {
  const t = now.getTime();
  const unique = [...new Map(attempts.map((a) => [a.id, a])).values()];
  const fromHere = unique.filter((a) => a.ip === target.ip);
  const pair = fromHere.filter((a) => a.login === target.login);
  const waits: Exclude<Verdict, { ok: true }>[] = [];
  const wait = (until: number, rule: Exclude<Verdict, { ok: true }>["rule"]) => {
    if (until > t) waits.push({ ok: false, retryAfterMs: until - t, rule });
  };

  const lastSuccess = Math.max(-Infinity, ...pair.filter((a) => a.success).map((a) => a.at.getTime()));
  const pairFailures = newestFirst(pair.filter((a) => !a.success && a.at.getTime() > lastSuccess && a.at.getTime() >= t - PAIR_WINDOW_MS));
  const beyond = pairFailures.length - limits.freeFailuresPerAddressAndLogin;
  if (beyond >= 0)
    wait(pairFailures[0]!.at.getTime() + Math.min(limits.addressBaseDelayMs * 2 ** beyond, limits.maxAddressDelayMs), "address-and-login");

  const addressFailures = newestFirst(fromHere.filter((a) => !a.success && a.at.getTime() >= t - ADDRESS_WINDOW_MS));
  if (addressFailures.length >= limits.failuresPerAddress)
    wait(addressFailures[limits.failuresPerAddress - 1]!.at.getTime() + ADDRESS_WINDOW_MS, "address");

  const known = pair.some((a) => a.success && a.at.getTime() >= t - KNOWN_ADDRESS_MS);
  if (!known) {
    const loginFailures = newestFirst(
      unique.filter((a) => a.login === target.login && !a.success && a.at.getTime() >= t - LOGIN_WINDOW_MS),
    );
    const over = loginFailures.length - limits.freeFailuresPerLogin;
    if (over >= 0) wait(loginFailures[0]!.at.getTime() + Math.min(1_000 * 2 ** over, limits.maxLoginDelayMs), "login");
  }
  return waits.sort((a, b) => b.retryAfterMs - a.retryAfterMs)[0] ?? { ok: true };
}

/**
 * Issue 15 item 5: hashing a password costs ~0.1 s of CPU, so an address may cause at most
 * `hashesPerAddressPerMinute` of them (refused ones cost nothing). `hashes` are the instants of
 * its hashes; the answer says when the oldest one counted leaves the minute.
 */
export function hashVerdict(hashes: readonly number[], now: Date, limits: SignInLimits): Verdict {
  const t = now.getTime();
  const recent = hashes.filter((h) => h > t - HASH_WINDOW_MS).sort((a, b) => b - a);
  if (recent.length < limits.hashesPerAddressPerMinute) return { ok: true };
  return { ok: false, retryAfterMs: Math.max(1, recent[limits.hashesPerAddressPerMinute - 1]! + HASH_WINDOW_MS - t), rule: "hashes" };
}

function newestFirst(attempts: Attempt[]): Attempt[] {
  return attempts.sort((a, b) => b.at.getTime() - a.at.getTime());
}
