import { builder } from "../../builder.ts";
import { OPEN_STATES } from "../../domain/complaints/workflow.ts";
import { isSupervisor } from "../../domain/recurrence/corrective-action-workflow.ts";
import { ForbiddenError, InputError, requiredText } from "../../errors/typed-errors.ts";
import { complaintScope } from "../../access/read-scope.ts";
import { saveComplaint } from "../complaints/editing.ts";
import { complaintMutation } from "../complaints/mutation.ts";
import { earlierRepair, repeatRepairState, type RepeatRepairState } from "./repeat-repair-rule.ts";

/**
 * REC-3, CB-11 in the schema: the responsible manager records the cause of a repeated repair,
 * and the complaint shows where it stands (the rule and its workflow hooks: repeat-repair-rule.ts).
 */
complaintMutation<{ cause: string; measures: string }>("recordRepeatRepairCause", {
  description:
    "REC-3, CB-11: the responsible manager records why the same repair came back and the measures against it " +
    "(on the timeline, as case content); a repeated repair is resolved only after this or a corrective action",
  fields: (t) => ({
    cause: t.string({ required: true, description: "Why the repair came back" }),
    measures: t.string({ required: true, description: "What is done so that it does not come back" }),
  }),
  apply: async (ctx, row, input) => {
    // CB-11 (004 §1 item 5 "负责人也要亲自回访客户,分析原因,制定处理措施"): the responsible manager.
    if (!isSupervisor(ctx.viewer!.role)) throw new ForbiddenError("The cause of a repeated repair is recorded by the responsible manager (CB-11)");
    const cause = requiredText(input.cause, "input.cause", 4000);
    const measures = requiredText(input.measures, "input.measures", 4000);
    if (!OPEN_STATES.includes(row.status)) throw new InputError("input.id", `A ${row.status} complaint is closed`);
    const earlier = await earlierRepair(ctx.prisma, row);
    if (!earlier) throw new InputError("input.id", "The complaint is not a repeated repair (REC-3)");
    return saveComplaint(ctx, row, {}, [{ kind: "NOTE", note: `REC-3 原因：${cause}\n措施：${measures}`, data: { rule: "REC-3", repeatCause: true, earlierId: earlier.id } }]);
  },
});

const RepeatRepair = builder.objectRef<RepeatRepairState>("RepeatRepair").implement({
  description: "REC-3, CB-11: the same repair at the same household again within the window",
  fields: (t) => ({
    earlier: t.prismaField({
      type: "Complaint", nullable: true, description: "The earlier repair (null when outside your scope)",
      resolve: (query, s, _a, ctx) => ctx.prisma.complaint.findFirst({ ...query, where: { id: s.earlierId, AND: [complaintScope(ctx)] } }),
    }),
    windowDays: t.exposeInt("windowDays", { description: "REC-3.repeatRepairDays in force when it was received" }),
    escalated: t.exposeBoolean("escalated", { description: "WF-7: escalated one level for REC-3" }),
    causeRecorded: t.exposeBoolean("causeRecorded", { description: "CB-11: the responsible manager recorded cause and measures" }),
    correctiveActionLinked: t.exposeBoolean("correctiveActionLinked", { description: "REC-1: a corrective action covers it" }),
    readyToResolve: t.boolean({ description: "Cause recorded or a corrective action linked", resolve: (s) => s.causeRecorded || s.correctiveActionLinked }),
  }),
});

builder.prismaObjectField("Complaint", "repeatRepair", (t) =>
  t.field({
    type: RepeatRepair,
    nullable: true,
    description: "REC-3: null unless this is the same repair at the same household again within the window",
    select: { organizationId: true, estateId: true, kind: true, valid: true, duplicateOfId: true, householdId: true, categoryId: true, receivedAt: true },
    resolve: (c, _a, ctx) => repeatRepairState(ctx.prisma, c),
  }));
