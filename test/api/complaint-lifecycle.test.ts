import { FIXED_DEMO_NOW } from "@tingjian/prisma";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp, sweepSla, type App } from "@tingjian/server";
import { useTestDatabase } from "@tingjian/prisma/testing";
import { gql, globalId, rowId, signIn, type Caller } from "./graphql.ts";

/**
 * SPEC §4-§6 through the API, on a clock the test sets: classification, the workflow with its
 * typed refusals, plans and promises, confirmation, the developer hand-off, SLA stages with
 * breach → escalation, pauses, optimistic concurrency, and the complaint ledger's filters.
 */
const sh = (local: string) => new Date(`${local}+08:00`);

const COMPLAINT = `id no status version valid kind severity escalated escalationLevel overdue availableActions promisedAt firstRepliedAt deemedAcceptedAt developerDeadlineAt
  assignee { login } leadDepartment { code } departments { role department { code } }
  slaStages { rule stage round clock status startedAt deadlineAt finishedAt breachedAt overdue pausedSeconds }
  escalations { level automatic reason escalatedTo { login } }
  promises { sequence promisedAt changeReason missed reconfirmedAt }
  plans { status plan causeAnalysis }
  confirmations { method satisfied confirmedByName }
  timeline(first: 100) { edges { node { kind fromStatus toStatus note actor { login } at } } }`;

interface Stage {
  rule: string;
  stage: string;
  round: number;
  clock: string;
  status: string;
  startedAt: string;
  deadlineAt: string;
  finishedAt: string | null;
  breachedAt: string | null;
  overdue: boolean;
  pausedSeconds: number;
}
interface View {
  id: string;
  no: string;
  status: string;
  version: number;
  valid: boolean | null;
  kind: string | null;
  severity: string;
  escalated: boolean;
  escalationLevel: number;
  overdue: boolean;
  availableActions: string[];
  promisedAt: string | null;
  firstRepliedAt: string | null;
  deemedAcceptedAt: string | null;
  developerDeadlineAt: string | null;
  assignee: { login: string } | null;
  leadDepartment: { code: string } | null;
  departments: { role: string; department: { code: string } }[];
  slaStages: Stage[];
  escalations: { level: number; automatic: boolean; reason: string; escalatedTo: { login: string } | null }[];
  promises: { sequence: number; promisedAt: string; changeReason: string | null; missed: boolean; reconfirmedAt: string | null }[];
  plans: { status: string; plan: string; causeAnalysis: string }[];
  confirmations: { method: string; satisfied: boolean; confirmedByName: string }[];
  timeline: {
    edges: {
      node: {
        kind: string;
        fromStatus: string | null;
        toStatus: string | null;
        note: string | null;
        actor: { login: string } | null;
        at: string;
      };
    }[];
  };
}
interface Payload {
  __typename: string;
  message?: string;
  field?: string;
  status?: string;
  allowedActions?: string[];
  currentVersion?: number;
  current?: { version: number; status: string };
  data?: View;
}

describe("complaint lifecycle (SPEC §4-§6)", () => {
  const t = useTestDatabase("demo");
  let app: App;
  let now = FIXED_DEMO_NOW;
  const callers = new Map<string, Caller>();
  const q = (sql: string, params: unknown[] = []) => t.db.pool.query(sql, params).then((r) => r.rows);
  const ids: Record<string, string> = {};

  /** Moves the clock; sessions are signed in again on the new time (a session lasts 12 h). */
  const at = (instant: Date) => {
    now = instant;
    callers.clear();
  };
  const as = async (login: string) => {
    let c = callers.get(login);
    if (!c) callers.set(login, (c = await signIn(app, login)));
    return c;
  };
  const view = async (id: string, login = "exec") => {
    const r = await gql<{ node: View }>(
      app,
      `query($id: ID!) { node(id: $id) { ... on Complaint { ${COMPLAINT} } } }`,
      { id },
      await as(login),
    );
    if (!r.data?.node) throw new Error(JSON.stringify(r));
    return r.data.node;
  };

  async function mutate(name: string, input: Record<string, unknown>, login: string): Promise<Payload> {
    const inputType = `${name[0]!.toUpperCase()}${name.slice(1)}Input`;
    const r = await gql<Record<string, Payload>>(
      app,
      `mutation($input: ${inputType}!) { ${name}(input: $input) {
      __typename ... on Error { message } ... on InputError { field } ... on WorkflowError { field status allowedActions }
      ... on ComplaintConflictError { currentVersion current { version status } }
      ... on Mutation${name[0]!.toUpperCase()}${name.slice(1)}Success { data { ${COMPLAINT} } } } }`,
      { input },
      await as(login),
    );
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return r.data![name]!;
  }
  async function ok(name: string, input: Record<string, unknown>, login: string): Promise<View> {
    const p = await mutate(name, input, login);
    if (!p.data) throw new Error(`${name} failed: ${JSON.stringify(p)}`);
    return p.data;
  }
  async function register(login: string, extra: Record<string, unknown> = {}): Promise<View> {
    const r = await gql<{ registerComplaint: { data?: { id: string }; message?: string } }>(
      app,
      `mutation($input: RegisterComplaintInput!) { registerComplaint(input: $input) { ... on MutationRegisterComplaintSuccess { data { id } } ... on Error { message } } }`,
      {
        input: {
          channel: "PHONE",
          householdId: globalId("Household", ids.household!),
          complainantName: "赵先生",
          complainantContact: "13900001111",
          content: "测试投诉内容",
          ...extra,
        },
      },
      await as(login),
    );
    if (!r.data?.registerComplaint.data) throw new Error(JSON.stringify(r));
    return view(r.data.registerComplaint.data.id);
  }
  const snapshot = async (id: string) =>
    (
      await q(
        `SELECT version, status, (SELECT count(*)::int FROM complaint_events e WHERE e.complaint_id = c.id) AS events,
      (SELECT count(*)::int FROM complaint_plans p WHERE p.complaint_id = c.id) AS plans, (SELECT count(*)::int FROM complaint_promises p WHERE p.complaint_id = c.id) AS promises
      FROM complaints c WHERE id = $1`,
        [rowId(id)],
      )
    )[0];
  const stage = (v: View, rule: string, name = "main", round = 1) =>
    v.slaStages.find((s) => s.rule === rule && s.stage === name && s.round === round)!;

  beforeAll(async () => {
    app = createApp({ prisma: t.prisma, clock: () => now });
    [{ id: ids.household }] = await q(
      `SELECT h.id FROM households h JOIN estates e ON e.id = h.estate_id WHERE e.code = 'LX' ORDER BY h.code LIMIT 1`,
    );
    [{ id: ids.leak }] = await q(
      `SELECT c.id FROM categories c JOIN categories p ON p.id = c.parent_id WHERE c.level = 2 ORDER BY p.sort_order, c.sort_order LIMIT 1`,
    );
    [{ id: ids.leakParent }] = await q(`SELECT parent_id AS id FROM categories WHERE id = $1`, [ids.leak]);
    for (const code of ["SC", "ENG", "SEC"]) [{ id: ids[code] }] = await q(`SELECT id FROM departments WHERE code = $1`, [code]);
    [{ id: ids.engHead }] = await q(`SELECT id FROM staff WHERE login = 'eng.head'`);
  });

  it("WF-1…WF-4: registered → classified → assigned → planned → in progress → resolved → confirmed, every step on the timeline", async () => {
    at(sh("2026-03-02T09:00:00"));
    const c = await register("service1");
    const v1 = await ok(
      "classifyComplaint",
      {
        id: c.id,
        version: c.version,
        valid: true,
        kind: "ENGINEERING",
        severity: "IMPORTANT",
        categoryId: globalId("Category", ids.leak!),
      },
      "service1",
    );
    expect(v1).toMatchObject({ status: "CLASSIFIED", valid: true, kind: "ENGINEERING", severity: "IMPORTANT" });
    at(sh("2026-03-02T09:30:00"));
    const v2 = await ok(
      "assignComplaint",
      {
        id: c.id,
        version: v1.version,
        leadDepartmentId: globalId("Department", ids.ENG!),
        assistingDepartmentIds: [globalId("Department", ids.SEC!)],
        assigneeId: globalId("Staff", ids.engHead!),
      },
      "service1",
    );
    expect(v2).toMatchObject({ status: "ASSIGNED", leadDepartment: { code: "ENG" }, assignee: { login: "eng.head" } });
    expect(v2.departments.map((d) => `${d.role}:${d.department.code}`).sort()).toEqual(["ASSISTING:SEC", "LEAD:ENG"]);
    // SLA-2: reached the responsible department within 2 working hours.
    expect(stage(v2, "SLA_2")).toMatchObject({ status: "MET", finishedAt: sh("2026-03-02T09:30:00").toISOString() });
    at(sh("2026-03-02T14:00:00"));
    const v3 = await ok(
      "recordComplaintPlan",
      {
        id: c.id,
        version: v2.version,
        causeAnalysis: "楼上防水层老化",
        responsibility: "COMPANY",
        plan: "重做防水",
        promisedAt: sh("2026-03-05T17:00:00").toISOString(),
      },
      "eng.head",
    );
    expect(v3).toMatchObject({ status: "PLANNED", promisedAt: sh("2026-03-05T17:00:00").toISOString() });
    // SLA-5: the site survey and plan within 8 working hours of the assignment.
    expect(stage(v3, "SLA_5")).toMatchObject({ status: "MET", clock: "WORKING" });
    const v4 = await ok("confirmComplaintPlan", { id: c.id, version: v3.version }, "service1");
    expect(v4.plans[0]!.status).toBe("CONFIRMED");
    expect(v4.promises[0]!.reconfirmedAt).not.toBeNull();
    expect(stage(v4, "SLA_9")).toMatchObject({ status: "MET" });
    const v5 = await ok("startComplaintWork", { id: c.id, version: v4.version }, "eng.head");
    at(sh("2026-03-04T16:00:00"));
    const v6 = await ok("resolveComplaint", { id: c.id, version: v5.version, note: "防水重做完毕，闭水试验通过" }, "eng.head");
    expect(v6.status).toBe("RESOLVED");
    expect(stage(v6, "SLA_6", "promise", 1)).toMatchObject({ status: "MET" });
    // WF-4: a signature needs the signed form; phone consent needs the recording.
    expect(
      await mutate("confirmComplaintResolution", { id: c.id, version: v6.version, method: "SIGNATURE", satisfied: true }, "service1"),
    ).toMatchObject({ __typename: "InputError", field: "input.signatureAttachmentId" });
    expect(
      await mutate("confirmComplaintResolution", { id: c.id, version: v6.version, method: "PHONE_CONSENT", satisfied: true }, "service1"),
    ).toMatchObject({ __typename: "InputError", field: "input.recordingId" });
    const v7 = await ok("confirmComplaintResolution", { id: c.id, version: v6.version, method: "IN_PERSON", satisfied: true }, "service1");
    expect(v7.status).toBe("CONFIRMED");
    expect(v7.confirmations).toEqual([{ method: "IN_PERSON", satisfied: true, confirmedByName: "赵先生" }]);
    const transitions = v7.timeline.edges
      .map((e) => e.node)
      .filter((n) => n.kind === "TRANSITION")
      .map((n) => `${n.fromStatus}→${n.toStatus} by ${n.actor?.login}`);
    expect(transitions).toEqual([
      "REGISTERED→CLASSIFIED by service1",
      "CLASSIFIED→ASSIGNED by service1",
      "ASSIGNED→PLANNED by eng.head",
      "PLANNED→IN_PROGRESS by eng.head",
      "IN_PROGRESS→RESOLVED by eng.head",
      "RESOLVED→CONFIRMED by service1",
    ]);
    // The timeline is append-only: later events never come before earlier ones.
    const times = v7.timeline.edges.map((e) => e.node.at);
    expect([...times].sort()).toEqual(times);
  });

  it("CLS-1: an invalid complaint is closed with its explanation; CLS-3: a major one is reported to the management representative", async () => {
    at(sh("2026-03-09T10:00:00"));
    const c = await register("service1");
    const bad = await mutate("classifyComplaint", { id: c.id, version: c.version, valid: false }, "service1");
    expect(bad).toMatchObject({ __typename: "InputError", field: "input.invalidReason" });
    const inv = await ok(
      "classifyComplaint",
      { id: c.id, version: c.version, valid: false, invalidReason: "属于市政供水，已告知业主联系自来水公司" },
      "service1",
    );
    expect(inv).toMatchObject({ status: "INVALID", valid: false, availableActions: ["REOPEN"] });
    const major = await register("service1");
    const m = await ok(
      "classifyComplaint",
      {
        id: major.id,
        version: major.version,
        valid: true,
        kind: "SERVICE",
        severity: "MAJOR",
        categoryId: globalId("Category", ids.leak!),
      },
      "service1",
    );
    expect(m.escalations).toEqual([expect.objectContaining({ escalatedTo: { login: "mgmtrep" } })]);
    expect(m.escalated).toBe(false);
  });

  it("§5: an illegal transition is a WorkflowError naming the allowed actions, and changes nothing", async () => {
    at(sh("2026-03-10T10:00:00"));
    const c = await register("service1");
    const before = await snapshot(c.id);
    const r = await mutate("resolveComplaint", { id: c.id, version: c.version, note: "想直接办结" }, "service1");
    expect(r).toMatchObject({ __typename: "WorkflowError", field: "input.id", status: "REGISTERED" });
    expect(r.allowedActions).toEqual(expect.arrayContaining(["CLASSIFY", "MARK_INVALID"]));
    expect(await snapshot(c.id)).toEqual(before);
  });

  it("bad input is a typed error naming the field and the database is unchanged (unknown category, missing kind, promise in the past, missing reason)", async () => {
    at(sh("2026-03-11T10:00:00"));
    const c = await register("service1");
    let before = await snapshot(c.id);
    expect(
      await mutate(
        "classifyComplaint",
        { id: c.id, version: c.version, valid: true, kind: "ENGINEERING", categoryId: globalId("Category", ids.household!) },
        "service1",
      ),
    ).toMatchObject({ __typename: "InputError", field: "input.categoryId" });
    expect(
      await mutate(
        "classifyComplaint",
        { id: c.id, version: c.version, valid: true, categoryId: globalId("Category", ids.leak!) },
        "service1",
      ),
    ).toMatchObject({ __typename: "InputError", field: "input.kind" });
    expect(
      await mutate(
        "classifyComplaint",
        { id: c.id, version: c.version, valid: true, kind: "ENGINEERING", categoryId: globalId("Category", ids.leakParent!) },
        "service1",
      ),
    ).toMatchObject({ __typename: "InputError", field: "input.categoryId" });
    expect(await snapshot(c.id)).toEqual(before);
    const v1 = await ok(
      "classifyComplaint",
      { id: c.id, version: c.version, valid: true, kind: "ENGINEERING", categoryId: globalId("Category", ids.leak!) },
      "service1",
    );
    const v2 = await ok(
      "assignComplaint",
      { id: c.id, version: v1.version, leadDepartmentId: globalId("Department", ids.ENG!) },
      "service1",
    );
    before = await snapshot(c.id);
    expect(
      await mutate(
        "recordComplaintPlan",
        {
          id: c.id,
          version: v2.version,
          causeAnalysis: "x",
          responsibility: "COMPANY",
          plan: "y",
          promisedAt: sh("2026-03-10T10:00:00").toISOString(),
        },
        "eng.head",
      ),
    ).toMatchObject({ __typename: "InputError", field: "input.promisedAt" });
    expect(
      await mutate(
        "recordComplaintPlan",
        {
          id: c.id,
          version: v2.version,
          causeAnalysis: " ",
          responsibility: "COMPANY",
          plan: "y",
          promisedAt: sh("2026-03-12T10:00:00").toISOString(),
        },
        "eng.head",
      ),
    ).toMatchObject({ __typename: "InputError", field: "input.causeAnalysis" });
    expect(await snapshot(c.id)).toEqual(before);
    // WF-3: a promise changes only with a written reason; both promises stay, the first marked missed.
    const v3 = await ok(
      "recordComplaintPlan",
      {
        id: c.id,
        version: v2.version,
        causeAnalysis: "管道老化",
        responsibility: "COMPANY",
        plan: "更换立管",
        promisedAt: sh("2026-03-12T17:00:00").toISOString(),
      },
      "eng.head",
    );
    at(sh("2026-03-13T09:00:00"));
    before = await snapshot(c.id);
    expect(
      await mutate(
        "recordComplaintPlan",
        {
          id: c.id,
          version: v3.version,
          causeAnalysis: "管道老化",
          responsibility: "COMPANY",
          plan: "更换立管",
          promisedAt: sh("2026-03-16T17:00:00").toISOString(),
        },
        "eng.head",
      ),
    ).toMatchObject({ __typename: "InputError", field: "input.changeReason" });
    expect(await snapshot(c.id)).toEqual(before);
    const v4 = await ok(
      "recordComplaintPlan",
      {
        id: c.id,
        version: v3.version,
        causeAnalysis: "管道老化",
        responsibility: "CONTRACTOR",
        plan: "更换立管，等待配件",
        promisedAt: sh("2026-03-16T17:00:00").toISOString(),
        changeReason: "配件缺货，供应商延期",
      },
      "eng.head",
    );
    expect(v4.promises.map((p) => [p.sequence, p.missed, p.changeReason])).toEqual([
      [1, true, null],
      [2, false, "配件缺货，供应商延期"],
    ]);
    expect(v4.timeline.edges.map((e) => e.node.kind)).toContain("PROMISE_CHANGED");
    // SLA-6: the first promise was missed: its stage is breached, the new one runs.
    expect(stage(v4, "SLA_6", "promise", 1).status).toBe("BREACHED");
    expect(stage(v4, "SLA_6", "promise", 2).status).toBe("RUNNING");
  });

  it("two users edit one complaint at the same time: the second gets a conflict with the current values, nothing of it is written", async () => {
    at(sh("2026-03-17T10:00:00"));
    const c = await register("service1");
    const first = await ok(
      "classifyComplaint",
      { id: c.id, version: c.version, valid: true, kind: "SERVICE", categoryId: globalId("Category", ids.leak!) },
      "service1",
    );
    const before = await snapshot(c.id);
    const second = await mutate(
      "classifyComplaint",
      { id: c.id, version: c.version, valid: false, invalidReason: "我以为无效" },
      "sc.head",
    );
    expect(second).toMatchObject({
      __typename: "ComplaintConflictError",
      currentVersion: first.version,
      current: { version: first.version, status: "CLASSIFIED" },
    });
    expect(await snapshot(c.id)).toEqual(before);
  });

  it("SLA-8: a service complaint at an office not resolved within 1 hour shows as breached and escalated", async () => {
    at(sh("2026-03-18T20:00:00"));
    const c = await register("frontdesk.lx");
    at(sh("2026-03-18T20:05:00"));
    const v = await ok(
      "classifyComplaint",
      { id: c.id, version: c.version, valid: true, kind: "SERVICE", categoryId: globalId("Category", ids.leak!) },
      "director.lx",
    );
    expect(stage(v, "SLA_8", "reach")).toMatchObject({ status: "MET", clock: "WALL" });
    expect(stage(v, "SLA_8", "service_resolve")).toMatchObject({ status: "RUNNING", deadlineAt: sh("2026-03-18T21:00:00").toISOString() });
    // Office complaints run the office's limits, not the company's working-hour ones.
    expect(v.slaStages.map((s) => s.rule)).not.toContain("SLA_2");
    at(sh("2026-03-18T21:01:00"));
    // Visible as overdue before the sweep has run …
    expect((await view(c.id)).overdue).toBe(true);
    const listed = await gql<{ complaints: { edges: { node: { id: string } }[] } }>(
      app,
      `{ complaints(first: 50, filter: { overdue: true, kind: [SERVICE] }) { edges { node { id } } } }`,
      {},
      await as("director.lx"),
    );
    expect(listed.data!.complaints.edges.map((e) => e.node.id)).toContain(c.id);
    // … and the sweep stores the breach and escalates one level (WF-7), to the office director.
    expect(await sweepSla(t.prisma, now)).toBeGreaterThanOrEqual(1);
    const after = await view(c.id);
    expect(stage(after, "SLA_8", "service_resolve")).toMatchObject({
      status: "BREACHED",
      breachedAt: sh("2026-03-18T21:00:00").toISOString(),
      overdue: true,
    });
    expect(after).toMatchObject({ escalated: true, escalationLevel: 1 });
    expect(after.escalations).toEqual([expect.objectContaining({ level: 1, automatic: true, escalatedTo: { login: "director.lx" } })]);
    // The system escalated it when it found the breach (the timeline is in the order things were recorded).
    const escalated = after.timeline.edges.map((e) => e.node).find((n) => n.kind === "ESCALATED")!;
    expect(escalated).toMatchObject({ actor: null, at: sh("2026-03-18T21:01:00").toISOString() });
    // A second sweep does not escalate the same breach again.
    await sweepSla(t.prisma, now);
    expect((await view(c.id)).escalationLevel).toBe(1);
    // SLA attainment counts it, numerator and denominator.
    const att = await gql<{ slaAttainment: { rule: string; stage: string; met: number; breached: number; decided: number }[] }>(
      app,
      `query($e: ID) { slaAttainment(from: "2026-03-18T00:00:00+08:00", to: "2026-03-19T00:00:00+08:00", estateId: $e) { rule stage met breached decided } }`,
      { e: null },
      await as("director.lx"),
    );
    expect(att.data!.slaAttainment).toEqual(
      expect.arrayContaining([
        { rule: "SLA_8", stage: "service_resolve", met: 0, breached: 1, decided: 1 },
        { rule: "SLA_8", stage: "reach", met: 1, breached: 0, decided: 1 },
      ]),
    );
  });

  it("§6: waiting for the customer pauses the clock and moves the deadline by the pause", async () => {
    at(sh("2026-03-19T10:00:00"));
    const c = await register("frontdesk.lx");
    const v1 = await ok(
      "classifyComplaint",
      { id: c.id, version: c.version, valid: true, kind: "SERVICE", categoryId: globalId("Category", ids.leak!) },
      "frontdesk.lx",
    );
    at(sh("2026-03-19T10:10:00"));
    const v2 = await ok("pauseComplaintClock", { id: c.id, version: v1.version, reason: "业主出差，无法入户" }, "frontdesk.lx");
    expect(stage(v2, "SLA_8", "service_resolve").status).toBe("PAUSED");
    expect(await mutate("pauseComplaintClock", { id: c.id, version: v2.version, reason: "again" }, "frontdesk.lx")).toMatchObject({
      __typename: "InputError",
    });
    at(sh("2026-03-19T10:40:00"));
    const v3 = await ok("resumeComplaintClock", { id: c.id, version: v2.version }, "frontdesk.lx");
    expect(stage(v3, "SLA_8", "service_resolve")).toMatchObject({
      status: "RUNNING",
      deadlineAt: sh("2026-03-19T11:30:00").toISOString(),
      pausedSeconds: 1800,
    });
  });

  it("§6: the time left on a working-hour deadline counts working minutes only (nights and the National Day holidays do not), negative once late, none when met", async () => {
    at(sh("2025-09-30T17:30:00"));
    const c = await register("service1");
    const v1 = await ok(
      "classifyComplaint",
      { id: c.id, version: c.version, valid: true, kind: "WARRANTY", categoryId: globalId("Category", ids.leak!) },
      "service1",
    );
    const left = async () => {
      const r = await gql<{
        node: {
          slaStages: { rule: string; stage: string; clock: string; status: string; deadlineAt: string; remainingMinutes: number | null }[];
        };
      }>(
        app,
        `query($id: ID!) { node(id: $id) { ... on Complaint { slaStages { rule stage clock status deadlineAt remainingMinutes } } } }`,
        { id: c.id },
        await as("exec"),
      );
      return r.data!.node.slaStages;
    };
    const plan = async () => (await left()).find((s) => s.rule === "SLA_7" && s.stage === "plan")!;
    // 6 working hours from 17:30 on 30 September (after hours): all of them are still ahead.
    expect(await plan()).toMatchObject({ clock: "WORKING", deadlineAt: sh("2025-10-09T16:00:00").toISOString(), remainingMinutes: 360 });
    at(sh("2025-10-05T11:00:00")); // a holiday: nothing has been used
    expect((await plan()).remainingMinutes).toBe(360);
    at(sh("2025-10-09T15:00:00")); // 08:30-12:00 and 13:30-15:00 used: one hour left
    expect((await plan()).remainingMinutes).toBe(60);
    at(sh("2025-10-09T16:45:00")); // 45 working minutes late
    expect((await plan()).remainingMinutes).toBe(-45);
    at(sh("2025-10-09T17:00:00"));
    await ok("assignComplaint", { id: c.id, version: v1.version, leadDepartmentId: globalId("Department", ids.ENG!) }, "service1");
    // A finished stage has no time left; a wall-clock stage counts every minute.
    const stages = await left();
    for (const s of stages.filter((x) => x.status === "MET" || x.status === "CANCELLED")) expect(s.remainingMinutes).toBeNull();
    for (const s of stages.filter((x) => x.clock === "WALL" && x.status === "RUNNING")) {
      expect(s.remainingMinutes).toBe(Math.trunc((Date.parse(s.deadlineAt) - sh("2025-10-09T17:00:00").getTime()) / 60_000));
    }
  });

  it("SLA-7, WF-5: registered at 17:30 on the last working day before National Day 2025; plan and hand-off deadlines on the 2025 calendar; deemed accepted when the developer is silent", async () => {
    at(sh("2025-09-30T17:30:00"));
    const c = await register("service1");
    const v1 = await ok(
      "classifyComplaint",
      { id: c.id, version: c.version, valid: true, kind: "WARRANTY", categoryId: globalId("Category", ids.leak!) },
      "service1",
    );
    // Plan within 6 working hours: nothing is left on 30 September; 1-8 October are holidays; 9 October 08:30-12:00, 13:30-16:00.
    expect(stage(v1, "SLA_7", "plan")).toMatchObject({ clock: "WORKING", deadlineAt: sh("2025-10-09T16:00:00").toISOString() });
    at(sh("2025-10-09T09:00:00"));
    const v2 = await ok(
      "assignComplaint",
      { id: c.id, version: v1.version, leadDepartmentId: globalId("Department", ids.ENG!) },
      "service1",
    );
    at(sh("2025-10-09T10:00:00"));
    const v3 = await ok(
      "recordComplaintPlan",
      {
        id: c.id,
        version: v2.version,
        causeAnalysis: "外墙渗水，保修期内",
        responsibility: "DEVELOPER",
        plan: "开发商维修外墙防水",
        promisedAt: sh("2025-10-20T17:00:00").toISOString(),
      },
      "eng.head",
    );
    expect(stage(v3, "SLA_7", "plan").status).toBe("MET");
    // To the developer within 4 working hours of the plan: 10:00-12:00, then 13:30-15:30.
    expect(stage(v3, "SLA_7", "to_developer")).toMatchObject({ status: "RUNNING", deadlineAt: sh("2025-10-09T15:30:00").toISOString() });
    at(sh("2025-10-09T15:00:00"));
    const v4 = await ok("forwardComplaintToDeveloper", { id: c.id, version: v3.version, developerName: "开发商客服部" }, "service1");
    expect(v4.status).toBe("FORWARDED_TO_DEVELOPER");
    expect(stage(v4, "SLA_7", "to_developer").status).toBe("MET");
    // The developer answers within 8 wall-clock hours.
    expect(v4.developerDeadlineAt).toBe(sh("2025-10-09T23:00:00").toISOString());
    // The developer liaison sees the forwarded complaint.
    expect((await view(c.id, "developer")).no).toBe(c.no);
    at(sh("2025-10-10T08:30:00"));
    expect(
      await mutate("recordDeveloperAnswer", { id: c.id, version: v4.version, accepted: true, response: "同意" }, "service1"),
    ).toMatchObject({ __typename: "InputError", field: "input.id" });
    await sweepSla(t.prisma, now);
    const v5 = await view(c.id);
    // Deemed accepted at the deadline's wall-clock instant, not when the system noticed.
    expect(v5).toMatchObject({ status: "IN_PROGRESS", deemedAcceptedAt: sh("2025-10-09T23:00:00").toISOString() });
    expect(stage(v5, "SLA_7", "developer_answer")).toMatchObject({ clock: "WALL", status: "BREACHED" });
    const deemed = v5.timeline.edges.map((e) => e.node).find((n) => n.kind === "DEEMED_ACCEPTED")!;
    expect(deemed).toMatchObject({ actor: null });
    // The developer's silence is not escalated; it is answered by acceptance.
    // (Issue 16: a breach's reason names the time limit in the reader's words, English without Accept-Language.)
    expect(v5.escalations.filter((e) => e.automatic && e.reason.includes("the developer's answer"))).toEqual([]);
  });

  it("C1 review: reopening a resolved complaint keeps how its first handling fared (stages and kept promises unchanged, no escalation)", async () => {
    at(sh("2026-04-06T09:00:00"));
    const c = await register("service1");
    const v1 = await ok(
      "classifyComplaint",
      {
        id: c.id,
        version: c.version,
        valid: true,
        kind: "SERVICE",
        categoryId: globalId("Category", ids.leak!),
        subjectDepartmentId: globalId("Department", ids.SEC!),
      },
      "service1",
    );
    at(sh("2026-04-06T09:30:00"));
    const v2 = await ok(
      "assignComplaint",
      { id: c.id, version: v1.version, leadDepartmentId: globalId("Department", ids.ENG!) },
      "service1",
    );
    const v3 = await ok(
      "recordComplaintPlan",
      {
        id: c.id,
        version: v2.version,
        causeAnalysis: "x",
        responsibility: "COMPANY",
        plan: "y",
        promisedAt: sh("2026-04-06T17:00:00").toISOString(),
      },
      "eng.head",
    );
    const v4 = await ok("startComplaintWork", { id: c.id, version: v3.version }, "eng.head");
    at(sh("2026-04-06T11:00:00"));
    const v5 = await ok("resolveComplaint", { id: c.id, version: v4.version, note: "已处理" }, "eng.head");
    const firstRound = v5.slaStages
      .filter((x) => x.status !== "CANCELLED")
      .map((x) => `${x.rule}/${x.stage}/${x.round}:${x.status}`)
      .sort();
    at(sh("2026-04-16T09:00:00"));
    const v6 = await ok("reopenComplaint", { id: c.id, version: v5.version, reason: "业主反映问题再次出现" }, "service1");
    expect(v6.status).toBe("REOPENED");
    expect(
      v6.slaStages
        .filter((x) => x.status !== "CANCELLED")
        .map((x) => `${x.rule}/${x.stage}/${x.round}:${x.status}`)
        .sort(),
    ).toEqual(firstRound);
    expect(v6.escalationLevel).toBe(0);
    const v7 = await ok(
      "recordComplaintPlan",
      {
        id: c.id,
        version: v6.version,
        causeAnalysis: "x",
        responsibility: "COMPANY",
        plan: "再处理",
        promisedAt: sh("2026-04-17T17:00:00").toISOString(),
        changeReason: "重新处理",
      },
      "eng.head",
    );
    expect(v7.promises.map((p) => [p.sequence, p.missed])).toEqual([
      [1, false],
      [2, false],
    ]);
    expect(stage(v7, "SLA_6", "promise", 1).status).toBe("MET");
  });

  it("CLS-1: an invalid complaint reopened is classified valid again before it is assigned", async () => {
    at(sh("2026-04-07T10:00:00"));
    const c = await register("service1");
    const inv = await ok("classifyComplaint", { id: c.id, version: c.version, valid: false, invalidReason: "不属于服务范围" }, "service1");
    const re = await ok("reopenComplaint", { id: c.id, version: inv.version, reason: "核实后属于服务范围" }, "service1");
    expect(
      await mutate("assignComplaint", { id: c.id, version: re.version, leadDepartmentId: globalId("Department", ids.ENG!) }, "service1"),
    ).toMatchObject({ __typename: "WorkflowError" });
    const valid = await ok(
      "classifyComplaint",
      { id: c.id, version: re.version, valid: true, kind: "SERVICE", categoryId: globalId("Category", ids.leak!) },
      "service1",
    );
    expect(valid).toMatchObject({ status: "CLASSIFIED", valid: true });
    expect(valid.availableActions).toContain("ASSIGN");
  });

  it("a refused mutation rolls back only itself: the operation's other mutations keep what they did and said", async () => {
    at(sh("2026-04-08T10:00:00"));
    const c = await register("service1", { channel: "LETTER" });
    // b writes the acknowledgement before it finds its version stale: that write is undone, a's reply stays.
    const r = await gql<{ a: { __typename: string; data?: { version: number } }; b: { __typename: string } }>(
      app,
      `mutation($id: ID!, $v: Int!, $stale: Int!) {
      a: recordComplaintReply(input: { id: $id, version: $v, note: "已电话告知受理" }) { __typename ... on MutationRecordComplaintReplySuccess { data { version } } }
      b: acknowledgeComplaint(input: { id: $id, version: $stale, method: LETTER }) { __typename } }`,
      { id: c.id, v: c.version, stale: c.version },
      await as("service1"),
    );
    expect(r.data).toMatchObject({
      a: { __typename: "MutationRecordComplaintReplySuccess", data: { version: c.version + 1 } },
      b: { __typename: "ComplaintConflictError" },
    });
    expect((await snapshot(c.id)).version).toBe(c.version + 1);
    expect(await q(`SELECT count(*)::int AS n FROM complaint_acknowledgements WHERE complaint_id = $1`, [rowId(c.id)])).toEqual([{ n: 0 }]);
    expect((await view(c.id)).timeline.edges.filter((e) => e.node.kind === "REPLIED").map((e) => e.node.note)).toEqual(["已电话告知受理"]);
  });

  it("SEC-2: who may not read a case may not change it; WF-2: the lead department plans and the service centre (not the author) confirms", async () => {
    at(sh("2026-04-09T10:00:00"));
    const c = await register("service1");
    const [{ id: execRow }] = await q(`SELECT id FROM staff WHERE login = 'exec'`);
    void execRow;
    await q(`UPDATE complaints SET classification = 'CONFIDENTIAL' WHERE id = $1`, [rowId(c.id)]);
    const before = await snapshot(c.id);
    expect(
      await mutate("classifyComplaint", { id: c.id, version: c.version, valid: false, invalidReason: "x" }, "frontdesk.lx"),
    ).toMatchObject({ __typename: "ForbiddenError" });
    expect(await snapshot(c.id)).toEqual(before);
    await q(`UPDATE complaints SET classification = 'SECRET' WHERE id = $1`, [rowId(c.id)]);
    const v1 = await ok(
      "classifyComplaint",
      { id: c.id, version: c.version, valid: true, kind: "ENGINEERING", categoryId: globalId("Category", ids.leak!) },
      "service1",
    );
    const v2 = await ok(
      "assignComplaint",
      { id: c.id, version: v1.version, leadDepartmentId: globalId("Department", ids.ENG!) },
      "service1",
    );
    const plan = {
      id: c.id,
      version: v2.version,
      causeAnalysis: "x",
      responsibility: "COMPANY",
      plan: "y",
      promisedAt: sh("2026-04-10T17:00:00").toISOString(),
    };
    expect(await mutate("recordComplaintPlan", plan, "frontdesk.lx")).toMatchObject({ __typename: "ForbiddenError" });
    const v3 = await ok("recordComplaintPlan", plan, "eng.head");
    expect(await mutate("confirmComplaintPlan", { id: c.id, version: v3.version }, "frontdesk.lx")).toMatchObject({
      __typename: "ForbiddenError",
    });
    expect(await mutate("confirmComplaintPlan", { id: c.id, version: v3.version }, "eng.head")).toMatchObject({
      __typename: "ForbiddenError",
    });
    expect((await ok("confirmComplaintPlan", { id: c.id, version: v3.version }, "service1")).plans[0]!.status).toBe("CONFIRMED");
  });

  it("WF-7: a breach found when a stage ends escalates too; WF-8: the system's own events are not progress", async () => {
    at(sh("2026-04-13T08:00:00"));
    const c = await register("frontdesk.lx");
    at(sh("2026-04-13T11:00:00"));
    const v = await ok("forwardToServiceCentre", { id: c.id, version: c.version, note: "超出管理处处理能力" }, "frontdesk.lx");
    expect(stage(v, "SLA_8", "to_service_centre")).toMatchObject({ status: "BREACHED" });
    expect(v).toMatchObject({ escalated: true });
    const escalatedOnly = await q(
      `SELECT count(*)::int AS n FROM complaint_events WHERE complaint_id = $1 AND kind = 'ESCALATED' AND actor_id IS NULL`,
      [rowId(c.id)],
    );
    expect(escalatedOnly[0].n).toBeGreaterThan(0);
    // Next day only the system acts on it (a breach found by the sweep): still listed as without progress.
    at(sh("2026-04-14T15:00:00"));
    await sweepSla(t.prisma, now);
    const review = await gql<{ dailyReview: { edges: { node: { id: string } }[] } }>(
      app,
      `query($e: ID) { dailyReview(date: "2026-04-14", estateId: $e, first: 500) { edges { node { id } } } }`,
      { e: null },
      await as("director.lx"),
    );
    expect(review.data!.dailyReview.edges.map((e) => e.node.id)).toContain(c.id);
  });

  it("the ledger filters by kind, severity, category tree, department, assignee, text and period; open deadlines soonest first", async () => {
    const exec = await as("exec");
    const list = async (filter: Record<string, unknown>) =>
      (
        await gql<{ complaints: { totalCount: number; edges: { node: { id: string; no: string; kind: string; severity: string } }[] } }>(
          app,
          `query($f: ComplaintFilter) { complaints(first: 500, filter: $f) { totalCount edges { node { id no kind severity } } } }`,
          { f: filter },
          exec,
        )
      ).data!.complaints;
    const period = { receivedFrom: sh("2026-03-02T00:00:00").toISOString(), receivedBefore: sh("2026-03-20T00:00:00").toISOString() };
    const mine = (
      await q(
        `SELECT id, kind, severity, assignee_id, category_id FROM complaints WHERE no IN (SELECT no FROM complaints WHERE received_by_id IN (SELECT id FROM staff WHERE login IN ('service1', 'frontdesk.lx')) AND received_at >= $1 AND received_at < $2)`,
        [period.receivedFrom, period.receivedBefore],
      )
    ).filter((r) => r.kind !== null || r.severity !== null);
    const ofMine = (l: { edges: { node: { id: string } }[] }) =>
      new Set(l.edges.map((e) => rowId(e.node.id)).filter((id) => mine.some((m) => m.id === id)));
    const expectMine = (l: { edges: { node: { id: string } }[] }, pick: (r: Record<string, unknown>) => boolean) =>
      expect([...ofMine(l)].sort()).toEqual(
        mine
          .filter(pick)
          .map((m) => m.id as string)
          .sort(),
      );
    const eng = await list({ ...period, kind: ["ENGINEERING"] });
    expect(eng.edges.every((e) => e.node.kind === "ENGINEERING")).toBe(true);
    expectMine(eng, (m) => m.kind === "ENGINEERING");
    const major = await list({ ...period, severity: ["MAJOR"] });
    expect(major.edges.every((e) => e.node.severity === "MAJOR")).toBe(true);
    expectMine(major, (m) => m.severity === "MAJOR");
    // CLS-4: a first-level category takes in everything below it.
    const child = await list({ ...period, categoryId: globalId("Category", ids.leak!) });
    const parent = await list({ ...period, categoryId: globalId("Category", ids.leakParent!) });
    expectMine(child, (m) => m.category_id === ids.leak);
    expect(parent.totalCount).toBeGreaterThanOrEqual(child.totalCount);
    expect([...ofMine(parent)]).toEqual(expect.arrayContaining([...ofMine(child)]));
    expectMine(await list({ ...period, assigneeId: globalId("Staff", ids.engHead!) }), (m) => m.assignee_id === ids.engHead);
    expect((await list({ ...period, departmentId: globalId("Department", ids.SEC!) })).edges.length).toBeGreaterThanOrEqual(1);
    const one = eng.edges[0]!.node;
    expect((await list({ text: one.no })).edges.map((e) => e.node.no)).toEqual([one.no]);
    const deadlines = await gql<{ openDeadlines: { totalCount: number; edges: { node: { deadlineAt: string; rule: string } }[] } }>(
      app,
      `{ openDeadlines(first: 20) { totalCount edges { node { rule deadlineAt } } } }`,
      {},
      exec,
    );
    const times = deadlines.data!.openDeadlines.edges.map((e) => e.node.deadlineAt);
    expect(times.length).toBeGreaterThan(0);
    expect([...times].sort()).toEqual(times);
  });
});
