import { builder } from "../../builder.ts";
import { CallbackConflictError, CallbackIssueConflictError } from "../../errors/callbacks.ts";
import { recordCallback } from "../../services/callbacks/record.ts";
import { replyToCallbackIssue } from "../../services/callbacks/issues.ts";
import { conflictErrorType, STANDARD_ERRORS } from "../errors.ts";
import { nonEmpty } from "../prisma-query.ts";
import { CallbackDimensionEnum, CallbackMethodEnum } from "./callback.ts";

/**
 * CB-5…CB-7: recording a callback's outcome and replying to the issues raised in it. The
 * resolvers decode the ids and call one service each (services/callbacks/).
 */

builder.objectFields(conflictErrorType(CallbackConflictError, "CallbackConflictError"), (t) => ({
  current: t.prismaField({
    type: "Callback",
    description: "The callback as it is now",
    resolve: (query, e, _a, ctx) => ctx.prisma.callback.findUniqueOrThrow({ ...query, where: { id: e.recordId } }),
  }),
}));
conflictErrorType(CallbackIssueConflictError, "CallbackIssueConflictError");

/** The typed errors of the commands that change one callback. */
export const CALLBACK_ERRORS = [...STANDARD_ERRORS, CallbackConflictError];

export const FileUpload = builder.inputType("FileUpload", {
  description: "A file sent inline: its name, media type and bytes in base64 (at most 10 MB)",
  fields: (t) => ({
    fileName: t.string({ required: true, description: "The file's name, as shown with the attachment" }),
    mimeType: t.string({ required: true, description: "The media type (checked against the bytes)" }),
    contentBase64: t.string({ required: true, description: "The file's bytes in base64" }),
  }),
});

const RatingInput = builder.inputType("CallbackRatingInput", {
  description: "CB-6: the customer's verdict on one dimension",
  fields: (t) => ({
    dimension: t.field({ type: CallbackDimensionEnum, required: true, description: "What is rated; each at most once" }),
    rating: t.int({ required: false, description: "1 (very dissatisfied) … 5 (very satisfied)" }),
    satisfied: t.boolean({ required: false, description: "When only satisfied / dissatisfied was asked" }),
    comment: t.string({ required: false, description: "What the customer said about it" }),
  }),
});

const IssueInput = builder.inputType("CallbackIssueInput", {
  description: "CB-6, CB-7: a new issue the customer raised",
  fields: (t) => ({
    description: t.string({ required: true, description: "The issue (at most 2000 characters)" }),
    answeredOnSpot: t.boolean({ required: true, description: "CB-7: answered during the callback" }),
    promisedReplyAt: t.field({
      type: "DateTime",
      required: false,
      description: "CB-7: required when not answered on the spot; in the future",
    }),
    departmentId: t.globalID({ required: false, description: "The department that will answer" }),
  }),
});

const RecordCallbackInput = builder.inputType("RecordCallbackInput", {
  description: "CB-5…CB-7: the outcome of a planned callback",
  fields: (t) => ({
    id: t.globalID({ required: true, description: "The callback" }),
    version: t.int({ required: true, description: "The version read; a stale one gets a CallbackConflictError and changes nothing" }),
    method: t.field({
      type: CallbackMethodEnum,
      required: true,
      description: "CB-5: how it was made (CB-11: IN_PERSON when fixed so; CB-7: not PHONE for a major complaint's follow-up)",
    }),
    calledAt: t.field({
      type: "DateTime",
      required: false,
      description: "When it was made; default now, never before it was planned nor in the future",
    }),
    reached: t.boolean({ required: true, description: "CB-1: whether the customer was reached (not reached: tried again the next day)" }),
    satisfied: t.boolean({ required: false, description: "CB-6: the customer's overall verdict (required when reached)" }),
    ratings: t.field({ type: [RatingInput], required: false, description: "CB-6: verdicts per dimension (only when reached)" }),
    issues: t.field({ type: [IssueInput], required: false, description: "CB-6, CB-7: new issues (only when reached)" }),
    comment: t.string({ required: false, description: "CB-6: what the customer said" }),
    signature: t.field({
      type: FileUpload,
      required: false,
      description: "CB-5: the customer's signature (required in person or by appointment)",
    }),
  }),
});

builder.mutationField("recordCallback", (t) =>
  t.withAuth({ permission: "complaints:write" }).prismaField({
    type: "Callback",
    description:
      "CB-5…CB-7: the outcome of a callback. In person needs the customer's signature; a satisfied customer verifies the complaint, " +
      "a dissatisfied one reopens it (the handling department is told) and the next callback is planned; an unreached customer is tried again",
    errors: { types: CALLBACK_ERRORS },
    args: { input: t.arg({ type: RecordCallbackInput, required: true, description: "The outcome" }) },
    resolve: async (query, _r, { input }, ctx) => {
      const id = await recordCallback(ctx, {
        ...input,
        id: input.id.id,
        issues: input.issues?.map((i) => ({ ...i, departmentId: i.departmentId?.id ?? null })),
      });
      return ctx.prisma.callback.findUniqueOrThrow({ ...nonEmpty(query), where: { id } });
    },
  }),
);

const ReplyToIssueInput = builder.inputType("ReplyToCallbackIssueInput", {
  description: "CB-7: the reply to an issue raised in a callback",
  fields: (t) => ({
    id: t.id({ required: true, description: "The issue (CallbackIssue.id)" }),
    version: t.int({ required: true, description: "The version read; a stale one gets a CallbackIssueConflictError and changes nothing" }),
    resolution: t.string({ required: true, description: "What the customer was told (at most 2000 characters)" }),
    resolved: t.boolean({ required: true, description: "CB-7: the issue is resolved" }),
  }),
});

builder.mutationField("replyToCallbackIssue", (t) =>
  t.withAuth({ permission: "complaints:write" }).prismaField({
    type: "CallbackIssue",
    description: "CB-7: the reply to an issue raised in a callback, by its promised time",
    errors: { types: [...STANDARD_ERRORS, CallbackIssueConflictError] },
    args: { input: t.arg({ type: ReplyToIssueInput, required: true, description: "The reply" }) },
    resolve: async (query, _r, { input }, ctx) => {
      const id = await replyToCallbackIssue(ctx, { ...input, id: String(input.id) });
      return ctx.prisma.callbackIssue.findUniqueOrThrow({ ...nonEmpty(query), where: { id } });
    },
  }),
);
