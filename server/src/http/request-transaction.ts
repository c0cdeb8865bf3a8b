import type { Plugin } from "graphql-yoga";
import type { ExecutionResult } from "graphql";
import type { Prisma, PrismaClient } from "@tingjian/prisma/client";
import type { Context } from "../access/context.ts";
import { DEFAULT_LIMITS, statementTimeoutOf } from "../limits/index.ts";

class RollBack extends Error {
  constructor(readonly result: ExecutionResult) {
    super("roll back");
  }
}

/**
 * Defence in depth for SPEC §2: every GraphQL operation runs in one transaction as the database
 * role `tingjian_app`, whose row-level security policies admit only rows of the request's
 * organisation. A resolver that forgot its organisation filter still cannot see another
 * organisation's rows; an anonymous request sees none at all.
 *
 * An operation that ends with errors is rolled back as a whole (nothing half-done), but the access
 * log of what it disclosed is still written, in a transaction of its own. Otherwise the access-log
 * entries are written before commit.
 */
export function useRequestTransaction(base: PrismaClient, requests: PrismaClient = base): Plugin<Context> {
  return {
    onExecute({ setExecuteFn, executeFn }) {
      setExecuteFn(async (args) => {
        const ctx = args.contextValue as Context;
        try {
          // Issue 15 item 12: on a PostgreSQL server `requests` logs in as tingjian_app itself.
          return await requests.$transaction(
            async (tx) => {
              // Issue 15 item 2: each statement of the request may run this long (limits/statement-timeout.ts).
              await confine(tx, ctx.organizationId, statementTimeoutOf(ctx) ?? DEFAULT_LIMITS.statementTimeoutMs);
              ctx.prisma = tx as unknown as PrismaClient;
              ctx.grants.use(tx);
              ctx.inTransaction = true;
              const result = (await executeFn(args)) as ExecutionResult;
              // Any error may have aborted the transaction (PostgreSQL refuses every statement after a
              // failed one), and a mutation must not half-happen: roll back, then log what was read.
              // (A typed error in a payload rolls back its own mutation field: mutation-savepoints.ts.)
              if (result.errors?.length) throw new RollBack(result);
              await ctx.access.flush(tx);
              return result;
            },
            { maxWait: 10_000, timeout: 60_000 },
          );
        } catch (e) {
          if (!(e instanceof RollBack)) throw e;
          // Nothing of a rolled-back operation takes effect, a session cookie included.
          ctx.cookies.length = 0;
          if (ctx.access.pending > 0) {
            await requests.$transaction(async (tx) => {
              await confine(tx, ctx.organizationId, DEFAULT_LIMITS.statementTimeoutMs);
              await ctx.access.flush(tx);
            });
          }
          return e.result;
        } finally {
          ctx.inTransaction = false;
          ctx.prisma = base;
          ctx.grants.use(null);
        }
      });
    },
  };
}

async function confine(tx: Prisma.TransactionClient, organizationId: string | null, statementTimeoutMs: number) {
  // One round trip: the role, the organisation and the statement timeout, all for this transaction only.
  await tx.$queryRaw`SELECT set_config('role', 'tingjian_app', true), set_config('tingjian.organization_id', ${organizationId ?? ""}, true),
    set_config('statement_timeout', ${String(statementTimeoutMs)}, true)`;
}
