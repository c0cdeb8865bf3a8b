import { FIXED_DEMO_NOW } from "@tingjian/prisma";
import { clockFrom, type Clock } from "@tingjian/server";

/**
 * The clock of a server under test on the demo template: it starts at the instant the template's
 * history ends (FIXED_DEMO_NOW) and runs from there, so no test depends on the day it runs.
 */
export function demoClock(): Clock {
  return clockFrom(FIXED_DEMO_NOW);
}
