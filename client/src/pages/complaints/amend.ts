import type { Client } from "@urql/core";
import type { CellEdit, EditOutcome } from "../../components/cell-editing/index.ts";
import { AmendComplaintMutation, type AmendInput, type ComplaintRow } from "../../graphql/complaints.ts";
import { translator } from "../../i18n/locale.ts";

const t = translator({
  forbidden: ["您无权修改这条记录的该字段", "You may not change this field of this record"],
  notFound: ["这条投诉已不在您的范围内", "This complaint is no longer in your scope"],
});

const AMENDABLE = ["location", "complainantName", "complainantContact", "content"] as const;

/**
 * SEC-6: a cell edit as `amendComplaint` on the version the grid holds, with the reason the user
 * gave; the server's typed answers become what the grid shows (stored row, refusal, conflict).
 */
export function amendComplaint(client: Client) {
  return async (edit: CellEdit<ComplaintRow>): Promise<EditOutcome<ComplaintRow>> => {
    const field = edit.field as (typeof AMENDABLE)[number];
    if (!AMENDABLE.includes(field)) throw new Error(`${field} is not amendable`);
    const input: AmendInput = {
      id: edit.row.id,
      version: edit.row.version,
      reason: edit.reason ?? "",
      [field]: edit.value == null ? "" : String(edit.value),
    };
    const r = await client.mutation(AmendComplaintMutation, { input }).toPromise();
    if (r.error || !r.data) throw r.error ?? new Error("No answer");
    const answer = r.data.amendComplaint;
    switch (answer.__typename) {
      case "MutationAmendComplaintSuccess":
        return { kind: "saved", row: answer.data };
      case "ComplaintConflictError":
        return { kind: "conflict", current: answer.current, message: answer.message };
      case "InputError":
        // In the UI's language already (the client sends it as Accept-Language).
        return { kind: "invalid", message: answer.message };
      case "ForbiddenError":
        return { kind: "invalid", message: t("forbidden") };
      default:
        return { kind: "invalid", message: t("notFound") };
    }
  };
}
