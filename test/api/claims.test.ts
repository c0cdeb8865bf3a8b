import { beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "@tingjian/server";
import { useTestDatabase } from "@tingjian/prisma/testing";
import { gql, globalId, rowId, signIn, type Caller } from "./graphql.ts";
import { demoClock } from "../demo-clock.ts";

/** WF-6 claims through the API: the state machine, who decides, optimistic concurrency, typed errors that change nothing. */

const CLAIM = `id status version complaint { no status } availableSteps legalConsultation compensationPlan compensationAmount responsibility report
  approvedBy { login } createdBy { login } steps { action fromStatus toStatus actor { login } }`;
const RESULT = `__typename ... on Error { message } ... on InputError { field }
  ... on ClaimWorkflowError { field status allowedSteps } ... on ClaimConflictError { currentVersion current { status version } }`;

interface ClaimData {
  id: string;
  status: string;
  version: number;
  availableSteps: string[];
  legalConsultation: string | null;
  compensationPlan: string | null;
  compensationAmount: string | null;
  responsibility: string | null;
  report: string | null;
  approvedBy: { login: string } | null;
  createdBy: { login: string };
  steps: { action: string; fromStatus: string | null; toStatus: string; actor: { login: string } }[];
}
interface Payload {
  __typename: string;
  message?: string;
  field?: string;
  status?: string;
  allowedSteps?: string[];
  currentVersion?: number;
  current?: { status: string; version: number };
  data?: ClaimData;
}

const INPUT_TYPES: Record<string, string> = {
  recordClaimLegalConsultation: "RecordClaimLegalConsultationInput",
  submitClaimPlan: "SubmitClaimPlanInput",
  decideClaim: "DecideClaimInput",
  recordClaimCustomerResponse: "RecordClaimCustomerResponseInput",
  markClaimPaid: "MarkClaimPaidInput",
  reportClaim: "ReportClaimInput",
};

describe("claims (WF-6)", () => {
  const t = useTestDatabase("demo");
  let app: App;
  const q = (sql: string, params: unknown[] = []) => t.db.pool.query(sql, params).then((r) => r.rows);
  let clerk: Caller, manager: Caller, mgmtrep: Caller, exec: Caller, head: Caller;
  let complaints: string[] = [];
  const callers: Record<string, Caller> = {};

  const open = async (complaintId: string, caller = clerk) => {
    const r = await gql<{ r: Payload }>(
      app,
      `mutation($id: ID!) { r: openClaim(complaintId: $id) { __typename ... on Error { message } ... on InputError { field } ... on MutationOpenClaimSuccess { data { ${CLAIM} } } } }`,
      { id: globalId("Complaint", complaintId) },
      caller,
    );
    expect(r.errors).toBeUndefined();
    return r.data!.r;
  };
  const step = async (name: string, input: Record<string, unknown>, caller = clerk) => {
    const success = `Mutation${name[0]!.toUpperCase()}${name.slice(1)}Success`;
    const r = await gql<{ r: Payload }>(
      app,
      `mutation($input: ${INPUT_TYPES[name]}!) { r: ${name}(input: $input) { ${RESULT} ... on ${success} { data { ${CLAIM} } } } }`,
      { input },
      caller,
    );
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data!.r;
  };
  /** Runs a step that must succeed and returns the claim after it. */
  const ok = async (name: string, claim: { id: string; version: number }, input: Record<string, unknown>, caller = clerk) => {
    const r = await step(name, { id: claim.id, version: claim.version, ...input }, caller);
    expect(r.__typename, JSON.stringify(r)).toMatch(/Success$/);
    return r.data!;
  };
  /** What a failed step must leave untouched: the claim row and the complaint's timeline and version. */
  const snapshot = async (claimGlobalId: string) => {
    const [claim] = await q(`SELECT row_to_json(c)::text AS row FROM claims c WHERE id = $1`, [rowId(claimGlobalId)]);
    const [complaint] = await q(
      `SELECT k.version, (SELECT count(*)::int FROM complaint_events e WHERE e.complaint_id = k.id) AS events
      FROM complaints k JOIN claims c ON c.complaint_id = k.id WHERE c.id = $1`,
      [rowId(claimGlobalId)],
    );
    return { claim: claim.row, complaint };
  };
  /** A claim brought to `status` by the clerk (and the manager for the decision). */
  const claimAt = async (complaintId: string, status: "DRAFT" | "LEGAL_REVIEW" | "PENDING_APPROVAL" | "APPROVED") => {
    let c = (await open(complaintId)).data!;
    if (status === "DRAFT") return c;
    c = await ok("recordClaimLegalConsultation", c, { consultation: "律师意见：物业对公共管道负有维护责任" });
    if (status === "LEGAL_REVIEW") return c;
    c = await ok("submitClaimPlan", c, { responsibility: "COMPANY", plan: "赔偿吊顶修复费用", amount: "800" });
    if (status === "PENDING_APPROVAL") return c;
    return ok("decideClaim", c, { approve: true }, manager);
  };

  beforeAll(async () => {
    app = createApp({ prisma: t.prisma, clock: demoClock() });
    for (const login of ["frontdesk.lx", "frontdesk.jh", "manager", "mgmtrep", "exec", "eng.head", "analyst"])
      callers[login] = await signIn(app, login);
    [clerk, manager, mgmtrep, exec, head] = ["frontdesk.lx", "manager", "mgmtrep", "exec", "eng.head"].map((l) => callers[l]!) as [
      Caller,
      Caller,
      Caller,
      Caller,
      Caller,
    ];
    // Open first reports of 丽轩花园 at SECRET, one per test.
    complaints = (
      await q(`SELECT k.id FROM complaints k JOIN estates e ON e.id = k.estate_id
      WHERE e.code = 'LX' AND k.classification = 'SECRET' AND k.duplicate_of_id IS NULL AND k.status <> 'INVALID' AND k.received_by_id IS NOT NULL
      ORDER BY k.received_at DESC LIMIT 10`)
    ).map((r) => r.id);
    expect(complaints).toHaveLength(10);
  }, 60_000);

  it("WF-6: a claim runs DRAFT → LEGAL_REVIEW → PENDING_APPROVAL → APPROVED → AGREED → PAID → CLOSED, each step on the complaint's timeline", async () => {
    const [{ version: complaintVersion }] = await q(`SELECT version FROM complaints WHERE id = $1`, [complaints[0]]);
    let c = (await open(complaints[0]!)).data!;
    expect(c).toMatchObject({
      status: "DRAFT",
      version: 0,
      createdBy: { login: "frontdesk.lx" },
      availableSteps: ["RECORD_LEGAL_CONSULTATION"],
    });
    c = await ok("recordClaimLegalConsultation", c, { consultation: "律师意见：漏水源于公共立管，物业承担维修与赔偿责任" });
    expect(c).toMatchObject({ status: "LEGAL_REVIEW", legalConsultation: "律师意见：漏水源于公共立管，物业承担维修与赔偿责任" });
    c = await ok("submitClaimPlan", c, { responsibility: "COMPANY", plan: "赔偿天花板及地板修复费用", amount: "1200.5" });
    expect(c).toMatchObject({
      status: "PENDING_APPROVAL",
      responsibility: "COMPANY",
      compensationAmount: "1200.50",
      compensationPlan: "赔偿天花板及地板修复费用",
    });
    c = await ok("decideClaim", c, { approve: true }, manager);
    expect(c).toMatchObject({ status: "APPROVED", approvedBy: { login: "manager" } });
    c = await ok("recordClaimCustomerResponse", c, { agreed: true });
    expect(c.status).toBe("AGREED");
    c = await ok("markClaimPaid", c, {});
    expect(c.status).toBe("PAID");
    c = await ok("reportClaim", c, { report: "已按方案赔付1200.50元，客户签收" });
    expect(c).toMatchObject({ status: "CLOSED", version: 6, report: "已按方案赔付1200.50元，客户签收", availableSteps: [] });
    expect(c.steps.map((s) => [s.action, s.fromStatus, s.toStatus, s.actor.login])).toEqual([
      ["OPEN", null, "DRAFT", "frontdesk.lx"],
      ["RECORD_LEGAL_CONSULTATION", "DRAFT", "LEGAL_REVIEW", "frontdesk.lx"],
      ["SUBMIT_PLAN", "LEGAL_REVIEW", "PENDING_APPROVAL", "frontdesk.lx"],
      ["APPROVE", "PENDING_APPROVAL", "APPROVED", "manager"],
      ["CUSTOMER_AGREE", "APPROVED", "AGREED", "frontdesk.lx"],
      ["MARK_PAID", "AGREED", "PAID", "frontdesk.lx"],
      ["REPORT", "PAID", "CLOSED", "frontdesk.lx"],
    ]);
    // The steps are CLAIM_UPDATED events of the complaint; the complaint itself is not edited.
    const events = await q(`SELECT count(*)::int AS n FROM complaint_events WHERE complaint_id = $1 AND kind = 'CLAIM_UPDATED'`, [
      complaints[0],
    ]);
    expect(events[0].n).toBe(7);
    expect((await q(`SELECT version FROM complaints WHERE id = $1`, [complaints[0]]))[0].version).toBe(complaintVersion);
    const listed = await gql<{ node: { claims: { id: string; status: string }[] } }>(
      app,
      `query($id: ID!) { node(id: $id) { ... on Complaint { claims { id status } } } }`,
      { id: globalId("Complaint", complaints[0]!) },
      clerk,
    );
    expect(listed.data!.node.claims).toEqual([{ id: c.id, status: "CLOSED" }]);
  });

  it("WF-6, 002 8.1.7: only the company manager, management representative or executive decides, never the claim's creator; a rejection needs a reason and the plan is resubmitted", async () => {
    const c = await claimAt(complaints[1]!, "PENDING_APPROVAL");
    const before = await snapshot(c.id);
    for (const caller of [head, clerk, callers["frontdesk.jh"]!]) {
      const r = await step("decideClaim", { id: c.id, version: c.version, approve: true }, caller);
      expect(r.__typename).toMatch(/ForbiddenError|NotFoundError/);
    }
    expect(await step("decideClaim", { id: c.id, version: c.version, approve: true }, head)).toMatchObject({
      __typename: "ForbiddenError",
      message: expect.stringContaining("COMPANY_MANAGER"),
    });
    const analyst = await gql(
      app,
      `mutation($input: DecideClaimInput!) { decideClaim(input: $input) { __typename } }`,
      { input: { id: c.id, version: c.version, approve: true } },
      callers.analyst!,
    );
    expect(analyst.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(await step("decideClaim", { id: c.id, version: c.version, approve: false }, mgmtrep)).toMatchObject({
      __typename: "InputError",
      field: "input.reason",
    });
    expect(await snapshot(c.id)).toEqual(before);
    const rejected = await ok("decideClaim", c, { approve: false, reason: "赔偿金额依据不足，请补充维修报价" }, mgmtrep);
    expect(rejected).toMatchObject({
      status: "REJECTED",
      approvedBy: null,
      availableSteps: ["RECORD_LEGAL_CONSULTATION", "SUBMIT_PLAN", "REPORT"],
    });
    const [event] = await q(
      `SELECT note FROM complaint_events WHERE complaint_id = $1 AND kind = 'CLAIM_UPDATED' ORDER BY at DESC LIMIT 1`,
      [complaints[1]],
    );
    expect(event.note).toBe("赔偿金额依据不足，请补充维修报价");
    const resubmitted = await ok("submitClaimPlan", rejected, {
      responsibility: "CONTRACTOR",
      plan: "按维修报价赔偿，由外包单位承担",
      amount: "650.00",
    });
    expect(resubmitted).toMatchObject({ status: "PENDING_APPROVAL", responsibility: "CONTRACTOR", compensationAmount: "650.00" });
    expect(await ok("decideClaim", resubmitted, { approve: true }, exec)).toMatchObject({
      status: "APPROVED",
      approvedBy: { login: "exec" },
    });

    // Four eyes: whoever opened the claim does not approve it, executive or not.
    const own = (await open(complaints[2]!, exec)).data!;
    let mine = await ok("recordClaimLegalConsultation", own, { consultation: "律师意见：可协商赔偿" }, exec);
    mine = await ok("submitClaimPlan", mine, { responsibility: "COMPANY", plan: "赔偿", amount: "100" }, exec);
    expect(await step("decideClaim", { id: mine.id, version: mine.version, approve: true }, exec)).toMatchObject({
      __typename: "ForbiddenError",
      message: expect.stringContaining("opened"),
    });
    expect(await ok("decideClaim", mine, { approve: true }, manager)).toMatchObject({ status: "APPROVED" });
  });

  it("WF-6: a stale version is a ClaimConflictError carrying the current claim, and nothing is written", async () => {
    const c = await claimAt(complaints[3]!, "LEGAL_REVIEW");
    const before = await snapshot(c.id);
    const r = await step("submitClaimPlan", { id: c.id, version: c.version - 1, responsibility: "COMPANY", plan: "赔偿", amount: "300" });
    expect(r).toMatchObject({
      __typename: "ClaimConflictError",
      currentVersion: c.version,
      current: { status: "LEGAL_REVIEW", version: c.version },
    });
    expect(await snapshot(c.id)).toEqual(before);
    // The same step at the current version goes through.
    expect((await ok("submitClaimPlan", c, { responsibility: "COMPANY", plan: "赔偿", amount: "300" })).status).toBe("PENDING_APPROVAL");
  });

  it("WF-6: an illegal step is a ClaimWorkflowError naming the field and the allowed steps, and nothing is written", async () => {
    const c = await claimAt(complaints[4]!, "DRAFT");
    const before = await snapshot(c.id);
    expect(await step("markClaimPaid", { id: c.id, version: c.version })).toMatchObject({
      __typename: "ClaimWorkflowError",
      field: "input.id",
      status: "DRAFT",
      allowedSteps: ["RECORD_LEGAL_CONSULTATION"],
      message: expect.stringContaining("MARK_PAID is not possible from DRAFT"),
    });
    // 002 8.1.7: no plan before the legal consultation.
    expect(
      await step("submitClaimPlan", { id: c.id, version: c.version, responsibility: "COMPANY", plan: "赔偿", amount: "100" }),
    ).toMatchObject({ __typename: "ClaimWorkflowError", status: "DRAFT" });
    expect(await step("decideClaim", { id: c.id, version: c.version, approve: true }, manager)).toMatchObject({
      __typename: "ClaimWorkflowError",
      allowedSteps: ["RECORD_LEGAL_CONSULTATION"],
    });
    expect(await snapshot(c.id)).toEqual(before);
    const approved = await claimAt(complaints[5]!, "APPROVED");
    expect(await step("reportClaim", { id: approved.id, version: approved.version, report: "报告" })).toMatchObject({
      __typename: "ClaimWorkflowError",
      status: "APPROVED",
      allowedSteps: ["CUSTOMER_AGREE", "CUSTOMER_DECLINE"],
    });
    // A customer's refusal needs what they object to; then the plan is reworked.
    expect(await step("recordClaimCustomerResponse", { id: approved.id, version: approved.version, agreed: false })).toMatchObject({
      __typename: "InputError",
      field: "input.note",
    });
    const declined = await ok("recordClaimCustomerResponse", approved, { agreed: false, note: "客户认为金额过低" });
    expect(declined).toMatchObject({
      status: "DECLINED_BY_CUSTOMER",
      availableSteps: ["RECORD_LEGAL_CONSULTATION", "SUBMIT_PLAN", "REPORT"],
    });
  });

  it("WF-6: the amount must be greater than 0 with at most 2 decimals (InputError on input.amount), and nothing is written", async () => {
    const c = await claimAt(complaints[6]!, "LEGAL_REVIEW");
    const before = await snapshot(c.id);
    for (const amount of ["0", "0.00", "-100", "12.345", "12345678901"]) {
      const r = await step("submitClaimPlan", { id: c.id, version: c.version, responsibility: "COMPANY", plan: "赔偿", amount });
      expect(r, amount).toMatchObject({ __typename: "InputError", field: "input.amount" });
    }
    // Issue 16: `amount` is a Decimal; what is no decimal number at all is refused before the mutation runs.
    for (const amount of ["abc", "", "1e3", "1234567890123"]) {
      const r = await gql(
        app,
        `mutation($input: SubmitClaimPlanInput!) { submitClaimPlan(input: $input) { __typename } }`,
        { input: { id: c.id, version: c.version, responsibility: "COMPANY", plan: "赔偿", amount } },
        clerk,
      );
      expect(r.errors?.[0]?.extensions?.code, amount).toBe("BAD_USER_INPUT");
    }
    expect(
      await step("submitClaimPlan", { id: c.id, version: c.version, responsibility: "COMPANY", plan: "  ", amount: "10" }),
    ).toMatchObject({ __typename: "InputError", field: "input.plan" });
    // Issue 16: every bad field of the input at once, in one InputError.
    const both = await gql<{ r: { __typename: string; problems: { field: string; code: string }[] } }>(
      app,
      `mutation($input: SubmitClaimPlanInput!) { r: submitClaimPlan(input: $input) { __typename ... on InputError { problems { field code } } } }`,
      { input: { id: c.id, version: c.version, responsibility: "COMPANY", plan: "  ", amount: "0" } },
      clerk,
    );
    expect(both.data!.r).toEqual({
      __typename: "InputError",
      problems: [
        { field: "input.plan", code: "REQUIRED" },
        { field: "input.amount", code: "CLAIM_AMOUNT_POSITIVE" },
      ],
    });
    expect(await snapshot(c.id)).toEqual(before);
  });

  it("WF-6: a complaint has one claim in progress at a time; others' estates do not see it", async () => {
    const c = (await open(complaints[7]!)).data!;
    expect(await open(complaints[7]!)).toMatchObject({ __typename: "InputError", field: "complaintId" });
    expect(await open(complaints[7]!, callers["frontdesk.jh"]!)).toMatchObject({ __typename: "NotFoundError" });
    const other = await gql<{ node: unknown }>(app, `query($id: ID!) { node(id: $id) { id } }`, { id: c.id }, callers["frontdesk.jh"]!);
    expect(other.data!.node).toBeNull();
    expect(
      await step("recordClaimLegalConsultation", { id: c.id, version: c.version, consultation: "x" }, callers["frontdesk.jh"]!),
    ).toMatchObject({ __typename: "NotFoundError" });
  });

  it("SEC-2, SEC-3, SEC-7: the claim's legal opinion, plan, amount and report are masked for the analyst and raw, logged, for the case's staff", async () => {
    let c = await claimAt(complaints[8]!, "PENDING_APPROVAL");
    c = await ok("decideClaim", c, { approve: false, reason: "撤回" }, manager);
    c = await ok("reportClaim", c, { report: "客户撤回索赔" });
    const read = (caller: Caller) =>
      gql<{ node: Record<string, string> }>(
        app,
        `query($id: ID!) { node(id: $id) { ... on Claim { legalConsultation compensationPlan compensationAmount report status } } }`,
        { id: c.id },
        caller,
      );
    expect((await read(callers.analyst!)).data!.node).toEqual({
      legalConsultation: "***",
      compensationPlan: "***",
      compensationAmount: "***",
      report: "***",
      status: "CLOSED",
    });
    const before = (await q(`SELECT count(*)::int AS n FROM access_logs WHERE record_type = 'CLAIM' AND record_id = $1`, [rowId(c.id)]))[0]
      .n;
    expect((await read(clerk)).data!.node).toEqual({
      legalConsultation: "律师意见：物业对公共管道负有维护责任",
      compensationPlan: "赔偿吊顶修复费用",
      compensationAmount: "800.00",
      report: "客户撤回索赔",
      status: "CLOSED",
    });
    const logged = await q(
      `SELECT DISTINCT unnest(l.fields) AS field FROM access_logs l JOIN staff s ON s.id = l.staff_id
      WHERE l.record_type = 'CLAIM' AND l.record_id = $1 AND s.login = 'frontdesk.lx' ORDER BY 1`,
      [rowId(c.id)],
    );
    expect(logged.map((l) => l.field)).toEqual(["compensationAmount", "compensationPlan", "legalConsultation", "report"]);
    const after = (await q(`SELECT count(*)::int AS n FROM access_logs WHERE record_type = 'CLAIM' AND record_id = $1`, [rowId(c.id)]))[0]
      .n;
    expect(after).toBeGreaterThan(before);
  });
});
