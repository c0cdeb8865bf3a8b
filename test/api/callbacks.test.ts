import { beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "@tingjian/server";
import { useTestDatabase } from "@tingjian/prisma/testing";
import { gql, globalId, rowId, signIn, type Caller } from "./graphql.ts";

/**
 * SPEC §7 callbacks (CB-1…CB-11) through the API, on a test clock in 2031 (after the demo data, so
 * the month's statistics are this file's own).
 */
const sh = (local: string) => new Date(`${local}+08:00`);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]).toString("base64");
const SIGNATURE = { fileName: "签名.png", mimeType: "image/png", contentBase64: PNG };

const CALLBACK = `id no kind method status sequence dueAt overdue assignedTo { login } staff { login } reached satisfied signed comment version
  previousCallback { id } ratings { dimension rating satisfied } issues { id description answeredOnSpot promisedReplyAt resolved version } reviewedBy { login } reviewSigned`;
interface CallbackView {
  id: string;
  no: string;
  kind: string;
  method: string | null;
  status: string;
  sequence: number;
  dueAt: string | null;
  overdue: boolean;
  assignedTo: { login: string } | null;
  staff: { login: string } | null;
  reached: boolean | null;
  satisfied: boolean | null;
  signed: boolean;
  comment: string | null;
  version: number;
  previousCallback: { id: string } | null;
  ratings: { dimension: string; rating: number | null; satisfied: boolean | null }[];
  issues: {
    id: string;
    description: string;
    answeredOnSpot: boolean;
    promisedReplyAt: string | null;
    resolved: boolean;
    version: number;
  }[];
  reviewedBy: { login: string } | null;
  reviewSigned: boolean;
}
interface ComplaintView {
  id: string;
  version: number;
  status: string;
  callbacks: CallbackView[];
  slaStages: { rule: string; status: string; deadlineAt: string }[];
  timeline: { edges: { node: { kind: string; note: string | null; summary: string | null } }[] };
  openLetters: { title: string }[];
}
const COMPLAINT = `id version status callbacks { ${CALLBACK} } slaStages { rule status deadlineAt } timeline(first: 100) { edges { node { kind note summary } } } openLetters { title }`;

describe("callbacks (SPEC §7, CB-1…CB-11)", () => {
  const t = useTestDatabase("demo");
  let app: App;
  let now = sh("2031-05-05T09:00:00");
  const callers = new Map<string, Caller>();
  const q = (sql: string, params: unknown[] = []) => t.db.pool.query(sql, params).then((r) => r.rows);
  const ids: Record<string, string> = {};
  let householdIndex = 0;

  const at = (instant: Date) => {
    now = instant;
    callers.clear();
  };
  const as = async (login: string) => {
    let c = callers.get(login);
    if (!c) callers.set(login, (c = await signIn(app, login)));
    return c;
  };
  async function run<T = Record<string, unknown>>(
    name: string,
    input: Record<string, unknown>,
    login: string,
    selection: string,
  ): Promise<T & { __typename: string; field?: string; message?: string }> {
    const type = `${name[0]!.toUpperCase()}${name.slice(1)}`;
    const r = await gql<Record<string, T & { __typename: string }>>(
      app,
      `mutation($input: ${type}Input!) { ${name}(input: $input) { __typename ... on Error { message } ... on InputError { field }
      ${name === "recordCallback" || name === "reviewCallback" ? "... on CallbackConflictError { currentVersion }" : ""} ... on Mutation${type}Success { data { ${selection} } } } }`,
      { input },
      await as(login),
    );
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return r.data![name]! as never;
  }
  const data = <T>(p: { __typename: string; data?: T }) => {
    if (!p.data) throw new Error(JSON.stringify(p));
    return p.data;
  };
  const complaint = async (id: string) =>
    (
      await gql<{ node: ComplaintView }>(
        app,
        `query($id: ID!) { node(id: $id) { ... on Complaint { ${COMPLAINT} } } }`,
        { id },
        await as("exec"),
      )
    ).data!.node;
  const step = async (name: string, c: { id: string; version: number }, input: Record<string, unknown>, login = "service1") =>
    data(await run<{ data: ComplaintView }>(name, { id: c.id, version: c.version, ...input }, login, COMPLAINT));

  /** A complaint taken to CONFIRMED (WF-4) at the current clock, one minute per step. */
  async function confirmed(
    opts: { kind?: string; severity?: string; household?: string; anonymous?: boolean; disruptiveRepair?: boolean } = {},
  ): Promise<ComplaintView> {
    const household = opts.household ?? ids[`h${householdIndex++}`]!;
    const reg = await gql<{ registerComplaint: { data: { id: string; version: number } } }>(
      app,
      `mutation($input: RegisterComplaintInput!) { registerComplaint(input: $input) { ... on MutationRegisterComplaintSuccess { data { id version } } } }`,
      {
        input: {
          channel: "PHONE",
          householdId: globalId("Household", household),
          ...(opts.anonymous ? { anonymous: true } : { complainantName: "孙先生" }),
          content: "回访测试投诉",
        },
      },
      await as("service1"),
    );
    let c: { id: string; version: number } = reg.data!.registerComplaint.data;
    const tick = () => at(new Date(now.getTime() + 60_000));
    tick();
    c = await step("classifyComplaint", c, {
      valid: true,
      kind: opts.kind ?? "SERVICE",
      severity: opts.severity ?? "GENERAL",
      categoryId: globalId("Category", ids.category!),
    });
    tick();
    c = await step("assignComplaint", c, { leadDepartmentId: globalId("Department", ids.ENG!) });
    tick();
    c = await step(
      "recordComplaintPlan",
      c,
      { causeAnalysis: "原因", responsibility: "COMPANY", plan: "处理", promisedAt: new Date(now.getTime() + 86_400_000).toISOString() },
      "eng.head",
    );
    tick();
    c = await step("startComplaintWork", c, {}, "eng.head");
    // REC-3: a repeated repair is resolved with its cause recorded by the responsible manager.
    if (opts.kind === "ENGINEERING" && (await complaint(c.id)).timeline.edges.some((e) => (e.node.summary ?? "").startsWith("REC-3"))) {
      tick();
      c = await step("recordRepeatRepairCause", c, { cause: "上次维修未更换老化管件", measures: "更换整段立管并复查" }, "eng.head");
    }
    tick();
    c = await step("resolveComplaint", c, { note: "已处理", disruptiveRepair: opts.disruptiveRepair ?? false }, "eng.head");
    tick();
    return step("confirmComplaintResolution", c, { method: "IN_PERSON", satisfied: true });
  }

  beforeAll(async () => {
    app = createApp({ prisma: t.prisma, clock: () => now });
    const households = await q(
      `SELECT h.id FROM households h JOIN estates e ON e.id = h.estate_id WHERE e.code = 'LX' AND h.occupied ORDER BY h.code LIMIT 20`,
    );
    households.forEach((h, i) => (ids[`h${i}`] = h.id));
    [{ id: ids.category }] = await q(`SELECT id FROM categories WHERE level = 2 ORDER BY code LIMIT 1`);
    [{ id: ids.ENG }] = await q(`SELECT id FROM departments WHERE code = 'ENG'`);
  });

  it("CB-1, CB-2, SLA-10: a confirmed complaint gets a callback due 3 days later, owned by severity", async () => {
    const general = await confirmed();
    expect(general.callbacks).toHaveLength(1);
    expect(general.callbacks[0]).toMatchObject({
      kind: "COMPLAINT",
      status: "PLANNED",
      sequence: 1,
      assignedTo: { login: "assistant.lx" },
      dueAt: new Date(now.getTime() + 3 * 86_400_000).toISOString(),
    });
    expect(general.slaStages.find((s) => s.rule === "SLA_10")).toMatchObject({ status: "RUNNING" });
    expect((await confirmed({ severity: "IMPORTANT" })).callbacks[0]!.assignedTo).toEqual({ login: "eng.head" });
    expect((await confirmed({ severity: "MAJOR" })).callbacks[0]!.assignedTo).toEqual({ login: "manager" });
  });

  it("CB-4, SLA-11: a repair is called back within 7 days of its completion", async () => {
    const repair = await confirmed({ kind: "ENGINEERING" });
    const resolvedAt = now.getTime() - 60_000;
    expect(repair.callbacks[0]).toMatchObject({ kind: "REPAIR", dueAt: new Date(resolvedAt + 7 * 86_400_000).toISOString() });
    expect(repair.slaStages.map((s) => s.rule)).toContain("SLA_11");
  });

  it("CB-8: anonymous and written-reply-only complaints get no callback; the reply letter is attached instead", async () => {
    expect((await confirmed({ anonymous: true })).callbacks).toEqual([]);
    const c = await confirmed();
    const bad = await run(
      "exemptComplaintFromCallback",
      {
        id: c.id,
        version: c.version,
        note: "区信访办只要求书面答复",
        replyLetter: { fileName: "x.html", mimeType: "text/html", contentBase64: PNG },
      },
      "service1",
      "id",
    );
    expect(bad).toMatchObject({ __typename: "InputError", field: "input.replyLetter.mimeType" });
    const exempt = await step("exemptComplaintFromCallback", c, {
      note: "区信访办只要求书面答复",
      replyLetter: { fileName: "答复函.pdf", mimeType: "application/pdf", contentBase64: Buffer.from("%PDF-1.4 reply").toString("base64") },
    });
    expect(exempt.callbacks.map((cb) => cb.status)).toEqual(["CANCELLED"]);
    expect(exempt.slaStages.find((s) => s.rule === "SLA_10")!.status).toBe("CANCELLED");
  });

  it("CB-5, CB-6: an in-person callback without the customer's signature is refused and changes nothing; with it, the outcome and ratings are recorded and the complaint verified", async () => {
    const c = await confirmed();
    const cb = c.callbacks[0]!;
    const before = await q(`SELECT version, status FROM callbacks WHERE id = $1`, [rowId(cb.id)]);
    const refused = await run(
      "recordCallback",
      { id: cb.id, version: cb.version, method: "IN_PERSON", reached: true, satisfied: true },
      "assistant.lx",
      "id",
    );
    expect(refused).toMatchObject({ __typename: "InputError", field: "input.signature" });
    expect(await q(`SELECT version, status FROM callbacks WHERE id = $1`, [rowId(cb.id)])).toEqual(before);
    // A stale version is a conflict.
    expect(
      await run(
        "recordCallback",
        { id: cb.id, version: cb.version + 5, method: "PHONE", reached: true, satisfied: true },
        "assistant.lx",
        "id",
      ),
    ).toMatchObject({ __typename: "CallbackConflictError", currentVersion: cb.version });
    at(new Date(now.getTime() + 86_400_000));
    const done = data(
      await run<{ data: CallbackView }>(
        "recordCallback",
        {
          id: cb.id,
          version: cb.version,
          method: "IN_PERSON",
          reached: true,
          satisfied: true,
          signature: SIGNATURE,
          comment: "师傅很负责",
          ratings: [
            { dimension: "QUALITY", rating: 5 },
            { dimension: "SPEED", rating: 4 },
            { dimension: "ATTITUDE", satisfied: true },
          ],
        },
        "assistant.lx",
        CALLBACK,
      ),
    );
    expect(done).toMatchObject({
      status: "DONE",
      reached: true,
      satisfied: true,
      signed: true,
      staff: { login: "assistant.lx" },
      comment: "师傅很负责",
    });
    expect(done.ratings).toEqual([
      { dimension: "QUALITY", rating: 5, satisfied: true },
      { dimension: "SPEED", rating: 4, satisfied: true },
      { dimension: "ATTITUDE", rating: null, satisfied: true },
    ]);
    // CB-6: the satisfied customer verifies the result; SLA-10 is met.
    const after = await complaint(c.id);
    expect(after.status).toBe("VERIFIED");
    expect(after.slaStages.find((s) => s.rule === "SLA_10")!.status).toBe("MET");
    // A phone callback needs no signature (CB-5); the analyst sees the customer's words masked.
    const analyst = await gql<{ node: { comment: string } }>(
      app,
      `query($id: ID!) { node(id: $id) { ... on Callback { comment } } }`,
      { id: cb.id },
      await as("analyst"),
    );
    expect(analyst.data!.node.comment).not.toContain("负责");
  });

  it("CB-7: a dissatisfied callback reopens the complaint, notifies the department and plans the next callback; all on the timeline", async () => {
    const c = await confirmed();
    const cb = c.callbacks[0]!;
    const issueTime = new Date(now.getTime() + 2 * 86_400_000).toISOString();
    const missing = await run(
      "recordCallback",
      {
        id: cb.id,
        version: cb.version,
        method: "PHONE",
        reached: true,
        satisfied: false,
        issues: [{ description: "楼道灯还是不亮", answeredOnSpot: false }],
      },
      "assistant.lx",
      "id",
    );
    expect(missing).toMatchObject({ __typename: "InputError", field: "input.issues.0.promisedReplyAt" });
    const done = data(
      await run<{ data: CallbackView }>(
        "recordCallback",
        {
          id: cb.id,
          version: cb.version,
          method: "PHONE",
          reached: true,
          satisfied: false,
          ratings: [{ dimension: "RESULT", rating: 2 }],
          issues: [{ description: "楼道灯还是不亮", answeredOnSpot: false, promisedReplyAt: issueTime }],
        },
        "assistant.lx",
        CALLBACK,
      ),
    );
    expect(done).toMatchObject({ status: "DONE", satisfied: false, signed: false });
    const after = await complaint(c.id);
    expect(after.status).toBe("REOPENED");
    const kinds = after.timeline.edges.map((e) => e.node.kind);
    expect(kinds.slice(-5)).toEqual(["TRANSITION", "CALLBACK", "REOPENED", "NOTE", "CALLBACK"]);
    // Issue 16 item 4: the system's words are the summary, in the reader's language with a local time; the note stays empty.
    expect(after.timeline.edges.at(-1)!.node).toMatchObject({
      note: null,
      summary: expect.stringMatching(/^Callback #2 scheduled, due by \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/),
    });
    expect(after.callbacks.map((x) => [x.sequence, x.status])).toEqual([
      [1, "DONE"],
      [2, "PLANNED"],
    ]);
    expect(after.callbacks[1]!.previousCallback).toEqual({ id: cb.id });
    // The issue is answered by its promised time.
    const issue = done.issues[0]!;
    const reply = await gql<{ replyToCallbackIssue: { __typename: string; data?: { resolved: boolean } } }>(
      app,
      `mutation($input: ReplyToCallbackIssueInput!) { replyToCallbackIssue(input: $input) { __typename ... on MutationReplyToCallbackIssueSuccess { data { resolved } } } }`,
      { input: { id: issue.id, version: issue.version, resolution: "已更换灯具", resolved: true } },
      await as("assistant.lx"),
    );
    expect(reply.data!.replyToCallbackIssue.data).toEqual({ resolved: true });
  });

  it("CB-7: a follow-up callback of a major complaint is not made by phone; an unreached customer is tried again the next day", async () => {
    const c = await confirmed({ severity: "MAJOR" });
    const first = c.callbacks[0]!;
    const notReached = data(
      await run<{ data: CallbackView }>(
        "recordCallback",
        { id: first.id, version: first.version, method: "PHONE", reached: false },
        "manager",
        CALLBACK,
      ),
    );
    expect(notReached.status).toBe("NOT_REACHED");
    const retry = (await complaint(c.id)).callbacks.find((x) => x.status === "PLANNED")!;
    expect(retry).toMatchObject({
      sequence: 1,
      dueAt: new Date(now.getTime() + 86_400_000).toISOString(),
      previousCallback: { id: first.id },
    });
    const dissatisfied = data(
      await run<{ data: CallbackView }>(
        "recordCallback",
        { id: retry.id, version: retry.version, method: "APPOINTMENT", reached: true, satisfied: false, signature: SIGNATURE },
        "manager",
        CALLBACK,
      ),
    );
    expect(dissatisfied.satisfied).toBe(false);
    const second = (await complaint(c.id)).callbacks.find((x) => x.status === "PLANNED")!;
    expect(second.sequence).toBe(2);
    expect(
      await run(
        "recordCallback",
        { id: second.id, version: second.version, method: "PHONE", reached: true, satisfied: true },
        "manager",
        "id",
      ),
    ).toMatchObject({ __typename: "InputError", field: "input.method" });
  });

  it("CB-11: a disruptive repair, and the same repair twice within 30 days, are called back in person (the repeat by the responsible manager)", async () => {
    const disruptive = await confirmed({ kind: "ENGINEERING", disruptiveRepair: true });
    expect(disruptive.callbacks[0]).toMatchObject({ method: "IN_PERSON" });
    const cb = disruptive.callbacks[0]!;
    expect(
      await run(
        "recordCallback",
        { id: cb.id, version: cb.version, method: "PHONE", reached: true, satisfied: true },
        "assistant.lx",
        "id",
      ),
    ).toMatchObject({ __typename: "InputError", field: "input.method" });
    const household = ids.h19!;
    await confirmed({ kind: "ENGINEERING", household });
    at(new Date(now.getTime() + 10 * 86_400_000));
    const repeat = await confirmed({ kind: "ENGINEERING", household });
    expect(repeat.callbacks[0]).toMatchObject({ method: "IN_PERSON", assignedTo: { login: "eng.head" } });
    expect(
      repeat.timeline.edges
        .map((e) => e.node.summary ?? "")
        .some((s) => s.startsWith("Repair repeated within 30 days: the responsible manager calls in person (CB-11)")),
    ).toBe(true);
  });

  it("CB-9: one open letter answers several complaints and is linked from each", async () => {
    const a = await confirmed();
    const b = await confirmed();
    const r = await gql<{ publishOpenLetter: { __typename: string; data?: { title: string; complaintCount: number } } }>(
      app,
      `mutation($input: PublishOpenLetterInput!) { publishOpenLetter(input: $input) { __typename ... on MutationPublishOpenLetterSuccess { data { title complaintCount } } ... on InputError { field } } }`,
      {
        input: {
          estateId: globalId("Estate", (await q(`SELECT id FROM estates WHERE code = 'LX'`))[0].id),
          title: "关于楼道照明的公开信",
          body: "全体业主：……",
          complaintIds: [a.id, b.id],
        },
      },
      await as("director.lx"),
    );
    expect(r.data!.publishOpenLetter.data).toEqual({ title: "关于楼道照明的公开信", complaintCount: 2 });
    for (const id of [a.id, b.id]) {
      const v = await complaint(id);
      expect(v.openLetters).toEqual([{ title: "关于楼道照明的公开信" }]);
      expect(v.timeline.edges.at(-1)!.node).toEqual({
        kind: "REPLIED",
        note: null,
        summary: "Answered by open letter: 关于楼道照明的公开信 (CB-9)",
      });
    }
  });

  it("CB-10: a supervisor reviews and signs callback records; the month's statistics are exact", async () => {
    at(sh("2031-06-02T09:00:00"));
    const c1 = await confirmed();
    const c2 = await confirmed();
    await confirmed({ anonymous: true });
    at(sh("2031-06-03T09:00:00"));
    const cb1 = (await complaint(c1.id)).callbacks[0]!;
    const made = data(
      await run<{ data: CallbackView }>(
        "recordCallback",
        {
          id: cb1.id,
          version: cb1.version,
          method: "PHONE",
          reached: true,
          satisfied: true,
          issues: [{ description: "希望增加快递柜", answeredOnSpot: true }],
        },
        "assistant.lx",
        CALLBACK,
      ),
    );
    // The maker cannot sign their own record; the front desk is not a supervisor.
    expect(await run("reviewCallback", { id: made.id, version: made.version }, "frontdesk.lx", "id")).toMatchObject({
      __typename: "ForbiddenError",
    });
    const reviewed = data(
      await run<{ data: CallbackView }>("reviewCallback", { id: made.id, version: made.version, note: "已核" }, "director.lx", CALLBACK),
    );
    expect(reviewed).toMatchObject({ reviewedBy: { login: "director.lx" }, reviewSigned: true });
    at(sh("2031-06-10T09:00:00"));
    const cb2 = (await complaint(c2.id)).callbacks[0]!;
    await run(
      "recordCallback",
      { id: cb2.id, version: cb2.version, method: "IN_PERSON", reached: true, satisfied: false, signature: SIGNATURE },
      "assistant.lx",
      "id",
    );
    const stats = await gql<{ callbackStatistics: Record<string, unknown> }>(
      app,
      `query($e: ID) { callbackStatistics(month: "2031-06", estateId: $e) {
      month callbackRate { numerator denominator } target targetMet made reached satisfaction { numerator denominator } phoneShare { numerator denominator } unreviewed issues { numerator denominator } } }`,
      { e: globalId("Estate", (await q(`SELECT id FROM estates WHERE code = 'LX'`))[0].id) },
      await as("manager"),
    );
    // Due: c1 and c2 (the anonymous one is exempt); called back in time: c1 only (c2's callback came 8 days after confirmation).
    expect(stats.data!.callbackStatistics).toEqual({
      month: "2031-06",
      callbackRate: { numerator: 1, denominator: 2 },
      target: 100,
      targetMet: false,
      made: 2,
      reached: 2,
      satisfaction: { numerator: 1, denominator: 2 },
      phoneShare: { numerator: 1, denominator: 2 },
      unreviewed: 1,
      issues: { numerator: 0, denominator: 1 },
    });
  });
});
