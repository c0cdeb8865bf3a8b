import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { backfillSlaStages } from "@tingjian/server";
import { useBrowser } from "./harness.ts";
import { gql, signIn } from "../api/graphql.ts";

/** The Relay global id the API gives a complaint (and the detail page's URL carries). */
const gid = (uuid: string) => Buffer.from(`Complaint:${uuid}`).toString("base64");

const OPEN_STAGE = `s.finished_at IS NULL AND s.status IN ('RUNNING', 'PAUSED', 'BREACHED')`;

describe("browser: the complaint detail page", () => {
  const b = useBrowser();
  const sql = async <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
    (await b.db.db.pool.query(text, params)).rows as T[];

  // §6: `pnpm start` plans the demo complaints' SLA stages at startup; so does this copy of it.
  beforeAll(async () => {
    await backfillSlaStages(b.db.prisma, b.clock());
  });

  async function open(page: Page, uuid: string) {
    await page.goto(`${b.baseUrl}/complaints/${encodeURIComponent(gid(uuid))}`);
    await page.waitForSelector('[data-testid="complaint-header"]');
    await page.waitForSelector('[data-testid="timeline-event"]');
  }

  /** An open, non-duplicate complaint in `status` with a running deadline. */
  async function openComplaint(status: string) {
    const [row] = await sql<{ id: string; no: string; version: number; estate: string }>(
      `SELECT c.id, c.no, c.version, e.code AS estate FROM complaints c JOIN estates e ON e.id = c.estate_id
        WHERE c.status = $1 AND c.duplicate_of_id IS NULL
          AND EXISTS (SELECT 1 FROM sla_stages s WHERE s.complaint_id = c.id AND ${OPEN_STAGE})
        ORDER BY c.no LIMIT 1`,
      [status],
    );
    expect(row, `a demo complaint in ${status} with a running deadline`).toBeTruthy();
    return row!;
  }

  async function shownDeadlines(page: Page) {
    return page.$$eval('[data-testid="deadline"]', (rows) =>
      rows.map((r) => ({
        rule: r.getAttribute("data-rule"),
        stage: r.getAttribute("data-stage"),
        at: r.querySelector('[data-testid="deadline-due"]')!.getAttribute("data-at"),
      })),
    );
  }

  async function storedDeadlines(uuid: string) {
    const rows = await sql<{ rule: string; stage: string; deadline_at: Date }>(
      `SELECT s.rule, s.stage, s.deadline_at FROM sla_stages s WHERE s.complaint_id = $1 AND ${OPEN_STAGE} ORDER BY s.deadline_at, s.id`,
      [uuid],
    );
    return rows.map((r) => ({ rule: r.rule, stage: r.stage, at: r.deadline_at.toISOString() }));
  }

  it("shows the header, the running deadlines and the timeline as stored (INT-2, §5, §6)", async () => {
    const c = await openComplaint("IN_PROGRESS");
    const [row] = await sql<{ content: string; complainant_name: string; estate: string; status: string; events: number }>(
      `SELECT c.content, c.complainant_name, e.name AS estate, c.status, (SELECT count(*)::int FROM complaint_events ev WHERE ev.complaint_id = c.id) AS events
         FROM complaints c JOIN estates e ON e.id = c.estate_id WHERE c.id = $1`,
      [c.id],
    );
    const page = await b.signedIn("eng.head");
    await open(page, c.id);
    expect(await page.textContent('[data-testid="complaint-no"]')).toContain(c.no);
    expect(await page.getAttribute('[data-testid="complaint-status"]', "data-status")).toBe(row!.status);
    expect(await page.textContent('[data-testid="complaint-status"]')).toBe("处理中");
    expect(await page.textContent('[data-testid="complaint-estate"]')).toBe(row!.estate);
    // SEC-2: the department head needs to know the case, so content and complainant are plain.
    expect(await page.textContent('[data-testid="complaint-content"]')).toBe(row!.content);
    expect(await page.textContent('[data-testid="complainant-name"]')).toBe(row!.complainant_name);

    // §6: every running deadline with its due time, soonest first, and a countdown that says how it counts.
    expect(await shownDeadlines(page)).toEqual(await storedDeadlines(c.id));
    const countdown = page.locator('[data-testid="countdown"]').first();
    expect(await countdown.textContent()).toMatch(/剩余|已超/);
    expect(await countdown.getAttribute("title")).toMatch(/自然时间/);
    // §6: a working-hour deadline also says how much working time is left (or how late it is).
    const [stored] = await sql<{ working: number }>(
      `SELECT count(*)::int AS working FROM sla_stages s WHERE s.complaint_id = $1 AND ${OPEN_STAGE} AND s.clock = 'WORKING'`,
      [c.id],
    );
    const shownWorking = await page.$$eval('[data-testid="working-left"]', (els) =>
      els.map((e) => ({ text: e.textContent, minutes: Number(e.getAttribute("data-minutes")) })),
    );
    expect(shownWorking).toHaveLength(stored!.working);
    for (const w of shownWorking) expect(w.text).toMatch(w.minutes >= 0 ? /^工作时间剩余/ : /^工作时间已超/);

    // §5: the event log, newest first, as many as stored.
    expect(Number(await page.getAttribute('[data-testid="timeline-total"]', "data-total"))).toBe(row!.events);
    const newest = await sql<{ kind: string }>(`SELECT kind FROM complaint_events WHERE complaint_id = $1 ORDER BY at DESC, id DESC`, [
      c.id,
    ]);
    const shownKinds = await page.$$eval('[data-testid="timeline-event"]', (els) => els.map((e) => e.getAttribute("data-kind")));
    expect(shownKinds).toEqual(newest.map((e) => e.kind).slice(0, 20));
    await b.screenshot(page, "complaint-detail-department-head");
  });

  it("pages the timeline backwards: load earlier events until all are shown (§5)", async () => {
    const [c] = await sql<{ id: string; n: number }>(
      `SELECT c.id, (SELECT count(*)::int FROM complaint_events ev WHERE ev.complaint_id = c.id) AS n
         FROM complaints c JOIN estates e ON e.id = c.estate_id
        WHERE e.code = 'LX' AND c.status = 'VERIFIED' AND c.duplicate_of_id IS NULL ORDER BY c.no LIMIT 1`,
    );
    // A long history: 30 notes on top of what the complaint had.
    await sql(
      `INSERT INTO complaint_events (organization_id, complaint_id, at, kind, note)
       SELECT c.organization_id, c.id, c.received_at + make_interval(mins => n), 'NOTE', '跟进记录 ' || n FROM complaints c, generate_series(1, 30) n WHERE c.id = $1`,
      [c!.id],
    );
    const total = c!.n + 30;
    const page = await b.signedIn("frontdesk.lx");
    await open(page, c!.id);
    const events = page.locator('[data-testid="timeline-event"]');
    expect(await events.count()).toBe(20);
    while (await page.locator('[data-testid="timeline-more"]').count()) {
      const before = await events.count();
      await page.click('[data-testid="timeline-more"]');
      await expect.poll(() => events.count()).toBeGreaterThan(before);
    }
    expect(await events.count()).toBe(total);
    const [oldest] = await sql<{ kind: string }>(`SELECT kind FROM complaint_events WHERE complaint_id = $1 ORDER BY at, id LIMIT 1`, [
      c!.id,
    ]);
    expect(await events.last().getAttribute("data-kind")).toBe(oldest!.kind);
    expect(await page.textContent('[data-testid="timeline"]')).toContain("跟进记录 30");
  });

  it("a front desk records the complainant's confirmation: status, timeline and deadlines change and stay after a reload (WF-4, CB-1, SLA-10/11)", async () => {
    // Preferably one that gets a callback (CB-1); an exempt one (CB-8) gets none.
    const [c] = await sql<{ id: string; no: string; version: number; estate: string; exempt: boolean }>(
      `SELECT c.id, c.no, c.version, lower(e.code) AS estate, c.callback_exempt AS exempt FROM complaints c JOIN estates e ON e.id = c.estate_id
        WHERE c.status = 'RESOLVED' AND c.duplicate_of_id IS NULL AND c.complainant_name IS NOT NULL ORDER BY c.callback_exempt, c.no LIMIT 1`,
    );
    expect(c, "a resolved demo complaint").toBeTruthy();
    const page = await b.signedIn(`frontdesk.${c!.estate}`);
    await open(page, c!.id);
    const eventsBefore = Number(await page.getAttribute('[data-testid="timeline-total"]', "data-total"));
    expect(await shownDeadlines(page)).toEqual(await storedDeadlines(c!.id));
    expect(await page.locator('[data-testid="action-CONFIRM"]').count()).toBe(1);

    await page.click('[data-testid="action-CONFIRM"]');
    await page.selectOption('[data-testid="field-method"]', "IN_PERSON");
    await page.selectOption('[data-testid="field-satisfied"]', "true");
    await page.fill('[data-testid="field-note"]', "当面确认，维修效果满意");
    await b.screenshot(page, "complaint-detail-confirm-form");
    await page.click('[data-testid="action-submit"]');
    await page.waitForSelector('[data-testid="action-form"]', { state: "detached" });
    await expect.poll(() => page.getAttribute('[data-testid="complaint-status"]', "data-status")).toBe("CONFIRMED");
    await page.waitForSelector('[data-testid="action-done"]');

    // Persisted: the row, its events, and the callback clock that starts with the confirmation (CB-1).
    const [after] = await sql<{ status: string; version: number }>(`SELECT status, version FROM complaints WHERE id = $1`, [c!.id]);
    expect(after).toEqual({ status: "CONFIRMED", version: c!.version + 1 });
    const stored = await storedDeadlines(c!.id);
    // SLA-10/SLA-11: the callback clock starts with the confirmation, unless the complaint is exempt (CB-8).
    expect(stored.some((s) => s.rule === "SLA_10" || s.rule === "SLA_11")).toBe(!c!.exempt);
    if (c!.exempt) expect(await page.textContent('[data-testid="complaint-header"]')).toContain("免回访");
    await expect.poll(() => shownDeadlines(page)).toEqual(stored);
    await expect
      .poll(async () => Number(await page.getAttribute('[data-testid="timeline-total"]', "data-total")))
      .toBeGreaterThan(eventsBefore);

    await page.reload();
    await page.waitForSelector('[data-testid="timeline-event"]');
    expect(await page.getAttribute('[data-testid="complaint-status"]', "data-status")).toBe("CONFIRMED");
    expect(await shownDeadlines(page)).toEqual(stored);
    const kinds = await page.$$eval('[data-testid="timeline-event"]', (els) => els.map((e) => e.getAttribute("data-kind")));
    expect(kinds).toContain("CONFIRMED");
    expect(await page.textContent('[data-testid="timeline"]')).toContain("当面确认，维修效果满意");
    expect(await page.textContent('[data-testid="confirmations"]')).toContain("当面");
    // CONFIRMED offers no CONFIRM any more.
    expect(await page.locator('[data-testid="action-CONFIRM"]').count()).toBe(0);
    await b.screenshot(page, "complaint-detail-confirmed");
  });

  it("names the field of a validation error, and on a stale version says so, keeps the typed text and resubmits on the new version (WF-3, §5)", async () => {
    const c = await openComplaint("IN_PROGRESS");
    const page = await b.signedIn("eng.head", { locale: "en" });
    await open(page, c.id);
    const running = await shownDeadlines(page);
    expect(running).toEqual(await storedDeadlines(c.id));
    expect(running.some((s) => s.rule === "SLA_6")).toBe(true);

    // WF-2/WF-3: a promise in the past is refused on its field; nothing typed is lost.
    await page.click('[data-testid="action-RECORD_PLAN"]');
    await page.fill('[data-testid="field-causeAnalysis"]', "Supplier delay");
    await page.selectOption('[data-testid="field-responsibility"]', "CONTRACTOR");
    await page.fill('[data-testid="field-plan"]', "Replace the drain pipe");
    await page.fill('[data-testid="field-promisedAt"]', "2020-01-01T10:00");
    await page.fill('[data-testid="field-changeReason"]', "Parts arrive later");
    await page.click('[data-testid="action-submit"]');
    await page.waitForSelector('[data-testid="field-error-promisedAt"]');
    expect(await page.textContent('[data-testid="field-error-promisedAt"]')).toMatch(/future/i);
    expect(await page.inputValue('[data-testid="field-plan"]')).toBe("Replace the drain pipe");
    await page.click('[data-testid="action-cancel"]');

    // Someone else changes the complaint after it was read.
    await page.click('[data-testid="action-RESOLVE"]');
    const typed = "Drain pipe replaced, water test passed";
    await page.fill('[data-testid="field-note"]', typed);
    await sql(`UPDATE complaints SET version = version + 1 WHERE id = $1`, [c.id]);
    await page.click('[data-testid="action-submit"]');
    await page.waitForSelector('[data-testid="conflict"]');
    expect(await page.textContent('[data-testid="conflict"]')).toMatch(/Someone else changed this complaint \(now version \d+/);
    expect(await page.inputValue('[data-testid="field-note"]')).toBe(typed);
    await b.screenshot(page, "complaint-detail-conflict");
    const [stale] = await sql<{ status: string }>(`SELECT status FROM complaints WHERE id = $1`, [c.id]);
    expect(stale!.status).toBe("IN_PROGRESS");

    // Keep mine: sent again on the version now current, and it goes through.
    await page.click('[data-testid="conflict-retry"]');
    await page.waitForSelector('[data-testid="action-form"]', { state: "detached" });
    await expect.poll(() => page.getAttribute('[data-testid="complaint-status"]', "data-status")).toBe("RESOLVED");
    const [done] = await sql<{ status: string; version: number }>(`SELECT status, version FROM complaints WHERE id = $1`, [c.id]);
    expect(done).toEqual({ status: "RESOLVED", version: c.version + 2 });
    const [note] = await sql<{ note: string }>(
      `SELECT note FROM complaint_events WHERE complaint_id = $1 AND to_status = 'RESOLVED' ORDER BY at DESC LIMIT 1`,
      [c.id],
    );
    expect(note!.note).toBe(typed);
    // SLA-6: the promise's clock stopped with the resolution; what runs now is what the database says.
    const after = await storedDeadlines(c.id);
    expect(after.some((s) => s.rule === "SLA_6")).toBe(false);
    await expect.poll(() => shownDeadlines(page)).toEqual(after);
    const [kept] = await sql<{ status: string }>(
      `SELECT status FROM sla_stages WHERE complaint_id = $1 AND rule = 'SLA_6' ORDER BY round DESC LIMIT 1`,
      [c.id],
    );
    expect(["MET", "BREACHED"]).toContain(kept!.status);
    await expect.poll(() => page.getAttribute('[data-testid="timeline-event"]', "data-kind")).toBe("TRANSITION");
    expect(await page.textContent('[data-testid="timeline-event"]')).toContain(typed);
    await b.screenshot(page, "complaint-detail-resolved");
  });

  /** A new complaint at an estate's household, registered and classified (valid) through the API by `login`. */
  async function newClassifiedComplaint(estate: string, login: string) {
    const caller = await signIn(b.app, login);
    const [h] = await sql<{ id: string }>(
      `SELECT h.id FROM households h JOIN estates e ON e.id = h.estate_id WHERE e.code = $1 ORDER BY h.code LIMIT 1`,
      [estate],
    );
    const [cat] = await sql<{ id: string }>(`SELECT id FROM categories WHERE level = 2 ORDER BY sort_order LIMIT 1`);
    const reg = await gql<{ registerComplaint: { data?: { id: string; version: number } } }>(
      b.app,
      `mutation($input: RegisterComplaintInput!) {
      registerComplaint(input: $input) { ... on MutationRegisterComplaintSuccess { data { id version } } ... on Error { message } } }`,
      {
        input: {
          channel: "PHONE",
          householdId: Buffer.from(`Household:${h!.id}`).toString("base64"),
          complainantName: "钱女士",
          complainantContact: "13900002222",
          content: "楼道灯坏了一周",
        },
      },
      caller,
    );
    const c = reg.data!.registerComplaint.data!;
    const cls = await gql<{ classifyComplaint: { data?: { version: number } } }>(
      b.app,
      `mutation($input: ClassifyComplaintInput!) {
      classifyComplaint(input: $input) { ... on MutationClassifyComplaintSuccess { data { version } } ... on Error { message } } }`,
      {
        input: {
          id: c.id,
          version: c.version,
          valid: true,
          kind: "SERVICE",
          severity: "GENERAL",
          categoryId: Buffer.from(`Category:${cat!.id}`).toString("base64"),
        },
      },
      caller,
    );
    expect(cls.data?.classifyComplaint.data, JSON.stringify(cls)).toBeTruthy();
    return Buffer.from(c.id, "base64").toString().split(":")[1]!;
  }

  /** The people a person picker offers, as [global id, label] (the empty choice left out). */
  async function offered(page: Page, field: string) {
    await page.waitForSelector(`[data-testid="field-${field}"][data-loaded="true"]`);
    return page.$$eval(`[data-testid="field-${field}"] option`, (os) =>
      os.map((o) => [(o as HTMLOptionElement).value, o.textContent ?? ""] as [string, string]).filter(([v]) => v !== ""),
    );
  }

  it("assigns to a person picked from the lead department's members who may handle the case, and shows them (WF-1, SLA-8, SEC-2)", async () => {
    const uuid = await newClassifiedComplaint("KC", "service1");
    const staffGid = (id: string) => Buffer.from(`Staff:${id}`).toString("base64");
    const deptGid = async (code: string) =>
      Buffer.from(`Department:${(await sql<{ id: string }>(`SELECT id FROM departments WHERE code = $1`, [code]))[0]!.id}`).toString(
        "base64",
      );
    const people = async (where: string) =>
      (
        await sql<{
          id: string;
          display_name: string;
          login: string;
        }>(`SELECT s.id, s.display_name, s.login FROM staff s JOIN departments d ON d.id = s.department_id
      WHERE ${where} AND s.active ORDER BY s.display_name, s.id`)
      ).map((s) => ({ ...s, gid: staffGid(s.id) }));
    const page = await b.signedIn("service1");
    await open(page, uuid);
    expect(await page.textContent('[data-testid="complaint-assignee"]')).toBe("—");
    await page.click('[data-testid="action-ASSIGN"]');
    // No lead department yet: nobody to choose from.
    expect(await page.isDisabled('[data-testid="field-assigneeId"]')).toBe(true);

    // The engineering department: its head only.
    await page.selectOption('[data-testid="field-leadDepartmentId"]', await deptGid("ENG"));
    const eng = await people(`d.code = 'ENG'`);
    expect((await offered(page, "assigneeId")).map(([v]) => v)).toEqual(eng.map((p) => p.gid));
    await page.selectOption('[data-testid="field-assigneeId"]', eng[0]!.gid);

    // The estate's own office: its front desk, assistants and director (role labels beside the names),
    // and the head picked before is no longer chosen.
    await page.selectOption('[data-testid="field-leadDepartmentId"]', await deptGid("KC-OFFICE"));
    const office = await people(`d.code = 'KC-OFFICE'`);
    expect(office.map((p) => p.login).sort()).toEqual(["assistant.kc", "assistant2.kc", "director.kc", "frontdesk.kc"]);
    await expect.poll(async () => (await offered(page, "assigneeId")).map(([v]) => v)).toEqual(office.map((p) => p.gid));
    expect(await page.inputValue('[data-testid="field-assigneeId"]')).toBe("");
    const director = office.find((p) => p.login === "director.kc")!;
    expect(Object.fromEntries(await offered(page, "assigneeId"))[director.gid]).toContain("管理处主任");
    await page.selectOption('[data-testid="field-assigneeId"]', director.gid);
    await b.screenshot(page, "complaint-detail-assign-person");
    await page.click('[data-testid="action-submit"]');
    await page.waitForSelector('[data-testid="action-form"]', { state: "detached" });
    await expect.poll(() => page.getAttribute('[data-testid="complaint-status"]', "data-status")).toBe("ASSIGNED");
    await expect.poll(() => page.textContent('[data-testid="complaint-assignee"]')).toBe(director.display_name);
    const [row] = await sql<{ assignee_id: string; code: string }>(
      `SELECT c.assignee_id, d.code FROM complaints c JOIN departments d ON d.id = c.lead_department_id WHERE c.id = $1`,
      [uuid],
    );
    expect(row).toEqual({ assignee_id: director.id, code: "KC-OFFICE" });

    // WF-7: escalated to a supervisor picked from those who may decide it (not the caller's choice of anyone).
    await page.click('[data-testid="action-ESCALATE"]');
    const supervisors = await offered(page, "toStaffId");
    const [sec] = await people(`s.login = 'sec.head'`);
    expect(supervisors.map(([v]) => v)).toContain(director.gid);
    expect(supervisors.map(([v]) => v)).not.toContain(office.find((p) => p.login === "frontdesk.kc")!.gid);
    await page.fill('[data-testid="field-reason"]', "需要安全部主管决定");
    await page.selectOption('[data-testid="field-toStaffId"]', sec!.gid);
    await page.click('[data-testid="action-submit"]');
    await page.waitForSelector('[data-testid="action-form"]', { state: "detached" });
    await expect.poll(() => page.textContent('[data-testid="escalations"]')).toContain(sec!.display_name);

    await page.reload();
    await page.waitForSelector('[data-testid="timeline-event"]');
    expect(await page.textContent('[data-testid="complaint-assignee"]')).toBe(director.display_name);
    expect(await page.textContent('[data-testid="escalations"]')).toContain(sec!.display_name);
    const [esc] = await sql<{ escalated_to_id: string }>(`SELECT escalated_to_id FROM complaint_escalations WHERE complaint_id = $1`, [
      uuid,
    ]);
    expect(esc!.escalated_to_id).toBe(sec!.id);
  });

  it("shows the analyst the complaint with content and complainant masked and no actions (SEC-2, SEC-7)", async () => {
    const [c] = await sql<{ id: string; no: string; content: string; complainant_name: string; complainant_contact: string }>(
      `SELECT c.id, c.no, c.content, c.complainant_name, c.complainant_contact FROM complaints c
        WHERE c.status = 'VERIFIED' AND c.duplicate_of_id IS NULL AND length(c.content) > 6
          AND length(c.complainant_name) > 1 AND c.complainant_contact IS NOT NULL
        ORDER BY c.no LIMIT 1`,
    );
    const page = await b.signedIn("analyst");
    await open(page, c!.id);
    expect(await page.textContent('[data-testid="complaint-no"]')).toContain(c!.no);
    const html = await page.content();
    expect(html).not.toContain(c!.content);
    expect(html).not.toContain(c!.complainant_name);
    expect(html).not.toContain(c!.complainant_contact);
    expect(await page.textContent('[data-testid="complaint-content"]')).toMatch(/\*/);
    expect(await page.textContent('[data-testid="complainant-contact"]')).toMatch(/\*{4}/);
    expect(await page.locator('[data-testid="actions"]').count()).toBe(0);
    expect(await page.locator('[data-testid^="action-"]').count()).toBe(0);
    await b.screenshot(page, "complaint-detail-analyst");
  });

  it("says a complaint outside the caller's scope is not there, in the caller's language (WF-5, §2)", async () => {
    const [c] = await sql<{ id: string }>(`SELECT id FROM complaints WHERE forwarded_to_developer_at IS NULL ORDER BY no LIMIT 1`);
    const page = await b.signedIn("developer", { locale: "en" });
    await page.goto(`${b.baseUrl}/complaints/${encodeURIComponent(gid(c!.id))}`);
    await page.waitForSelector('[data-testid="complaint-not-found"]');
    expect(await page.textContent('[data-testid="complaint-not-found"]')).toContain("outside your scope");
  });
});
