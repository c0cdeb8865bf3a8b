import { DEFAULT_POLICY_VALUES } from "../company-defaults.ts";
import type { EstateInfo } from "./company.ts";
import { localDate, type SeedContext } from "./context.ts";

/**
 * The defaults of SPEC §6-§11 as policy values effective from the start of the demo history,
 * plus changes that show effective dating and per-estate overrides.
 */
export async function seedPolicies(ctx: SeedContext, estates: EstateInfo[]) {
  const { rng, organizationId } = ctx;
  const from = localDate(ctx.start);
  // The quality target was raised at the start of the year the company is generated in.
  const year = localDate(ctx.end).slice(0, 4);
  const raised = `${year}-01-01`;
  const p = (
    key: string,
    value: number,
    unit: string,
    clock: string | null,
    note: string,
    estateId: string | null = null,
    effectiveFrom = from,
    effectiveTo: string | null = null,
  ) => ({
    id: rng.uuid(),
    organizationId,
    key,
    estateId,
    valueNumeric: value,
    unit,
    clock,
    note,
    effectiveFrom,
    effectiveTo,
    createdAt: ctx.start,
  });
  // The shipped defaults (company-defaults.ts) in their order; the demo's quality target was
  // raised at the start of the year, so its first value ends there and a second follows.
  const rows = DEFAULT_POLICY_VALUES.flatMap((d) =>
    d.key === "SUR-4.satisfactionTarget"
      ? [
          p(d.key, d.value, d.unit, d.clock, d.note, null, from, raised),
          p(d.key, 92, d.unit, d.clock, `SUR-4 quality target raised for ${year}`, null, raised),
        ]
      : [p(d.key, d.value, d.unit, d.clock, d.note)],
  );
  // Commercial tenants are visited every year in full (VIS-1) and held to a higher target.
  for (const e of estates.filter((x) => x.kind === "COMMERCIAL")) {
    rows.push(p("SUR-4.satisfactionTarget", 95, "PERCENT", null, "SUR-4 commercial estate override", e.id));
  }
  await ctx.writer.insert("policy_values", rows);
}
