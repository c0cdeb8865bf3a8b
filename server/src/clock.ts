/**
 * The server's one time source. Everything that asks "what time is it" for a business rule
 * (SLA deadlines, sessions, grants, sweeps, the instant shown to the browser) reads the clock the
 * process was started with, so the tests and a demo can run the whole product at another date
 * (TINGJIAN_CLOCK_START) and nothing depends on the day the code happens to run.
 */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** A clock that reads `start` now and then runs at the pace of real time. */
export function clockFrom(start: Date): Clock {
  const offset = start.getTime() - Date.now();
  return () => new Date(Date.now() + offset);
}
