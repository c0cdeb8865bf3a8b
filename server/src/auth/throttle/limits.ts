import { StartupError } from "@tingjian/prisma";

/**
 * Issue 15 items 5 and 6: the limits of the sign-in throttle. Every limit slows or refuses an
 * address, never locks an account for everyone (SPEC §2: the company's leaders must not be
 * lockable by a stranger who knows their login).
 *
 * Each value has a default and an environment setting (TINGJIAN_SIGNIN_…), read once when the
 * server loads; a bad value stops the start with a message rather than silently weakening a limit.
 */
export interface SignInLimits {
  /** Password hashes (scrypt, ~0.1 s of CPU each) one address may cause per minute. */
  hashesPerAddressPerMinute: number;
  /** Wrong passwords from one address against one login before that address is slowed. */
  freeFailuresPerAddressAndLogin: number;
  /** The first delay after them; it doubles with each further failure, up to `maxAddressDelayMs`. */
  addressBaseDelayMs: number;
  maxAddressDelayMs: number;
  /** Failures from one address against any logins within 15 minutes before it must wait. */
  failuresPerAddress: number;
  /** Failures against one login, from all addresses, within an hour before new addresses are slowed. */
  freeFailuresPerLogin: number;
  /** The longest wait an address that never signed in to the login is given (the legitimate user's worst case). */
  maxLoginDelayMs: number;
}

export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = Object.freeze({
  hashesPerAddressPerMinute: 20,
  freeFailuresPerAddressAndLogin: 3,
  addressBaseDelayMs: 2_000,
  maxAddressDelayMs: 60 * 60_000,
  failuresPerAddress: 30,
  freeFailuresPerLogin: 10,
  maxLoginDelayMs: 60_000,
});

/** How far back each rule looks. Fixed: they define the rules rather than tune them. */
export const HASH_WINDOW_MS = 60_000;
export const ADDRESS_WINDOW_MS = 15 * 60_000;
export const LOGIN_WINDOW_MS = 60 * 60_000;
/** An address's failures against a login are forgotten a day after the last, or at its next success. */
export const PAIR_WINDOW_MS = 24 * 3_600_000;
/** An address the login signed in from within this period is "known" and not slowed for the login's sake. */
export const KNOWN_ADDRESS_MS = 90 * 86_400_000;

const SETTINGS: Record<keyof SignInLimits, { env: string; unit: number; min: number }> = {
  hashesPerAddressPerMinute: { env: "TINGJIAN_SIGNIN_HASHES_PER_MINUTE", unit: 1, min: 1 },
  freeFailuresPerAddressAndLogin: { env: "TINGJIAN_SIGNIN_FREE_FAILURES", unit: 1, min: 1 },
  addressBaseDelayMs: { env: "TINGJIAN_SIGNIN_DELAY_SECONDS", unit: 1_000, min: 0 },
  maxAddressDelayMs: { env: "TINGJIAN_SIGNIN_MAX_DELAY_SECONDS", unit: 1_000, min: 1 },
  failuresPerAddress: { env: "TINGJIAN_SIGNIN_ADDRESS_FAILURES", unit: 1, min: 1 },
  freeFailuresPerLogin: { env: "TINGJIAN_SIGNIN_LOGIN_FAILURES", unit: 1, min: 1 },
  maxLoginDelayMs: { env: "TINGJIAN_SIGNIN_MAX_LOGIN_DELAY_SECONDS", unit: 1_000, min: 1 },
};

/** The limits from the environment, defaults for what is unset. */
export function signInLimitsFrom(env: NodeJS.ProcessEnv): SignInLimits {
  const limits = { ...DEFAULT_SIGN_IN_LIMITS };
  for (const [key, s] of Object.entries(SETTINGS) as [keyof SignInLimits, (typeof SETTINGS)[keyof SignInLimits]][]) {
    const raw = env[s.env]?.trim();
    if (!raw) continue;
    const value = Number(raw);
    if (!/^\d+(\.\d+)?$/.test(raw) || value < s.min)
      throw new StartupError(`${s.env} must be a number of at least ${s.min} (got "${raw}")`);
    limits[key] = Math.round(value * s.unit);
  }
  return limits;
}

/** The limits of this process. */
export const SIGN_IN_LIMITS: SignInLimits = Object.freeze(signInLimitsFrom(process.env));
