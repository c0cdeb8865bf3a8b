import { beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "@tingjian/server";
import { useTestDatabase } from "@tingjian/prisma/testing";
import { gql, globalId, signIn, type Caller } from "./graphql.ts";
import { demoClock } from "../demo-clock.ts";

interface Person {
  id: string;
  login: string;
  role: string;
  active: boolean;
  phone: string | null;
  email: string | null;
  department: { code: string } | null;
}
interface Directory {
  totalCount: number;
  staff: Person[];
}
type Filter = Record<string, unknown>;

const DIRECTORY = `query($filter: StaffDirectoryFilter, $limit: Int) {
  staffDirectory(filter: $filter, limit: $limit) { totalCount staff { id login role active phone email department { code } } }
}`;

/** The roles whose permissions include complaints:write (domain/access/permissions.ts). */
const HANDLERS = `('FRONT_DESK','PROPERTY_ASSISTANT','SERVICE_REP','DEPARTMENT_HEAD','OFFICE_DIRECTOR','COMPANY_MANAGER','MANAGEMENT_REP','EXECUTIVE')`;
const SUPERVISORS = `('DEPARTMENT_HEAD','OFFICE_DIRECTOR','COMPANY_MANAGER','MANAGEMENT_REP','EXECUTIVE')`;

describe("GraphQL: the staff directory that the assign and escalate forms pick from (WF-1, WF-7, §2, SEC-2, SEC-7)", () => {
  const t = useTestDatabase("demo");
  let app: App;
  const callers = new Map<string, Caller>();
  let lxOffice = "";
  let jhOffice = "";
  const q = async <T = Record<string, unknown>>(text: string, params: unknown[] = []) => (await t.db.pool.query(text, params)).rows as T[];
  const as = async (login: string) => callers.get(login) ?? callers.set(login, await signIn(app, login)).get(login)!;
  const staffId = async (login: string) => (await q<{ id: string }>(`SELECT id FROM staff WHERE login = $1`, [login]))[0]!.id;
  const dept = async (code: string) =>
    globalId("Department", (await q<{ id: string }>(`SELECT id FROM departments WHERE code = $1`, [code]))[0]!.id);

  async function directory(login: string | null, filter?: Filter, limit?: number) {
    return gql<{ staffDirectory: Directory }>(app, DIRECTORY, { filter, limit }, login ? await as(login) : {});
  }
  async function logins(login: string, filter?: Filter): Promise<string[]> {
    const r = await directory(login, filter);
    expect(r.errors).toBeUndefined();
    expect(r.data!.staffDirectory.totalCount).toBe(r.data!.staffDirectory.staff.length);
    return r.data!.staffDirectory.staff.map((s) => s.login).sort();
  }
  /** Logins of the demo organisation's active people matching an SQL condition on `s`. */
  async function expected(condition: string, params: unknown[] = []): Promise<string[]> {
    const rows = await q<{ login: string }>(
      `SELECT s.login FROM staff s JOIN organizations o ON o.id = s.organization_id
      WHERE o.code = 'HUATING' AND s.kind = 'HUMAN' AND s.active AND (${condition}) ORDER BY s.login`,
      params,
    );
    return rows.map((r) => r.login).sort();
  }
  const worksOn = (estate: string) =>
    `(s.all_estates OR EXISTS (SELECT 1 FROM staff_estate_scopes x JOIN estates e ON e.id = x.estate_id WHERE x.staff_id = s.id AND e.code = '${estate}'))`;
  async function badInput(login: string, filter: Filter | undefined, field: string, limit?: number) {
    const r = await directory(login, filter, limit);
    expect(r.data ?? null).toBeNull();
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
  }

  /** A new complaint at `estate`, registered and classified (valid) by the service centre, at `classification`. */
  async function classifiedComplaint(estate: string, classification = "SECRET") {
    const [h] = await q<{ id: string }>(
      `SELECT h.id FROM households h JOIN estates e ON e.id = h.estate_id WHERE e.code = $1 ORDER BY h.code LIMIT 1`,
      [estate],
    );
    const [cat] = await q<{ id: string }>(`SELECT id FROM categories WHERE level = 2 ORDER BY sort_order LIMIT 1`);
    const reg = await gql<{ registerComplaint: { data?: { id: string; version: number } } }>(
      app,
      `mutation($input: RegisterComplaintInput!) {
      registerComplaint(input: $input) { ... on MutationRegisterComplaintSuccess { data { id version } } ... on Error { message } } }`,
      {
        input: {
          channel: "PHONE",
          householdId: globalId("Household", h!.id),
          complainantName: "赵先生",
          complainantContact: "13900001111",
          content: "楼道灯不亮",
        },
      },
      await as("service1"),
    );
    const id = reg.data!.registerComplaint.data!.id;
    const cls = await gql<{ classifyComplaint: { data?: { version: number } } }>(
      app,
      `mutation($input: ClassifyComplaintInput!) {
      classifyComplaint(input: $input) { ... on MutationClassifyComplaintSuccess { data { version } } ... on Error { message } } }`,
      {
        input: {
          id,
          version: reg.data!.registerComplaint.data!.version,
          valid: true,
          kind: "SERVICE",
          severity: "GENERAL",
          categoryId: globalId("Category", cat!.id),
        },
      },
      await as("service1"),
    );
    expect(cls.data?.classifyComplaint.data, JSON.stringify(cls)).toBeTruthy();
    const uuid = Buffer.from(id, "base64").toString().split(":")[1]!;
    await q(`UPDATE complaints SET classification = $2 WHERE id = $1`, [uuid, classification]);
    return { id, uuid, version: cls.data!.classifyComplaint.data!.version };
  }

  beforeAll(async () => {
    app = createApp({ prisma: t.prisma, clock: demoClock() });
    // Signed in before a second organisation exists (then sign-in asks for the organisation's code).
    for (const login of ["exec", "service1", "sc.head", "eng.head", "frontdesk.lx", "analyst", "developer", "auditor", "admin"])
      await as(login);
    // §2: another company's people share the tables, never the directory.
    const [other] = await q<{ id: string }>(
      `INSERT INTO organizations (code, name, updated_at) VALUES ('OTHER', '另一家物业', now()) RETURNING id`,
    );
    await q(
      `INSERT INTO staff (organization_id, login, display_name, role, all_estates, updated_at) VALUES ($1, 'other.head', '别家 工程部经理', 'DEPARTMENT_HEAD', true, now())`,
      [other!.id],
    );
    lxOffice = await dept("LX-OFFICE");
    jhOffice = await dept("JH-OFFICE");
  });

  it("lists the organisation's active people by name: no service accounts, nobody of another organisation (§2)", async () => {
    const r = await directory("exec", undefined, 200);
    expect(r.errors).toBeUndefined();
    const shown = r.data!.staffDirectory.staff.map((s) => s.login);
    const byName = await q<{ login: string }>(`SELECT s.login FROM staff s JOIN organizations o ON o.id = s.organization_id
      WHERE o.code = 'HUATING' AND s.kind = 'HUMAN' AND s.active ORDER BY s.display_name, s.id`);
    expect(shown).toEqual(byName.map((x) => x.login));
    expect(r.data!.staffDirectory.totalCount).toBe(byName.length);
    expect(shown).not.toContain("bi.tool");
    expect(shown).not.toContain("other.head");
    expect(shown).toEqual(expect.arrayContaining(["eng.head", "director.lx", "director.jh", "analyst", "admin"]));
  });

  it("a caller confined to an estate sees the company-level people and those of its estate only (§2)", async () => {
    const seen = await logins("frontdesk.lx");
    expect(seen).toEqual(await expected(worksOn("LX")));
    expect(seen).toContain("director.lx");
    expect(seen).toContain("eng.head");
    expect(seen).not.toContain("director.jh");
  });

  it("refuses callers who pick no one (complaints:write) and anonymous callers", async () => {
    for (const login of ["analyst", "developer", "auditor", "admin"]) {
      const r = await directory(login);
      expect(r.data ?? null, login).toBeNull();
      expect(r.errors?.[0]?.extensions?.code, login).toBe("FORBIDDEN");
      expect(r.errors?.[0]?.message).toMatch(/requires the permission COMPLAINTS_WRITE/);
    }
    const anon = await directory(null);
    expect(anon.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("keeps a colleague's phone and e-mail masked: only the person sees their own (SEC-7, STAFF_CONTACT)", async () => {
    await q(`UPDATE staff SET phone = '13812345678', email = 'chen.qiang@huating.example' WHERE login = 'eng.head'`);
    const other = (await directory("service1", { text: "eng.head" })).data!.staffDirectory.staff;
    expect(other.map((s) => s.login)).toEqual(["eng.head"]);
    expect(other[0]!.phone).not.toBe("13812345678");
    expect(other[0]!.phone).toMatch(/\*{4}/);
    expect(other[0]!.email).not.toBe("chen.qiang@huating.example");
    expect(other[0]!.email).toMatch(/\*/);
    // Searching is by name and login, never by contact details (no side channel to the masked value).
    expect(await logins("service1", { text: "13812345678" })).toEqual([]);
    expect(await logins("service1", { text: "huating.example" })).toEqual([]);
    const self = (await directory("eng.head", { text: "eng.head" })).data!.staffDirectory.staff;
    expect(self[0]).toMatchObject({ phone: "13812345678", email: "chen.qiang@huating.example" });
  });

  it("filters by department, role, estate and text, and leaves deactivated accounts out unless asked", async () => {
    expect(await logins("service1", { departmentId: await dept("ENG") })).toEqual(["eng.head"]);
    expect(await logins("service1", { departmentId: lxOffice })).toEqual(["assistant.lx", "assistant2.lx", "director.lx", "frontdesk.lx"]);
    expect(await logins("service1", { roles: ["OFFICE_DIRECTOR"] })).toEqual(["director.ch", "director.jh", "director.kc", "director.lx"]);
    expect(await logins("service1", { text: "  HEAD " })).toEqual(["eng.head", "env.head", "sc.head", "sec.head"]);
    expect(await logins("service1", { text: "管理处主任" })).toEqual(["director.ch", "director.jh", "director.kc", "director.lx"]);
    const jh = (await q<{ id: string }>(`SELECT id FROM estates WHERE code = 'JH'`))[0]!.id;
    expect(await logins("service1", { estateId: globalId("Estate", jh) })).toEqual(await expected(worksOn("JH")));
    expect(await logins("service1", { estateId: globalId("Estate", jh), roles: ["PROPERTY_ASSISTANT"] })).toEqual([
      "assistant.jh",
      "assistant2.jh",
    ]);

    await q(`UPDATE staff SET active = false WHERE login = 'assistant2.lx'`);
    try {
      expect(await logins("service1", { departmentId: lxOffice })).not.toContain("assistant2.lx");
      const all = await directory("service1", { departmentId: lxOffice, activeOnly: false });
      expect(all.data!.staffDirectory.staff.find((s) => s.login === "assistant2.lx")).toMatchObject({ active: false });
      // An action never accepts a deactivated account, whatever activeOnly says.
      expect(await logins("service1", { departmentId: lxOffice, activeOnly: false, pick: "ASSIGNEE" })).not.toContain("assistant2.lx");
    } finally {
      await q(`UPDATE staff SET active = true WHERE login = 'assistant2.lx'`);
    }
  });

  it("says how many match when the limit cuts the list", async () => {
    const r = await directory("exec", undefined, 3);
    expect(r.data!.staffDirectory.staff).toHaveLength(3);
    expect(r.data!.staffDirectory.totalCount).toBe((await expected("true")).length);
  });

  it("pick ASSIGNEE for a complaint: handling roles who work on its estate and may know it (WF-1, SEC-2)", async () => {
    const c = await classifiedComplaint("LX", "SECRET");
    const secret = await logins("service1", { pick: "ASSIGNEE", complaintId: c.id });
    expect(secret).toEqual(
      await expected(`s.role IN ${HANDLERS} AND ${worksOn("LX")} AND s.clearance IN ('SECRET','CONFIDENTIAL','TOP_SECRET')`),
    );
    expect(secret).toEqual(expect.arrayContaining(["frontdesk.lx", "assistant.lx", "director.lx", "service1", "eng.head"]));
    expect(secret).not.toContain("analyst");
    expect(secret).not.toContain("director.jh");

    // CONFIDENTIAL: the responsible supervisors, and whoever is designated for this complaint.
    await q(`UPDATE complaints SET classification = 'CONFIDENTIAL' WHERE id = $1`, [c.uuid]);
    const confidential = await logins("service1", { pick: "ASSIGNEE", complaintId: c.id, departmentId: lxOffice });
    expect(confidential).toEqual(["director.lx"]);
    await q(
      `INSERT INTO access_designations (organization_id, record_type, record_id, level, staff_id, designated_by_id)
      SELECT organization_id, 'COMPLAINT', id, 'CONFIDENTIAL', $2, $3 FROM complaints WHERE id = $1`,
      [c.uuid, await staffId("assistant.lx"), await staffId("exec")],
    );
    expect(await logins("service1", { pick: "ASSIGNEE", complaintId: c.id, departmentId: lxOffice })).toEqual([
      "assistant.lx",
      "director.lx",
    ]);
  });

  it("pick ESCALATION: supervisors who work on the complaint's estate, never the caller (WF-7)", async () => {
    const c = await classifiedComplaint("JH", "SECRET");
    const forService = await logins("service1", { pick: "ESCALATION", complaintId: c.id });
    expect(forService).toEqual(await expected(`s.role IN ${SUPERVISORS} AND ${worksOn("JH")}`));
    expect(forService).toContain("director.jh");
    expect(forService).not.toContain("director.lx");
    const forHead = await logins("sc.head", { pick: "ESCALATION", complaintId: c.id });
    expect(forHead).toEqual(forService.filter((l) => l !== "sc.head"));
  });

  it("names the field of bad input: text too long, ids of another type, outside the caller's scope, limit out of range", async () => {
    await badInput("service1", { text: "x".repeat(51) }, "filter.text");
    const c = await classifiedComplaint("JH");
    await badInput("service1", { departmentId: c.id }, "filter.departmentId");
    await badInput("service1", { departmentId: "not a global id" }, "filter.departmentId");
    await badInput("service1", { departmentId: globalId("Department", "00000000-0000-0000-0000-000000000000") }, "filter.departmentId");
    const jh = (await q<{ id: string }>(`SELECT id FROM estates WHERE code = 'JH'`))[0]!.id;
    await badInput("frontdesk.lx", { estateId: globalId("Estate", jh) }, "filter.estateId");
    await badInput("frontdesk.lx", { complaintId: c.id }, "filter.complaintId");
    await badInput("service1", { complaintId: lxOffice }, "filter.complaintId");
    await badInput("service1", undefined, "limit", 0);
    await badInput("service1", undefined, "limit", 201);
  });

  describe("the mutations accept exactly whom the directory offers", () => {
    const ASSIGN = `mutation($input: AssignComplaintInput!) { assignComplaint(input: $input) {
      __typename ... on Error { message } ... on InputError { field } ... on MutationAssignComplaintSuccess { data { version status assignee { login } } } } }`;
    const ESCALATE = `mutation($input: EscalateComplaintInput!) { escalateComplaint(input: $input) {
      __typename ... on Error { message } ... on InputError { field } ... on MutationEscalateComplaintSuccess { data { version escalations { escalatedTo { login } } } } } }`;
    type Payload = {
      __typename: string;
      message?: string;
      field?: string;
      data?: {
        version: number;
        status: string;
        assignee: { login: string } | null;
        escalations: { escalatedTo: { login: string } | null }[];
      };
    };
    async function assign(c: { id: string; version: number }, lead: string, assignee: string) {
      const r = await gql<{ assignComplaint: Payload }>(
        app,
        ASSIGN,
        { input: { id: c.id, version: c.version, leadDepartmentId: lead, assigneeId: globalId("Staff", await staffId(assignee)) } },
        await as("sc.head"),
      );
      expect(r.errors).toBeUndefined();
      return r.data!.assignComplaint;
    }

    it("assignComplaint: the responsible person is refused with the reason unless the directory lists them (WF-1, SEC-2)", async () => {
      // The service centre's head assigns: a CONFIDENTIAL case is above a service representative's clearance.
      const c = await classifiedComplaint("LX", "CONFIDENTIAL");
      const offered = await logins("sc.head", { pick: "ASSIGNEE", complaintId: c.id, departmentId: lxOffice });
      expect(offered).toEqual(["director.lx"]);
      const refused: [string, string, RegExp][] = [
        [lxOffice, "frontdesk.lx", /clearance/],
        [lxOffice, "eng.head", /member of the lead department/],
        [jhOffice, "director.jh", /does not work on this complaint's estate/],
        [await dept("SC"), "analyst", /role does not handle complaints/],
      ];
      for (const [lead, login, why] of refused) {
        expect(await assign(c, lead, login), login).toMatchObject({
          __typename: "InputError",
          field: "input.assigneeId",
          message: expect.stringMatching(why),
        });
      }
      const [still] = await q<{ status: string; version: number; assignee_id: string | null }>(
        `SELECT status, version, assignee_id FROM complaints WHERE id = $1`,
        [c.uuid],
      );
      expect(still).toEqual({ status: "CLASSIFIED", version: c.version, assignee_id: null });

      const done = await assign(c, lxOffice, offered[0]!);
      expect(done.data).toMatchObject({ status: "ASSIGNED", assignee: { login: "director.lx" } });
      const [row] = await q<{ assignee_id: string }>(`SELECT assignee_id FROM complaints WHERE id = $1`, [c.uuid]);
      expect(row!.assignee_id).toBe(await staffId("director.lx"));
    });

    it("escalateComplaint: to a supervisor the directory offers; not oneself, not a non-supervisor, not one of another estate (WF-7)", async () => {
      const c = await classifiedComplaint("KC", "SECRET");
      const escalate = async (login: string, to: string, version = c.version) => {
        const r = await gql<{ escalateComplaint: Payload }>(
          app,
          ESCALATE,
          { input: { id: c.id, version, reason: "业主要求主管处理", toStaffId: globalId("Staff", await staffId(to)) } },
          await as(login),
        );
        expect(r.errors).toBeUndefined();
        return r.data!.escalateComplaint;
      };
      expect(await escalate("sc.head", "sc.head")).toMatchObject({
        __typename: "InputError",
        field: "input.toStaffId",
        message: expect.stringMatching(/other than yourself/),
      });
      expect(await escalate("sc.head", "frontdesk.kc")).toMatchObject({
        __typename: "InputError",
        field: "input.toStaffId",
        message: expect.stringMatching(/Not a supervisor/),
      });
      expect(await escalate("sc.head", "director.lx")).toMatchObject({
        __typename: "InputError",
        field: "input.toStaffId",
        message: expect.stringMatching(/does not work on this complaint's estate/),
      });
      expect((await q(`SELECT 1 FROM complaint_escalations WHERE complaint_id = $1`, [c.uuid])).length).toBe(0);

      const offered = await logins("sc.head", { pick: "ESCALATION", complaintId: c.id });
      expect(offered).toContain("director.kc");
      const done = await escalate("sc.head", "director.kc");
      expect(done.data!.escalations.map((e) => e.escalatedTo?.login)).toEqual(["director.kc"]);
    });
  });
});
