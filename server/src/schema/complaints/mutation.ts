import type { InputFieldBuilder, InputFieldMap } from "@pothos/core";
import { builder } from "../../builder.ts";
import type { SignedInContext } from "../../access/context.ts";
import type { Permission } from "../../domain/access/permissions.ts";
import { nonEmpty } from "../prisma-query.ts";
import { COMPLAINT_EDIT_ERRORS } from "./editing.ts";

type Types = typeof builder extends PothosSchemaTypesBuilder<infer T> ? T : never;
type PothosSchemaTypesBuilder<T extends PothosSchemaTypes.UserSchemaTypes> = PothosSchemaTypes.SchemaBuilder<
  PothosSchemaTypes.ExtendDefaultTypes<T>
>;
type Fields = (t: InputFieldBuilder<PothosSchemaTypes.ExtendDefaultTypes<Types>, "InputObject">) => InputFieldMap;

/** What every complaint command gets: the complaint's row id and the version the caller read. */
export interface ComplaintCommand {
  id: string;
  version: number;
}

type GlobalId = { id: string; typename: string };

function isGlobalId(v: unknown): v is GlobalId {
  return (
    typeof v === "object" &&
    v !== null &&
    !(v instanceof Date) &&
    typeof (v as GlobalId).id === "string" &&
    typeof (v as GlobalId).typename === "string"
  );
}

/**
 * The input as the service takes it: every global id (and list of them) decoded to its row id,
 * everything else as given.
 */
export function plainIds(input: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input)) {
    if (isGlobalId(v)) out[k] = v.id;
    else if (Array.isArray(v) && v.every(isGlobalId)) out[k] = v.map((g) => g.id);
    else out[k] = v;
  }
  return out;
}

type Options<I> = {
  description: string;
  inputDescription?: string;
  permission?: Permission;
  fields: Fields;
  /** The command (services/complaints/ or its area's services): reads the complaint at the version, checks, writes (SPEC §5). */
  service: (ctx: SignedInContext, input: I & ComplaintCommand) => Promise<unknown>;
};

/**
 * A mutation that edits one complaint (SPEC §5): input `{ id, version, … }`, union payload with
 * the complaint or a typed error (InputError naming every bad field, WorkflowError, conflict).
 * The resolver decodes the ids and calls one service; a typed error rolls everything back.
 */
export function complaintMutation<I>(name: string, opts: Options<I>): void {
  const Input = builder.inputType(`${name[0]!.toUpperCase()}${name.slice(1)}Input`, {
    description: opts.inputDescription ?? `The input of ${name}: the complaint, the version read, and the command's fields`,
    fields: (t) => ({
      id: t.globalID({ required: true, description: "The complaint" }),
      version: t.int({ required: true, description: "The version read; a stale one gets a ComplaintConflictError and changes nothing" }),
      ...opts.fields(t as never),
    }),
  });
  builder.mutationField(name, (t) =>
    t.withAuth({ permission: opts.permission ?? "complaints:write" }).prismaField({
      type: "Complaint",
      description: opts.description,
      errors: { types: COMPLAINT_EDIT_ERRORS },
      args: { input: t.arg({ type: Input, required: true, description: "The complaint, the version read, and the command's fields" }) },
      resolve: async (query, _r, { input }, ctx) => {
        const raw = input as unknown as Record<string, unknown>;
        const id = (raw.id as GlobalId).id;
        await opts.service(ctx, plainIds(raw) as I & ComplaintCommand);
        return ctx.prisma.complaint.findUniqueOrThrow({ ...nonEmpty(query), where: { id } });
      },
    }),
  );
}
