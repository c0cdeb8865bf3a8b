import { createHash, randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "@tingjian/server";
import { useTestDatabase } from "@tingjian/prisma/testing";
import { housekeep } from "../../server/src/jobs/housekeeping.ts";
import { purgeExpiredRecordings } from "../../server/src/services/complaints/recordings-purge.ts";
import { gql, globalId, rowId, signIn, type Caller } from "./graphql.ts";
import { demoClock } from "../demo-clock.ts";

const DAY = 86_400_000;
const MB = 1024 * 1024;
const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");
const png = (n = 64) => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(n)]);
const audio = () => Buffer.concat([Buffer.from("RIFF"), randomBytes(256)]);

const PAYLOAD = `__typename ... on Error { message } ... on InputError { field }`;
const ADD = `mutation($input: AddComplaintAttachmentInput!) { addComplaintAttachment(input: $input) { ${PAYLOAD}
  ... on MutationAddComplaintAttachmentSuccess { data { id kind fileName mimeType sizeBytes sha256 uploadedBy { login } } } } }`;
const ACK = `mutation($input: AcknowledgeComplaintInput!) { acknowledgeComplaint(input: $input) { ${PAYLOAD} ... on ComplaintConflictError { currentVersion }
  ... on MutationAcknowledgeComplaintSuccess { data { id version acknowledgementDue acknowledgements { method sentAt sentBy { login } } timeline(first: 20) { edges { node { kind } } } } } } }`;
const RECORDING = `id startedAt durationSeconds callerNumber retainUntil hasAudio contentBase64 specialEvent archivedAt archiveNote purgedAt complaint { no } estate { code }`;
const REGISTER = `mutation($input: RegisterHotlineRecordingInput!) { registerHotlineRecording(input: $input) { ${PAYLOAD}
  ... on MutationRegisterHotlineRecordingSuccess { data { ${RECORDING} } } } }`;
const ARCHIVE = `mutation($input: ArchiveHotlineRecordingInput!) { archiveHotlineRecording(input: $input) { ${PAYLOAD}
  ... on MutationArchiveHotlineRecordingSuccess { data { ${RECORDING} archivedBy { login } } } } }`;

interface Payload<T> {
  __typename: string;
  field?: string;
  message?: string;
  currentVersion?: number;
  data?: T;
}
interface Recording {
  id: string;
  startedAt: string;
  callerNumber: string | null;
  retainUntil: string;
  hasAudio: boolean;
  contentBase64: string | null;
  specialEvent: boolean;
  archivedAt: string | null;
  purgedAt: string | null;
  durationSeconds: number;
}

describe("complaint evidence, acknowledgements and hotline recordings (SPEC §3)", () => {
  const t = useTestDatabase("demo");
  let app: App;
  const clock = demoClock();
  let clerk: Caller, otherClerk: Caller, analyst: Caller, exec: Caller;
  const q = (sql: string, params: unknown[] = []) => t.db.pool.query(sql, params).then((r) => r.rows);
  const n = async (sql: string, params: unknown[] = []) => (await q(`SELECT count(*)::int AS n FROM ${sql}`, params))[0].n as number;
  let phoneComplaint: string, letterComplaint: string, jhComplaint: string, lxEstate: string;

  async function mutate<T>(caller: Caller, query: string, input: Record<string, unknown>): Promise<Payload<T>> {
    const r = await gql<Record<string, Payload<T>>>(app, query, { input }, caller);
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return Object.values(r.data!)[0]!;
  }
  async function register(channel: string, caller = clerk, household?: string) {
    const [h] = household
      ? [{ id: household }]
      : await q(`SELECT h.id FROM households h JOIN estates e ON e.id = h.estate_id WHERE e.code = 'LX' ORDER BY h.code LIMIT 1`);
    const r = await mutate<{ id: string }>(
      caller,
      `mutation($input: RegisterComplaintInput!) { registerComplaint(input: $input) { ${PAYLOAD} ... on MutationRegisterComplaintSuccess { data { id } } } }`,
      {
        channel,
        householdId: globalId("Household", h.id),
        complainantName: "李先生",
        complainantContact: "13912345678",
        content: `${channel} 投诉：楼道灯不亮`,
      },
    );
    return r.data!.id;
  }
  const attach = (input: Record<string, unknown>, caller = clerk) =>
    mutate<{ id: string; sha256: string; sizeBytes: number; kind: string; uploadedBy: { login: string } }>(caller, ADD, input);
  const recordings = async (caller: Caller, filter: Record<string, unknown> = {}) =>
    (
      await gql<{ hotlineRecordings: { edges: { node: Recording }[] } }>(
        app,
        `query($f: HotlineRecordingFilter) { hotlineRecordings(first: 100, filter: $f) { edges { node { ${RECORDING} } } } }`,
        { f: filter },
        caller,
      )
    ).data!.hotlineRecordings.edges.map((e) => e.node);
  const recording = async (caller: Caller, id: string) =>
    (
      await gql<{ node: Recording | null }>(
        app,
        `query($id: ID!) { node(id: $id) { ... on HotlineRecording { ${RECORDING} } } }`,
        { id },
        caller,
      )
    ).data!.node;

  beforeAll(async () => {
    app = createApp({ prisma: t.prisma, clock });
    clerk = await signIn(app, "frontdesk.lx");
    otherClerk = await signIn(app, "frontdesk.jh");
    analyst = await signIn(app, "analyst");
    exec = await signIn(app, "exec");
    phoneComplaint = await register("PHONE");
    letterComplaint = await register("LETTER");
    const [jh] = await q(`SELECT h.id FROM households h JOIN estates e ON e.id = h.estate_id WHERE e.code = 'JH' LIMIT 1`);
    jhComplaint = await register("LETTER", otherClerk, jh.id);
    [{ id: lxEstate }] = await q(`SELECT id FROM estates WHERE code = 'LX'`);
  });

  describe("INT-2 evidence", () => {
    let photo: Buffer, attachmentId: string;

    it("is stored in the database, on the timeline, and read back intact (sha256 matches)", async () => {
      photo = png(4096);
      const r = await attach({
        id: phoneComplaint,
        kind: "PHOTO",
        fileName: "漏水现场.png",
        mimeType: "image/png",
        contentBase64: photo.toString("base64"),
      });
      expect(r).toMatchObject({
        __typename: "MutationAddComplaintAttachmentSuccess",
        data: { kind: "PHOTO", sizeBytes: photo.length, sha256: sha(photo), uploadedBy: { login: "frontdesk.lx" } },
      });
      attachmentId = r.data!.id;
      expect(await n(`attachments WHERE id = $1 AND storage_key = $2`, [rowId(attachmentId), `db:${sha(photo)}`])).toBe(1);
      const back = await gql<{
        node: { attachments: { id: string; contentBase64: string; sha256: string }[]; timeline: { edges: { node: { kind: string } }[] } };
      }>(
        app,
        `query($id: ID!) { node(id: $id) { ... on Complaint { attachments { id contentBase64 sha256 } timeline(first: 10) { edges { node { kind } } } } } }`,
        { id: phoneComplaint },
        clerk,
      );
      const [a] = back.data!.node.attachments;
      expect(a!.id).toBe(attachmentId);
      const bytes = Buffer.from(a!.contentBase64, "base64");
      expect(bytes.equals(photo)).toBe(true);
      expect(sha(bytes)).toBe(a!.sha256);
      expect(back.data!.node.timeline.edges.map((e) => e.node.kind)).toEqual(["REGISTERED", "ATTACHMENT_ADDED"]);
      // SEC-3: the read is in the access log.
      expect(
        await n(
          `access_logs l JOIN staff s ON s.id = l.staff_id WHERE s.login = 'frontdesk.lx' AND l.record_type = 'ATTACHMENT' AND l.record_id = $1 AND l.fields = '{contentBase64}'`,
          [rowId(attachmentId)],
        ),
      ).toBe(1);
    });

    it("the same bytes are stored once per organisation", async () => {
      const again = await attach({
        id: letterComplaint,
        kind: "DOCUMENT",
        fileName: "copy.png",
        mimeType: "image/png",
        contentBase64: photo.toString("base64"),
      });
      expect(again.__typename).toBe("MutationAddComplaintAttachmentSuccess");
      expect(await n(`file_contents WHERE sha256 = $1`, [sha(photo)])).toBe(1);
      expect(await n(`attachments WHERE sha256 = $1`, [sha(photo)])).toBe(2);
    });

    it("the bytes reach only callers entitled to the case; another estate does not find the attachment", async () => {
      const read = `query($c: ID!, $a: ID!) { c: node(id: $c) { ... on Complaint { attachments { sha256 contentBase64 } } } a: node(id: $a) { ... on Attachment { fileName contentBase64 } } }`;
      const seen = await gql<{
        c: { attachments: { sha256: string; contentBase64: string | null }[] } | null;
        a: { fileName: string; contentBase64: string | null } | null;
      }>(app, read, { c: phoneComplaint, a: attachmentId }, analyst);
      expect(seen.errors).toBeUndefined();
      expect(seen.data!.c!.attachments).toEqual([{ sha256: sha(photo), contentBase64: null }]);
      expect(seen.data!.a).toEqual({ fileName: "漏水现场.png", contentBase64: null });
      const other = await gql<{ c: unknown; a: unknown }>(app, read, { c: phoneComplaint, a: attachmentId }, otherClerk);
      expect(other.data).toEqual({ c: null, a: null });
      expect(
        await n(
          `access_logs l JOIN staff s ON s.id = l.staff_id WHERE s.login IN ('analyst', 'frontdesk.jh') AND l.record_type = 'ATTACHMENT'`,
        ),
      ).toBe(0);
    });

    it("too large, bad kind, type, name or content are typed errors that change nothing", async () => {
      const before = [await n("attachments"), await n("file_contents"), await n("complaint_events")];
      const ok = { id: phoneComplaint, kind: "PHOTO", fileName: "a.png", mimeType: "image/png", contentBase64: png().toString("base64") };
      const cases: [Record<string, unknown>, string, string][] = [
        [{ contentBase64: Buffer.concat([png(), Buffer.alloc(10 * MB - 71)]).toString("base64") }, "InputError", "input.contentBase64"],
        [{ contentBase64: "not base64!" }, "InputError", "input.contentBase64"],
        [{ contentBase64: "" }, "InputError", "input.contentBase64"],
        [{ mimeType: "application/pdf" }, "InputError", "input.mimeType"],
        [{ mimeType: "image/jpeg" }, "InputError", "input.mimeType"],
        [{ kind: "OTHER", mimeType: "text/html" }, "InputError", "input.mimeType"],
        [{ mimeType: "png" }, "InputError", "input.mimeType"],
        [{ fileName: "../../etc/passwd.png" }, "InputError", "input.fileName"],
        [{ fileName: "  " }, "InputError", "input.fileName"],
        [{ kind: "ARCHIVE_DOCUMENT", mimeType: "application/pdf" }, "InputError", "input.kind"],
        [{ id: jhComplaint }, "NotFoundError", ""],
      ];
      for (const [change, type, field] of cases) {
        const r = await attach({ ...ok, ...change });
        expect(r.__typename, JSON.stringify(change).slice(0, 100)).toBe(type);
        if (field) expect(r.field).toBe(field);
      }
      expect(cases[0]![0].contentBase64).toHaveLength(Math.ceil((10 * MB + 1) / 3) * 4);
      expect([await n("attachments"), await n("file_contents"), await n("complaint_events")]).toEqual(before);
      const forbidden = await gql(app, ADD, { input: ok }, analyst);
      expect(forbidden.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    });

    it("a file of exactly the limit is accepted", async () => {
      const big = Buffer.concat([png(), Buffer.alloc(10 * MB - 72)]);
      const r = await attach({
        id: phoneComplaint,
        kind: "PHOTO",
        fileName: "big.png",
        mimeType: "image/png",
        contentBase64: big.toString("base64"),
      });
      expect(r.data).toMatchObject({ sizeBytes: 10 * MB, sha256: sha(big) });
    });
  });

  describe("INT-5 acknowledgement of written complaints", () => {
    const due = async () =>
      (
        await gql<{ unacknowledgedComplaints: { totalCount: number; edges: { node: { id: string } }[] } }>(
          app,
          `{ unacknowledgedComplaints(first: 500) { totalCount edges { node { id } } } }`,
          {},
          clerk,
        )
      ).data!.unacknowledgedComplaints;

    it("a letter is due until acknowledged; the acknowledgement is the first reply and on the timeline", async () => {
      const listed = await due();
      expect(listed.edges.map((e) => e.node.id)).toContain(letterComplaint);
      expect(listed.edges.map((e) => e.node.id)).not.toContain(phoneComplaint);
      expect(listed.edges.map((e) => e.node.id)).not.toContain(jhComplaint);
      const [{ version }] = await q(`SELECT version FROM complaints WHERE id = $1`, [rowId(letterComplaint)]);

      const stale = await mutate(clerk, ACK, { id: letterComplaint, version: version + 7, method: "LETTER" });
      expect(stale).toMatchObject({ __typename: "ComplaintConflictError", currentVersion: version });
      const early = await mutate(clerk, ACK, { id: letterComplaint, version, method: "LETTER", sentAt: "2020-01-01T00:00:00Z" });
      expect(early).toMatchObject({ __typename: "InputError", field: "input.sentAt" });
      expect(await n(`complaint_acknowledgements WHERE complaint_id = $1`, [rowId(letterComplaint)])).toBe(0);

      const r = await mutate<{
        version: number;
        acknowledgementDue: boolean;
        acknowledgements: { method: string; sentBy: { login: string } }[];
        timeline: { edges: { node: { kind: string } }[] };
      }>(clerk, ACK, { id: letterComplaint, version, method: "SMS", note: "已短信告知收到来信" });
      expect(r.data).toMatchObject({
        version: version + 1,
        acknowledgementDue: false,
        acknowledgements: [{ method: "SMS", sentBy: { login: "frontdesk.lx" } }],
      });
      expect(r.data!.timeline.edges.map((e) => e.node.kind)).toContain("ACKNOWLEDGED");
      const [row] = await q(`SELECT first_replied_at FROM complaints WHERE id = $1`, [rowId(letterComplaint)]);
      expect(row.first_replied_at).not.toBeNull();
      expect((await due()).edges.map((e) => e.node.id)).not.toContain(letterComplaint);
      expect((await due()).totalCount).toBe(listed.totalCount - 1);
    });

    it("a phone complaint is refused with a typed error on input.id, and nothing is written", async () => {
      const [{ version }] = await q(`SELECT version FROM complaints WHERE id = $1`, [rowId(phoneComplaint)]);
      const r = await mutate(clerk, ACK, { id: phoneComplaint, version, method: "LETTER" });
      expect(r).toMatchObject({ __typename: "InputError", field: "input.id" });
      expect(r.message).toMatch(/PHONE/);
      expect(await n(`complaint_acknowledgements WHERE complaint_id = $1`, [rowId(phoneComplaint)])).toBe(0);
      expect((await q(`SELECT version FROM complaints WHERE id = $1`, [rowId(phoneComplaint)]))[0].version).toBe(version);
      const other = await mutate(clerk, ACK, { id: jhComplaint, version: 0, method: "LETTER" });
      expect(other.__typename).toBe("NotFoundError");
    });
  });

  describe("INT-6 hotline recordings", () => {
    const startedAt = new Date(clock().getTime() - 3_600_000);
    const at = (days: number, ms = 0) => new Date(startedAt.getTime() + days * DAY + ms);
    let kept: Recording, archived: Recording;
    let keptAudio: Buffer;

    it("are registered with the caller's number, the audio and at least 30 days of retention", async () => {
      keptAudio = audio();
      const r = await mutate<Recording>(clerk, REGISTER, {
        startedAt: startedAt.toISOString(),
        durationSeconds: 95,
        callerNumber: "13812340000",
        complaintId: phoneComplaint,
        contentBase64: keptAudio.toString("base64"),
      });
      expect(r.data).toMatchObject({
        callerNumber: "13812340000",
        hasAudio: true,
        retainUntil: at(30).toISOString(),
        complaint: { no: expect.any(String) },
        estate: { code: "LX" },
      });
      expect(Buffer.from(r.data!.contentBase64!, "base64").equals(keptAudio)).toBe(true);
      kept = r.data!;
      const second = await mutate<Recording>(clerk, REGISTER, {
        startedAt: startedAt.toISOString(),
        durationSeconds: 300,
        callerNumber: "13812349999",
        estateId: globalId("Estate", lxEstate),
        contentBase64: audio().toString("base64"),
      });
      archived = second.data!;
      const events = await q(`SELECT kind FROM complaint_events WHERE complaint_id = $1 ORDER BY at`, [rowId(phoneComplaint)]);
      expect(events.map((e) => e.kind)).toContain("ATTACHMENT_ADDED");
    });

    it("the caller's number is personal data: masked for the analyst, invisible to another estate, logged when read", async () => {
      const mine = await recordings(analyst, { estateId: globalId("Estate", lxEstate) });
      expect(mine.find((x) => x.id === kept.id)).toMatchObject({ callerNumber: "138****0000", contentBase64: null, hasAudio: true });
      expect(await recordings(otherClerk, {})).not.toContainEqual(expect.objectContaining({ id: kept.id }));
      expect(await recording(otherClerk, kept.id)).toBeNull();
      expect(await recording(otherClerk, archived.id)).toBeNull();
      expect((await recording(clerk, kept.id))!.callerNumber).toBe("13812340000");
      expect(
        await n(
          `access_logs l JOIN staff s ON s.id = l.staff_id WHERE s.login = 'frontdesk.lx' AND l.record_type = 'HOTLINE_RECORDING' AND l.record_id = $1 AND 'callerNumber' = ANY(l.fields)`,
          [rowId(kept.id)],
        ),
      ).toBeGreaterThan(0);
      expect(
        await n(`access_logs l JOIN staff s ON s.id = l.staff_id WHERE s.login = 'analyst' AND l.record_type = 'HOTLINE_RECORDING'`),
      ).toBe(0);
      const viaComplaint = await gql<{ node: { recordings: { id: string }[] } }>(
        app,
        `query($id: ID!) { node(id: $id) { ... on Complaint { recordings { id } } } }`,
        { id: phoneComplaint },
        clerk,
      );
      expect(viaComplaint.data!.node.recordings.map((x) => x.id)).toEqual([kept.id]);
    });

    it("bad input is a typed error and nothing is written", async () => {
      const before = await n("hotline_recordings");
      const ok = { startedAt: startedAt.toISOString(), durationSeconds: 60, estateId: globalId("Estate", lxEstate) };
      const cases: [Record<string, unknown>, string][] = [
        [{ durationSeconds: 0 }, "input.durationSeconds"],
        [{ callerNumber: "12" }, "input.callerNumber"],
        [{ startedAt: new Date(clock().getTime() + DAY).toISOString() }, "input.startedAt"],
        [{ estateId: undefined }, "input.estateId"],
        [{ complaintId: jhComplaint }, "input.complaintId"],
        [{ contentBase64: "%%%" }, "input.contentBase64"],
      ];
      for (const [change, field] of cases)
        expect(await mutate(clerk, REGISTER, { ...ok, ...change }), JSON.stringify(change)).toMatchObject({
          __typename: "InputError",
          field,
        });
      expect(await n("hotline_recordings")).toBe(before);
    });

    it("the retention policy in force applies per estate, never below 30 days", async () => {
      const [kc] = await q(`SELECT id FROM estates WHERE code = 'KC'`);
      const [ch] = await q(`SELECT id FROM estates WHERE code = 'CH'`);
      const [org] = await q(`SELECT organization_id FROM estates WHERE code = 'KC'`);
      await q(
        `INSERT INTO policy_values (organization_id, key, estate_id, value_numeric, unit, effective_from, updated_at) VALUES ($1, 'INT-6.retentionDays', $2, 45, 'DAYS', '2024-01-01', now()), ($1, 'INT-6.retentionDays', $3, 7, 'DAYS', '2024-01-01', now())`,
        [org.organization_id, kc.id, ch.id],
      );
      const longer = await mutate<Recording>(exec, REGISTER, {
        startedAt: startedAt.toISOString(),
        durationSeconds: 60,
        estateId: globalId("Estate", kc.id),
      });
      const shorter = await mutate<Recording>(exec, REGISTER, {
        startedAt: startedAt.toISOString(),
        durationSeconds: 60,
        estateId: globalId("Estate", ch.id),
      });
      expect(longer.data!.retainUntil).toBe(at(45).toISOString());
      expect(shorter.data!.retainUntil).toBe(at(30).toISOString());
    });

    it("an unresolved special event is archived separately, and the archiving is logged", async () => {
      const r = await mutate<Recording & { archivedBy: { login: string } }>(clerk, ARCHIVE, {
        id: archived.id,
        note: "电梯困人事件尚未解决",
      });
      expect(r.data).toMatchObject({ specialEvent: true, archiveNote: "电梯困人事件尚未解决", archivedBy: { login: "frontdesk.lx" } });
      archived = r.data!;
      expect(
        await n(
          `access_logs WHERE record_type = 'HOTLINE_RECORDING' AND record_id = $1 AND action = 'COPY' AND purpose = '电梯困人事件尚未解决'`,
          [rowId(archived.id)],
        ),
      ).toBe(1);
      expect(await mutate(clerk, ARCHIVE, { id: archived.id, note: "again" })).toMatchObject({
        __typename: "InputError",
        field: "input.id",
      });
      expect(await mutate(otherClerk, ARCHIVE, { id: kept.id, note: "x" })).toMatchObject({ __typename: "NotFoundError" });
    });

    it("audio is never purged before retainUntil, is purged after (metadata kept), and an archived one never", async () => {
      const audioRows = () => n(`file_contents WHERE sha256 = $1`, [sha(keptAudio)]);
      await purgeExpiredRecordings(t.prisma, at(29));
      await purgeExpiredRecordings(t.prisma, at(30));
      expect(await recording(clerk, kept.id)).toMatchObject({ hasAudio: true, purgedAt: null });
      expect(await audioRows()).toBe(1);

      const { purged } = await housekeep(t.prisma, at(30, 1000));
      expect(purged).toBeGreaterThanOrEqual(1);
      const after = (await recording(clerk, kept.id))!;
      expect(after).toMatchObject({
        hasAudio: false,
        contentBase64: null,
        purgedAt: at(30, 1000).toISOString(),
        callerNumber: "13812340000",
        durationSeconds: 95,
      });
      expect(await audioRows()).toBe(0);
      expect(await mutate(clerk, ARCHIVE, { id: kept.id, note: "too late" })).toMatchObject({
        __typename: "InputError",
        field: "input.id",
      });

      await purgeExpiredRecordings(t.prisma, at(3650));
      expect(await recording(clerk, archived.id)).toMatchObject({ hasAudio: true, purgedAt: null, specialEvent: true });
      expect((await recording(clerk, archived.id))!.contentBase64).not.toBeNull();
    });
  });
});
