import type { SignedInContext } from "../../access/context.ts";
import { InputCheck } from "../../errors/typed-errors.ts";
import { msg } from "../../i18n/messages.ts";

/**
 * The client's per-user settings (a grid's column layout, sort and filters; a report's chosen
 * estates), so that they follow the user to any browser. Each account reads and writes only its
 * own; the client stores layout here, never rows, so nothing in them is another person's data.
 */
export const PREFERENCE_KEY = /^[a-z0-9][a-z0-9.:_-]{0,79}$/;
const MAX_BYTES = 32 * 1024;
const MAX_DEPTH = 16;

/** Saves one of the caller's settings (JSON text), or removes it when `value` is null. */
export async function savePreference(ctx: SignedInContext, input: { key: string; value: string | null }): Promise<void> {
  const check = new InputCheck();
  check.that(PREFERENCE_KEY.test(input.key), "input.key", msg("preferenceKey"));
  const value = input.value == null ? null : check.run(() => parseValue(input.value!));
  check.done();
  const staffId = ctx.viewer.staffId;
  if (value == null) {
    await ctx.prisma.userPreference.deleteMany({ where: { staffId, key: input.key } });
    return;
  }
  await ctx.prisma.userPreference.upsert({
    where: { staffId_key: { staffId, key: input.key } },
    create: { organizationId: ctx.viewer.organizationId, staffId, key: input.key, value },
    update: { value },
  });
}

/** A setting's JSON text as a storable object or array; anything else is an InputError on input.value. */
function parseValue(text: string): object {
  const check = new InputCheck();
  if (!check.that(Buffer.byteLength(text) <= MAX_BYTES, "input.value", msg("preferenceTooLarge"))) check.done();
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    check.add("input.value", msg("preferenceNotJson"));
    check.done();
  }
  check.that(value !== null && typeof value === "object", "input.value", msg("preferenceNotObject"));
  check.done();
  // Issue 15 item 16: PostgreSQL's JSON parser refuses deep nesting and the NUL character.
  check.that(storableJson(value, 0), "input.value", msg("preferenceNotStorable", { depth: MAX_DEPTH }));
  check.done();
  return value as object;
}

function storableJson(v: unknown, depth: number): boolean {
  if (typeof v === "string") return !v.includes("\u0000");
  if (v === null || typeof v !== "object") return true;
  if (depth >= MAX_DEPTH) return false;
  return Object.entries(v).every(([k, x]) => !k.includes("\u0000") && storableJson(x, depth + 1));
}
