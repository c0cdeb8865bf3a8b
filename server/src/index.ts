export { createApp, type App } from "./yoga.ts";
export { clockFrom, systemClock, type Clock } from "./clock.ts";
export { schema } from "./schema/index.ts";
export type { Context, AppServices } from "./context.ts";
export { createHttpServer, listen } from "./http/server.ts";
export { declassifyExpired } from "./access/declassify.ts";
export { sweepSla } from "./complaints/sla-sweep.ts";
export { backfillSlaStages } from "./complaints/sla-backfill.ts";
export { importAsOperator } from "./interchange/operator.ts";
