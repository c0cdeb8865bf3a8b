import { builder } from "../../builder.ts";
import { complaintScope } from "../../access/read-scope.ts";
import { repeatRepairState, type RepeatRepairState } from "../../services/recurrence/repeat-repair-rule.ts";
import { recordRepeatRepairCause, type RecordRepeatRepairCauseInput } from "../../services/recurrence/repeat-repair.ts";
import { complaintMutation } from "../complaints/mutation.ts";

/**
 * REC-3, CB-11 in the schema: the responsible manager records the cause of a repeated repair
 * (services/recurrence/repeat-repair.ts), and the complaint shows where it stands (the rule and
 * its workflow hooks: services/recurrence/repeat-repair-rule.ts).
 */
complaintMutation<Omit<RecordRepeatRepairCauseInput, "id" | "version">>("recordRepeatRepairCause", {
  description:
    "REC-3, CB-11: the responsible manager records why the same repair came back and the measures against it " +
    "(on the timeline, as case content); a repeated repair is resolved only after this or a corrective action",
  fields: (t) => ({
    cause: t.string({ required: true, description: "Why the repair came back" }),
    measures: t.string({ required: true, description: "What is done so that it does not come back" }),
  }),
  service: recordRepeatRepairCause,
});

const RepeatRepair = builder.objectRef<RepeatRepairState>("RepeatRepair").implement({
  description: "REC-3, CB-11: the same repair at the same household again within the window",
  fields: (t) => ({
    earlier: t.prismaField({
      type: "Complaint",
      nullable: true,
      description: "REC-3: the earlier repair (null when outside your scope)",
      resolve: (query, s, _a, ctx) => ctx.prisma.complaint.findFirst({ ...query, where: { id: s.earlierId, AND: [complaintScope(ctx)] } }),
    }),
    windowDays: t.exposeInt("windowDays", { description: "REC-3.repeatRepairDays in force when it was received" }),
    escalated: t.exposeBoolean("escalated", { description: "WF-7: escalated one level for REC-3" }),
    causeRecorded: t.exposeBoolean("causeRecorded", { description: "CB-11: the responsible manager recorded cause and measures" }),
    correctiveActionLinked: t.exposeBoolean("correctiveActionLinked", { description: "REC-1: a corrective action covers it" }),
    readyToResolve: t.boolean({
      description: "Cause recorded or a corrective action linked",
      resolve: (s) => s.causeRecorded || s.correctiveActionLinked,
    }),
  }),
});

builder.prismaObjectField("Complaint", "repeatRepair", (t) =>
  t.field({
    type: RepeatRepair,
    nullable: true,
    description: "REC-3: null unless this is the same repair at the same household again within the window",
    select: {
      organizationId: true,
      estateId: true,
      kind: true,
      valid: true,
      duplicateOfId: true,
      householdId: true,
      categoryId: true,
      receivedAt: true,
    },
    resolve: (c, _a, ctx) => repeatRepairState(ctx.prisma, c),
  }),
);
