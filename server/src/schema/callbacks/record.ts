import type { Callback, CallbackDimension, CallbackMethod, Prisma } from "@tingjian/prisma/client";
import { builder } from "../../builder.ts";
import type { Context } from "../../access/context.ts";
import { createCallbacks } from "../../services/callbacks/create.ts";
import { syncSlaStages } from "../../services/complaints/sla-stages.ts";
import { ConflictError, ForbiddenError, InputError, NotFoundError, requiredText } from "../../errors/typed-errors.ts";
import { conflictErrorType, STANDARD_ERRORS } from "../errors.ts";
import { nonEmpty } from "../prisma-query.ts";
import { inOrganization } from "../../access/read-scope.ts";
import { appendEvents, performAction } from "../complaints/editing.ts";
import { checkFileName, checkMimeType, decodeContent, storeContent } from "../complaints/evidence.ts";
import { callbackRef, callbackScope, CallbackDimensionEnum, CallbackMethodEnum } from "./callback.ts";
import { entitlement } from "../../access/disclosure.ts";

const DAY = 86_400_000;

export class CallbackConflictError extends ConflictError {}
builder.objectFields(conflictErrorType(CallbackConflictError, "CallbackConflictError"), (t) => ({
  current: t.prismaField({ type: "Callback", resolve: (query, e, _a, ctx) => ctx.prisma.callback.findUniqueOrThrow({ ...query, where: { id: e.recordId } }) }),
}));
export const CALLBACK_ERRORS = [...STANDARD_ERRORS, CallbackConflictError];

/** The callback as the caller last read it, under the caller's scope; another version is a conflict. */
export async function callbackForEdit(ctx: Context, id: string, version: number): Promise<Callback> {
  const row = await ctx.prisma.callback.findFirst({ where: { id, ...callbackScope(ctx) } });
  if (!row) throw new NotFoundError("Callback");
  // SEC-2: who may not read what the customer said may not record or review it either.
  if (!(await entitlement(ctx, callbackRef(row), "CASE")).ok) throw new ForbiddenError("You may not handle this callback (its classification or your need to know)");
  if (row.version !== version) throw new CallbackConflictError(row.id, row.version);
  return row;
}

/** Writes `data` if the callback is still at the version read. */
export async function saveCallback(ctx: Context, row: Callback, data: Prisma.CallbackUncheckedUpdateManyInput): Promise<void> {
  const n = await ctx.prisma.callback.updateMany({ where: { id: row.id, version: row.version }, data: { ...data, version: { increment: 1 } } });
  if (n.count === 0) throw new CallbackConflictError(row.id, (await ctx.prisma.callback.findUniqueOrThrow({ where: { id: row.id }, select: { version: true } })).version);
}

export const FileUpload = builder.inputType("FileUpload", {
  description: "A file sent inline: its name, media type and bytes in base64 (at most 10 MB)",
  fields: (t) => ({
    fileName: t.string({ required: true }),
    mimeType: t.string({ required: true }),
    contentBase64: t.string({ required: true }),
  }),
});

const RatingInput = builder.inputType("CallbackRatingInput", {
  fields: (t) => ({
    dimension: t.field({ type: CallbackDimensionEnum, required: true }),
    rating: t.int({ required: false, description: "1 (very dissatisfied) … 5 (very satisfied)" }),
    satisfied: t.boolean({ required: false, description: "When only satisfied / dissatisfied was asked" }),
    comment: t.string({ required: false }),
  }),
});

const IssueInput = builder.inputType("CallbackIssueInput", {
  fields: (t) => ({
    description: t.string({ required: true }),
    answeredOnSpot: t.boolean({ required: true }),
    promisedReplyAt: t.field({ type: "DateTime", required: false, description: "CB-7: required when not answered on the spot" }),
    departmentId: t.globalID({ required: false, description: "The department that will answer" }),
  }),
});

const RecordCallbackInput = builder.inputType("RecordCallbackInput", {
  fields: (t) => ({
    id: t.globalID({ required: true }),
    version: t.int({ required: true }),
    method: t.field({ type: CallbackMethodEnum, required: true }),
    calledAt: t.field({ type: "DateTime", required: false, description: "Default now" }),
    reached: t.boolean({ required: true }),
    satisfied: t.boolean({ required: false, description: "CB-6: the customer's overall verdict (required when reached)" }),
    ratings: t.field({ type: [RatingInput], required: false }),
    issues: t.field({ type: [IssueInput], required: false }),
    comment: t.string({ required: false }),
    signature: t.field({ type: FileUpload, required: false, description: "CB-5: the customer's signature (in person or by appointment)" }),
  }),
});

type RecordInput = typeof RecordCallbackInput.$inferInput;
const IN_PERSON: readonly CallbackMethod[] = ["IN_PERSON", "APPOINTMENT"];

builder.mutationField("recordCallback", (t) =>
  t.prismaField({
    type: "Callback",
    description:
      "CB-5…CB-7: the outcome of a callback. In person needs the customer's signature; a satisfied customer verifies the complaint, " +
      "a dissatisfied one reopens it (the handling department is told) and the next callback is planned; an unreached customer is tried again",
    authScopes: { permission: "complaints:write" },
    errors: { types: CALLBACK_ERRORS },
    args: { input: t.arg({ type: RecordCallbackInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      const cb = await callbackForEdit(ctx, input.id.id, input.version);
      if (cb.status !== "PLANNED") throw new InputError("input.id", `This callback was already recorded (${cb.status})`);
      const complaint = cb.complaintId ? await ctx.prisma.complaint.findUniqueOrThrow({ where: { id: cb.complaintId } }) : null;
      const outcome = validate(ctx, cb, complaint?.severity ?? null, input);
      const signature = input.signature && outcome.reached ? await storeSignature(ctx, input.signature) : null;
      await saveCallback(ctx, cb, {
        status: outcome.reached ? "DONE" : "NOT_REACHED", method: input.method, calledAt: outcome.calledAt, staffId: ctx.viewer!.staffId,
        reached: outcome.reached, satisfied: outcome.satisfied, signed: !!signature, comment: input.comment?.trim() || null,
      });
      const organizationId = ctx.organizationId!;
      if (signature) await ctx.prisma.attachment.create({ data: { organizationId, kind: "SIGNATURE", ...signature, callbackId: cb.id, complaintId: cb.complaintId, uploadedById: ctx.viewer!.staffId, uploadedAt: ctx.now } });
      if (outcome.ratings.length) await ctx.prisma.callbackRating.createMany({ data: outcome.ratings.map((r) => ({ organizationId, callbackId: cb.id, ...r })) });
      if (outcome.issues.length) await ctx.prisma.callbackIssue.createMany({ data: outcome.issues.map((i) => ({ organizationId, callbackId: cb.id, ...i })) });
      if (!outcome.reached) {
        // CB-1: a customer not reached is tried again the next day.
        await createCallbacks(ctx.prisma, [{ ...carryOver(cb), sequence: cb.sequence, dueAt: new Date(ctx.now.getTime() + DAY), createdAt: ctx.now }]);
      }
      if (complaint) await onComplaint(ctx, cb, complaint.id, outcome);
      return ctx.prisma.callback.findUniqueOrThrow({ ...nonEmpty(query), where: { id: cb.id } });
    },
  }),
);

interface Outcome {
  reached: boolean;
  satisfied: boolean | null;
  calledAt: Date;
  ratings: { dimension: CallbackDimension; rating: number | null; satisfied: boolean | null; comment: string | null }[];
  issues: { description: string; answeredOnSpot: boolean; promisedReplyAt: Date | null; departmentId: string | null }[];
}

function validate(ctx: Context, cb: Callback, severity: string | null, input: RecordInput): Outcome {
  const calledAt = input.calledAt ?? ctx.now;
  if (calledAt.getTime() > ctx.now.getTime() + 60_000 || calledAt < cb.createdAt) throw new InputError("input.calledAt", "The call was made after the callback was planned and not in the future");
  // CB-11: a callback fixed in advance as in person cannot become a phone call.
  if (cb.method === "IN_PERSON" && input.method !== "IN_PERSON") throw new InputError("input.method", "This callback is made in person (CB-11: a disruptive or repeated repair)");
  // CB-7 (001 §2): from the second callback on a phone call will do, except for a major complaint.
  if (input.method === "PHONE" && severity === "MAJOR" && cb.sequence >= 2) throw new InputError("input.method", "A follow-up callback of a major complaint is not made by phone (CB-7)");
  if (!input.reached) {
    if (input.satisfied != null || input.ratings?.length || input.issues?.length) throw new InputError("input.reached", "A customer not reached gives no verdict, ratings or issues");
    return { reached: false, satisfied: null, calledAt, ratings: [], issues: [] };
  }
  if (input.satisfied == null) throw new InputError("input.satisfied", "Was the customer satisfied? (CB-6)");
  // CB-5 (001 §2): an in-person callback carries the customer's signature; a phone one needs none.
  if (IN_PERSON.includes(input.method) && !input.signature) throw new InputError("input.signature", "An in-person callback carries the customer's signature (CB-5)");
  const seen = new Set<string>();
  const ratings = (input.ratings ?? []).map((r, i) => {
    if (seen.has(r.dimension)) throw new InputError(`input.ratings.${i}.dimension`, `${r.dimension} is rated twice`);
    seen.add(r.dimension);
    if (r.rating != null && !(Number.isInteger(r.rating) && r.rating >= 1 && r.rating <= 5)) throw new InputError(`input.ratings.${i}.rating`, "A rating from 1 to 5");
    if (r.rating == null && r.satisfied == null) throw new InputError(`input.ratings.${i}.rating`, "Give a rating or satisfied / dissatisfied");
    return { dimension: r.dimension, rating: r.rating ?? null, satisfied: r.satisfied ?? (r.rating != null ? r.rating >= 4 : null), comment: r.comment?.trim() || null };
  });
  const issues = (input.issues ?? []).map((x, i) => {
    const description = requiredText(x.description, `input.issues.${i}.description`, 2000);
    if (!x.answeredOnSpot && !x.promisedReplyAt) throw new InputError(`input.issues.${i}.promisedReplyAt`, "An issue not answered on the spot gets a promised reply time (CB-7)");
    if (x.promisedReplyAt && x.promisedReplyAt <= ctx.now) throw new InputError(`input.issues.${i}.promisedReplyAt`, "The promised reply time must be in the future");
    return { description, answeredOnSpot: x.answeredOnSpot, promisedReplyAt: x.answeredOnSpot ? null : x.promisedReplyAt!, departmentId: x.departmentId?.id ?? null, repliedAt: x.answeredOnSpot ? ctx.now : null } as Outcome["issues"][number];
  });
  return { reached: true, satisfied: input.satisfied, calledAt, ratings, issues };
}

async function storeSignature(ctx: Context, file: { fileName: string; mimeType: string; contentBase64: string }) {
  const bytes = decodeContent(file.contentBase64, "input.signature.contentBase64");
  const mimeType = checkMimeType("SIGNATURE", file.mimeType, bytes, "input.signature.mimeType");
  const fileName = checkFileName(file.fileName);
  return { fileName, mimeType, ...(await storeContent(ctx, bytes)) };
}

function carryOver(cb: Callback) {
  return {
    organizationId: cb.organizationId, kind: cb.kind, estateId: cb.estateId, complaintId: cb.complaintId, householdId: cb.householdId, customerId: cb.customerId,
    assignedToId: cb.assignedToId, method: cb.method === "IN_PERSON" ? ("IN_PERSON" as const) : null, previousCallbackId: cb.id,
    sampleMemberId: cb.sampleMemberId, communityEventId: cb.communityEventId, surveyHandoutId: cb.surveyHandoutId, surveyCampaignId: cb.surveyCampaignId,
    visitRecordId: cb.visitRecordId, classification: cb.classification,
  };
}

/**
 * CB-6, CB-7 on the complaint: the callback is on its timeline; a satisfied customer verifies the
 * result; a dissatisfied one reopens it, the handling department is notified, and the next
 * callback is planned (its due date is set again when the complaint is next confirmed).
 */
async function onComplaint(ctx: Context, cb: Callback, complaintId: string, outcome: Outcome): Promise<void> {
  const row = await ctx.prisma.complaint.findUniqueOrThrow({ where: { id: complaintId } });
  const event = { kind: "CALLBACK" as const, data: { callbackId: cb.id, sequence: cb.sequence, reached: outcome.reached, satisfied: outcome.satisfied } };
  if (outcome.reached && outcome.satisfied && row.status === "CONFIRMED") {
    await performAction(ctx, row, "VERIFY", { patch: { verifiedAt: outcome.calledAt, closedAt: outcome.calledAt }, events: [event] });
    return;
  }
  if (outcome.reached && outcome.satisfied === false && ["RESOLVED", "CONFIRMED", "VERIFIED"].includes(row.status)) {
    const note = "回访不满意，投诉重新打开 (CB-7)";
    await performAction(ctx, row, "REOPEN", {
      note, patch: { resolvedAt: null, confirmedAt: null, verifiedAt: null, closedAt: null },
      events: [event, { kind: "REOPENED", note }, { kind: "NOTE", note: "已通知责任部门", data: { notifiedDepartmentId: row.leadDepartmentId, rule: "CB-7" } }],
    });
    const dueAt = new Date(ctx.now.getTime() + 3 * DAY);
    const [next] = await createCallbacks(ctx.prisma, [{ ...carryOver(cb), sequence: cb.sequence + 1, dueAt, createdAt: ctx.now }]);
    await appendEvents(ctx, complaintId, [{ kind: "CALLBACK", note: `第${cb.sequence + 1}次回访已安排`, data: { callbackId: next!, planned: true, sequence: cb.sequence + 1, dueAt: dueAt.toISOString() } }]);
    return;
  }
  await appendEvents(ctx, complaintId, [event]);
  await syncSlaStages(ctx.prisma, complaintId, ctx.now);
}

const ReplyToIssueInput = builder.inputType("ReplyToCallbackIssueInput", {
  fields: (t) => ({
    id: t.id({ required: true, description: "The issue" }),
    version: t.int({ required: true }),
    resolution: t.string({ required: true, description: "What the customer was told" }),
    resolved: t.boolean({ required: true }),
  }),
});

class CallbackIssueConflictError extends ConflictError {}
conflictErrorType(CallbackIssueConflictError, "CallbackIssueConflictError");

builder.mutationField("replyToCallbackIssue", (t) =>
  t.prismaField({
    type: "CallbackIssue",
    description: "CB-7: the reply to an issue raised in a callback, by its promised time",
    authScopes: { permission: "complaints:write" },
    errors: { types: [...STANDARD_ERRORS, CallbackIssueConflictError] },
    args: { input: t.arg({ type: ReplyToIssueInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      const resolution = requiredText(input.resolution, "input.resolution", 2000);
      const issue = await ctx.prisma.callbackIssue.findFirst({ where: { id: String(input.id), ...inOrganization(ctx), callback: callbackScope(ctx) } });
      if (!issue) throw new NotFoundError("Callback issue");
      const n = await ctx.prisma.callbackIssue.updateMany({
        where: { id: issue.id, version: input.version },
        data: { resolution, repliedAt: issue.repliedAt ?? ctx.now, resolved: input.resolved, resolvedAt: input.resolved ? ctx.now : null, resolvedById: input.resolved ? ctx.viewer!.staffId : null, version: { increment: 1 } },
      });
      if (n.count === 0) throw new CallbackIssueConflictError(issue.id, issue.version);
      return ctx.prisma.callbackIssue.findUniqueOrThrow({ ...nonEmpty(query), where: { id: issue.id } });
    },
  }),
);
