import { builder } from "../../builder.ts";
import { InputError } from "../../errors/typed-errors.ts";
import { STANDARD_ERRORS } from "../errors.ts";

/**
 * The client's per-user settings (a grid's column layout, sort and filters; a report's chosen
 * estates), so that they follow the user to any browser. Each account reads and writes only its
 * own; the client stores layout here, never rows, so nothing in them is another person's data.
 */
const KEY = /^[a-z0-9][a-z0-9.:_-]{0,79}$/;
const MAX_BYTES = 32 * 1024;

builder.queryField("preference", (t) =>
  t.string({
    nullable: true,
    description: "One of your settings as JSON text (null when never saved)",
    authScopes: { authenticated: true },
    args: { key: t.arg.string({ required: true }) },
    resolve: async (_r, args, ctx) => {
      if (!KEY.test(args.key)) return null;
      const row = await ctx.prisma.userPreference.findUnique({ where: { staffId_key: { staffId: ctx.viewer!.staffId, key: args.key } }, select: { value: true } });
      return row ? JSON.stringify(row.value) : null;
    },
  }),
);

const SavePreferenceInput = builder.inputType("SavePreferenceInput", {
  fields: (t) => ({
    key: t.string({ required: true, description: 'e.g. "grid.complaints"' }),
    value: t.string({ required: false, description: "JSON text of at most 32 KB; null removes the setting" }),
  }),
});

builder.mutationField("savePreference", (t) =>
  t.boolean({
    description: "Saves (or with a null value removes) one of your settings",
    authScopes: { authenticated: true },
    errors: { types: STANDARD_ERRORS },
    args: { input: t.arg({ type: SavePreferenceInput, required: true }) },
    resolve: async (_r, { input }, ctx) => {
      if (!KEY.test(input.key)) throw new InputError("input.key", "Lower-case letters, digits and . : _ -, at most 80 characters");
      const where = { staffId_key: { staffId: ctx.viewer!.staffId, key: input.key } };
      if (input.value == null) {
        await ctx.prisma.userPreference.deleteMany({ where: { staffId: ctx.viewer!.staffId, key: input.key } });
        return true;
      }
      if (Buffer.byteLength(input.value) > MAX_BYTES) throw new InputError("input.value", "At most 32 KB");
      let value: unknown;
      try {
        value = JSON.parse(input.value);
      } catch {
        throw new InputError("input.value", "Not valid JSON");
      }
      if (value === null || typeof value !== "object") throw new InputError("input.value", "A JSON object or array");
      // Issue 15 item 16: PostgreSQL's JSON parser refuses deep nesting and the NUL character.
      if (!storableJson(value, 0)) throw new InputError("input.value", `JSON nested at most ${MAX_DEPTH} levels, without NUL characters`);
      await ctx.prisma.userPreference.upsert({
        where,
        create: { organizationId: ctx.viewer!.organizationId, staffId: ctx.viewer!.staffId, key: input.key, value: value as object },
        update: { value: value as object },
      });
      return true;
    },
  }),
);

const MAX_DEPTH = 16;

function storableJson(v: unknown, depth: number): boolean {
  if (typeof v === "string") return !v.includes("\u0000");
  if (v === null || typeof v !== "object") return true;
  if (depth >= MAX_DEPTH) return false;
  return Object.entries(v).every(([k, x]) => !k.includes("\u0000") && storableJson(x, depth + 1));
}
