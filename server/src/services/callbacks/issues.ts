import type { SignedInContext } from "../../access/context.ts";
import { inOrganization } from "../../access/read-scope.ts";
import { CallbackIssueConflictError } from "../../errors/callbacks.ts";
import { InputCheck, NotFoundError } from "../../errors/typed-errors.ts";
import { writeAtVersion } from "../versioned-write.ts";
import { callbackScope } from "../../access/scopes/callbacks.ts";

export interface ReplyToCallbackIssueInput {
  /** The issue's row id. */
  id: string;
  version: number;
  /** What the customer was told. */
  resolution: string;
  resolved: boolean;
}

/**
 * CB-7: the reply to an issue raised in a callback (the first reply time is kept); resolving it
 * records who and when. Returns the issue's id.
 */
export async function replyToCallbackIssue(ctx: SignedInContext, input: ReplyToCallbackIssueInput): Promise<string> {
  const check = new InputCheck();
  const resolution = check.text(input.resolution, "input.resolution", 2000);
  check.done();
  const issue = await ctx.prisma.callbackIssue.findFirst({ where: { id: input.id, ...inOrganization(ctx), callback: callbackScope(ctx) } });
  if (!issue) throw new NotFoundError("Callback issue");
  const resolved = input.resolved;
  await writeAtVersion(
    ctx.prisma.callbackIssue,
    { id: issue.id, version: input.version },
    {
      resolution,
      repliedAt: issue.repliedAt ?? ctx.now,
      resolved,
      resolvedAt: resolved ? ctx.now : null,
      resolvedById: resolved ? ctx.viewer.staffId : null,
    },
    (id, v) => new CallbackIssueConflictError(id, v),
  );
  return issue.id;
}
