import type { Callback, Prisma } from "@tingjian/prisma/client";
import type { SignedInContext } from "../../access/context.ts";
import { entitlement } from "../../access/disclosure.ts";
import { CallbackConflictError } from "../../errors/callbacks.ts";
import { ForbiddenError, NotFoundError } from "../../errors/typed-errors.ts";
import { msg } from "../../i18n/messages.ts";
import { writeAtVersion } from "../versioned-write.ts";
import { callbackRef, callbackScope } from "../../access/scopes/callbacks.ts";

/**
 * The callback as the caller last read it, under the caller's scope (CB-1); another version is a
 * conflict (optimistic concurrency).
 */
export async function callbackForEdit(ctx: SignedInContext, id: string, version: number): Promise<Callback> {
  const row = await ctx.prisma.callback.findFirst({ where: { id, ...callbackScope(ctx) } });
  if (!row) throw new NotFoundError("Callback");
  // SEC-2: who may not read what the customer said may not record or review it either.
  if (!(await entitlement(ctx, callbackRef(row), "CASE")).ok) throw new ForbiddenError(msg("callbackNotHandled"));
  if (row.version !== version) throw new CallbackConflictError(row.id, row.version);
  return row;
}

/** Writes `data` if the callback is still at the version read. */
export function saveCallback(ctx: SignedInContext, row: Callback, data: Prisma.CallbackUncheckedUpdateManyInput): Promise<void> {
  return writeAtVersion(ctx.prisma.callback, row, data, (id, v) => new CallbackConflictError(id, v));
}
