import { builder } from "../../builder.ts";
import { STANDARD_ERRORS } from "../errors.ts";
import { PREFERENCE_KEY, savePreference } from "../../services/access/preferences.ts";

builder.queryField("preference", (t) =>
  t.withAuth({ authenticated: true }).string({
    nullable: true,
    description: "One of your settings as JSON text (null when never saved)",
    args: { key: t.arg.string({ required: true, description: 'The setting, e.g. "grid.complaints"' }) },
    resolve: async (_r, args, ctx) => {
      if (!PREFERENCE_KEY.test(args.key)) return null;
      const row = await ctx.prisma.userPreference.findUnique({
        where: { staffId_key: { staffId: ctx.viewer.staffId, key: args.key } },
        select: { value: true },
      });
      return row ? JSON.stringify(row.value) : null;
    },
  }),
);

const SavePreferenceInput = builder.inputType("SavePreferenceInput", {
  description: "One of your settings",
  fields: (t) => ({
    key: t.string({ required: true, description: 'e.g. "grid.complaints"' }),
    value: t.string({ required: false, description: "JSON text of at most 32 KB; null removes the setting" }),
  }),
});

builder.mutationField("savePreference", (t) =>
  t.withAuth({ authenticated: true }).boolean({
    description: "Saves (or with a null value removes) one of your settings",
    errors: { types: STANDARD_ERRORS },
    args: { input: t.arg({ type: SavePreferenceInput, required: true, description: "The key and its value" }) },
    resolve: async (_r, { input }, ctx) => {
      await savePreference(ctx, { key: input.key, value: input.value ?? null });
      return true;
    },
  }),
);
