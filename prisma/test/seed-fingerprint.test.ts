import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../src/testing/index.ts";
import { FIXED_DEMO_NOW, seedDemoData } from "../src/seed/index.ts";

/**
 * The demo company at FIXED_DEMO_NOW is pinned down row for row: an md5 per table of every
 * seeded row, recorded below. A refactoring of the generator must leave every hash as it is (the
 * order of the random draws included); a deliberate change to the data updates the record
 * (run with PRINT_SEED_FINGERPRINT=1 to print the new one).
 */
const RECORDED: Record<string, string> = {
  access_designations: "6:504bc12fc8322b02fb721da1b3b4086f",
  attachments: "839:25c15eb8a4beb055a565e1d916cc3841",
  buildings: "4:26d049d7b60c0f458cad379e695cf4c3",
  calendar_days: "108:b8b52a432d11deaea07b608fec4143ff",
  callback_ratings: "4176:510ec1c865edf00e3ae53d5014ee586c",
  callbacks: "1575:d1adf62cb8e7bc9fa492203276e55bbf",
  categories: "34:c049f4545cac63634a40403725ddefb7",
  complaint_confirmations: "1443:249f4763e35262779941573ec57ffbbd",
  complaint_departments: "1478:4875aa31fbf8e85addaecd51c1c7a230",
  complaint_events: "12226:2a936f96024bfdbef4eb76573922bfc2",
  complaint_plans: "576:0fdeda544a70ab20612af801798f2745",
  complaint_promises: "645:14a98880a9ec20e9c9952e1f743cdb31",
  complaints: "1454:ba6c449aadcff8dc7a308d3d92d9c6ef",
  customers: "353:456e79fb23d89f6a69fb8c31f33e1d72",
  departments: "10:800702a1a028d19dad0a33e24d6f5469",
  estates: "4:cb37e40e547beebcb069f385220ab834",
  household_members: "353:0414d782276588b207fc224c90fdb29f",
  households: "290:49ea19273c9d2cf577bd877051bcc112",
  nonconformity_reports: "80:82cd61d6c160e78272967cdc09e9a12a",
  offices: "4:16009682cfd753aecf14c9400802f962",
  organizations: "1:30022565f7f843a29b5e4580541ad2a1",
  policy_values: "32:aebf64bab12673f0ffd731a2fb8003dd",
  questionnaire_dimensions: "21:e585060b033609582ad952b158442d25",
  questionnaires: "2:f95200cee57d6c0d46b74aa87c51fade",
  staff: "30:f91688e66989dba07e8ccebffb378693",
  staff_estate_scopes: "16:135aefa1ea12162597307d1d5afb5a58",
  survey_campaign_estates: "24:63b01beb57b73ba8f35db3b9abb2c18a",
  survey_campaigns: "6:0cecc3e0be72c74107b829918ab133e3",
  survey_handouts: "1271:c47e8729623bad70f34e4612e8eadd10",
  survey_responses: "10347:8462870ab8d566f31dcb7d4c4e725680",
  survey_sample_members: "1271:8541427fe49c7a19bbd813f955ddd655",
  survey_samples: "24:b04e46246514c65c09c542a7f6dc21a5",
  survey_tasks: "24:8db6f12823ae01ff06194c7c7b10d835",
  units: "5:1766966028d4b5ca851fd8043f58b9bc",
  visit_plans: "144:7d6fc41f8e5a353fd0c460eeb178bae0",
  visit_records: "1086:df91f18f3605a0e424ac0b2f0c9ad7ed",
  working_calendars: "1:53aacc33c2ba18238981e69fc2f32e7d",
  working_time_slots: "10:ba9dcadd458be146f25744252ea422ac",
};

describe("the demo company at FIXED_DEMO_NOW", () => {
  const t = useTestDatabase("empty");

  it("has exactly the recorded rows in every table", async () => {
    await seedDemoData(t.db.pool, { scale: 0.05, now: FIXED_DEMO_NOW });
    const client = await t.db.pool.connect();
    const actual: Record<string, string> = {};
    try {
      // Text forms independent of the session and the server's locale.
      await client.query(`SET TimeZone = 'UTC'`);
      await client.query(`SET DateStyle = 'ISO, YMD'`);
      await client.query(`SET IntervalStyle = 'postgres'`);
      await client.query(`SET extra_float_digits = 1`);
      const { rows: tables } = await client.query<{ t: string }>(
        `SELECT tablename AS t FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations' ORDER BY tablename COLLATE "C"`,
      );
      for (const { t: table } of tables) {
        const { rows } = await client.query<{ n: number; h: string | null }>(
          `SELECT count(*)::int AS n, md5(string_agg(r::text, E'\\n' ORDER BY r::text COLLATE "C")) AS h FROM ${client.escapeIdentifier(table)} r`,
        );
        if (rows[0]!.n > 0) actual[table] = `${rows[0]!.n}:${rows[0]!.h}`;
      }
    } finally {
      await client.query(`RESET ALL`);
      client.release();
    }
    if (process.env.PRINT_SEED_FINGERPRINT) console.log(JSON.stringify(actual, null, 2));
    expect(Object.keys(actual).length).toBeGreaterThan(10);
    expect(actual).toEqual(RECORDED);
  }, 300_000);
});
