import type { SignedInContext } from "../../access/context.ts";
import { OPEN_STATES } from "../../domain/complaints/workflow.ts";
import { isSupervisor } from "../../domain/recurrence/corrective-action-workflow.ts";
import { ForbiddenError, InputCheck } from "../../errors/typed-errors.ts";
import { msg } from "../../i18n/messages.ts";
import { complaintForEdit, saveComplaint } from "../complaints/editing.ts";
import { earlierRepair } from "./repeat-repair-rule.ts";

export interface RecordRepeatRepairCauseInput {
  id: string;
  version: number;
  cause: string;
  measures: string;
}

/**
 * REC-3, CB-11 (004 §1 item 5 "负责人也要亲自回访客户,分析原因,制定处理措施"): the responsible
 * manager records why the same repair came back and the measures against it, on the timeline as
 * case content; a repeated repair is resolved only after this or a corrective action.
 */
export async function recordRepeatRepairCause(ctx: SignedInContext, input: RecordRepeatRepairCauseInput): Promise<void> {
  const row = await complaintForEdit(ctx, input.id, input.version);
  if (!isSupervisor(ctx.viewer.role)) throw new ForbiddenError(msg("repeatCauseForbidden"));
  const check = new InputCheck();
  const cause = check.text(input.cause, "input.cause", 4000);
  const measures = check.text(input.measures, "input.measures", 4000);
  const open = check.that(OPEN_STATES.includes(row.status), "input.id", msg("repeatComplaintClosed", { status: row.status }));
  const earlier = open ? await earlierRepair(ctx.prisma, row) : null;
  if (open) check.that(!!earlier, "input.id", msg("notRepeatRepair"));
  check.done();
  await saveComplaint(ctx, row, {}, [
    { kind: "NOTE", data: { rule: "REC-3", repeatCause: true, earlierId: earlier!.id, cause, measures } },
  ]);
}
