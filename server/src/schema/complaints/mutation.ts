import type { Complaint } from "@tingjian/prisma/client";
import type { InputFieldBuilder, InputFieldMap } from "@pothos/core";
import { builder } from "../../builder.ts";
import type { Context } from "../../access/context.ts";
import type { Permission } from "../../domain/access/permissions.ts";
import { nonEmpty } from "../prisma-query.ts";
import { COMPLAINT_EDIT_ERRORS, complaintForEdit } from "./editing.ts";

type Types = typeof builder extends PothosSchemaTypesBuilder<infer T> ? T : never;
type PothosSchemaTypesBuilder<T extends PothosSchemaTypes.UserSchemaTypes> = PothosSchemaTypes.SchemaBuilder<PothosSchemaTypes.ExtendDefaultTypes<T>>;
type Fields = (t: InputFieldBuilder<PothosSchemaTypes.ExtendDefaultTypes<Types>, "InputObject">) => InputFieldMap;

/**
 * A mutation that edits one complaint (SPEC §5): input `{ id, version, … }`, union payload with
 * the complaint or a typed error (InputError naming the field, WorkflowError, conflict). The
 * complaint is read under the caller's scope at the version the caller saw; `apply` validates
 * before it writes, and a typed error rolls everything back.
 */
export function complaintMutation<I>(
  name: string,
  opts: { description: string; permission?: Permission; fields: Fields; apply: (ctx: Context, row: Complaint, input: I) => Promise<unknown> },
): void {
  const Input = builder.inputType(`${name[0]!.toUpperCase()}${name.slice(1)}Input`, {
    fields: (t) => ({
      id: t.globalID({ required: true, description: "The complaint" }),
      version: t.int({ required: true, description: "The version read; a stale one gets a ComplaintConflictError and changes nothing" }),
      ...opts.fields(t as never),
    }),
  });
  builder.mutationField(name, (t) =>
    t.prismaField({
      type: "Complaint",
      description: opts.description,
      authScopes: { permission: opts.permission ?? "complaints:write" },
      errors: { types: COMPLAINT_EDIT_ERRORS },
      args: { input: t.arg({ type: Input, required: true }) },
      resolve: async (query, _r, { input }, ctx) => {
        const { id, version } = input as unknown as { id: { id: string }; version: number };
        const row = await complaintForEdit(ctx, id.id, version);
        await opts.apply(ctx, row, input as unknown as I);
        return ctx.prisma.complaint.findUniqueOrThrow({ ...nonEmpty(query), where: { id: row.id } });
      },
    }),
  );
}
