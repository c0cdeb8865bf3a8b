import { describe, expect, it } from "vitest";
import { seedDemoData } from "@tingjian/prisma";
import { useTestDatabase } from "@tingjian/prisma/testing";
import { backfillSlaStages, clockFrom, createApp, type App } from "@tingjian/server";
import { gql, signIn } from "./graphql.ts";

/**
 * The demo company is generated relative to the instant it is created (issue 14): started on any
 * day, its workbench has complaints of the last days and deadlines still running, this month has
 * its visit plans and the current quarter its figures, and nothing open is late by weeks.
 * Generated here at the real "now" (CI runs this file again with the clock moved a month ahead and
 * to a year end) and at an explicit year-end instant, with the server's clock starting there.
 */
const DAY = 86_400_000;
const OPEN = ["REGISTERED", "CLASSIFIED", "ASSIGNED", "PLANNED", "IN_PROGRESS", "FORWARDED_TO_DEVELOPER", "REOPENED"];

const WORKBENCH = `query($open: [ComplaintStatus!], $week: DateTime!) {
  open: complaints(first: 0, filter: { status: $open }) { totalCount }
  running: complaints(first: 0, filter: { status: $open, overdue: false }) { totalCount }
  week: complaints(first: 0, filter: { receivedFrom: $week }) { totalCount }
  quarter: metrics(input: { period: QUARTER, metrics: [COMPLAINT_SHARE, CALLBACK_SATISFACTION] }) { from to slices { figures { metric numerator denominator } } }
}`;

interface Workbench {
  open: { totalCount: number };
  running: { totalCount: number };
  week: { totalCount: number };
  quarter: { from: string; to: string; slices: { figures: { metric: string; numerator: number; denominator: number }[] }[] };
}

/** YYYY-MM of an instant in Shanghai (the demo company's timezone). */
const localMonth = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 7);

function demoGeneratedAt(label: string, at: () => Date) {
  describe(`the demo generated ${label}`, () => {
    const t = useTestDatabase("empty");
    const q = (sql: string, params: unknown[] = []) => t.db.pool.query(sql, params).then((r) => r.rows);
    let now: Date;
    let app: App;

    it("is current: this week's complaints, running deadlines, this month's plans, the quarter's figures; nothing late by weeks", async () => {
      now = at();
      await seedDemoData(t.db.pool, { scale: 0.1, now });
      // As `pnpm start` does: the server's clock starts at the instant the demo was generated.
      const clock = clockFrom(now);
      await backfillSlaStages(t.prisma, clock());
      app = createApp({ prisma: t.prisma, clock });
      const exec = await signIn(app, "exec");

      const r = await gql<Workbench>(app, WORKBENCH, { open: OPEN, week: new Date(now.getTime() - 7 * DAY).toISOString() }, exec);
      expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
      const w = r.data!;
      expect(w.week.totalCount).toBeGreaterThan(0);
      expect(w.open.totalCount).toBeGreaterThan(0);
      expect(w.running.totalCount).toBeGreaterThan(0);

      // The report opens on the quarter holding today, and it has figures.
      expect(new Date(w.quarter.from).getTime()).toBeLessThanOrEqual(now.getTime());
      expect(new Date(w.quarter.to).getTime()).toBeGreaterThan(now.getTime());
      const figure = (metric: string) => w.quarter.slices[0]!.figures.find((f) => f.metric === metric)!;
      expect(figure("COMPLAINT_SHARE").denominator).toBeGreaterThan(0);
      expect(figure("CALLBACK_SATISFACTION").denominator).toBeGreaterThan(0);

      // Nothing received after now; the newest complaint is hours old, not weeks.
      const [{ newest, future }] = await q(
        `SELECT max(received_at) AS newest, count(*) FILTER (WHERE received_at > $1)::int AS future FROM complaints`,
        [now],
      );
      expect(future).toBe(0);
      expect(now.getTime() - new Date(newest).getTime()).toBeLessThan(2 * DAY);
      // The open deadlines were missed, if at all, in the last days (the first sweep escalates a few, not the history).
      const [{ late }] = await q(
        `SELECT count(*)::int AS late FROM sla_stages s JOIN complaints c ON c.id = s.complaint_id
        WHERE s.status = 'RUNNING' AND c.status = ANY($2::complaint_status[]) AND s.deadline_at < $1::timestamptz - interval '7 days'`,
        [now, OPEN],
      );
      expect(late).toBe(0);
      // This month's visit plan is open at every office.
      const plans = await q(`SELECT e.code, p.status FROM visit_plans p JOIN estates e ON e.id = p.estate_id WHERE p.month = $1::date`, [
        `${localMonth(now)}-01`,
      ]);
      expect(plans.length).toBeGreaterThan(0);
      expect(plans.every((p) => p.status === "ACTIVE")).toBe(true);
      // The latest survey campaign is running now.
      const [campaign] = await q(`SELECT starts_at, ends_at, status FROM survey_campaigns ORDER BY starts_at DESC LIMIT 1`);
      expect(campaign.status).toBe("RUNNING");
      expect(new Date(campaign.starts_at).getTime()).toBeLessThan(now.getTime());
      expect(new Date(campaign.ends_at).getTime()).toBeGreaterThan(now.getTime());
    });
  });
}

demoGeneratedAt("now", () => new Date());
demoGeneratedAt("at a year end (2027-12-31 23:30 in Shanghai)", () => new Date("2027-12-31T23:30:00+08:00"));
