import type { Client } from "@urql/core";
import { createRowEditing } from "../../components/row-editing/row-editing.ts";
import { rowOutcome } from "../../components/row-editing/payload.ts";
import { RecordCallbackMutation, ReviewCallbackMutation, type CallbackNode, type FileUpload } from "../../graphql/callbacks.ts";
import { enumLabel, t, type TextKey } from "./text.ts";

/** A line of the callback grid: the callback, its customer as the server sent it, and the signature chosen for recording it. */
export interface CallbackLine extends CallbackNode {
  customerName: string;
  customerPhone: string;
  /** CB-5: the customer's signature picked in the grid, sent with an in-person record. */
  signature: FileUpload | null;
}

/** The customer: the complainant of a complaint's callback, else the household's first member; masked as sent (SEC-7). */
export function toLine(n: CallbackNode): CallbackLine {
  const member = n.household?.members?.[0]?.customer;
  const fromComplaint = n.complaint && (n.complaint.complainantName || n.complaint.complainantContact);
  return {
    ...n,
    customerName: (fromComplaint ? n.complaint!.complainantName : member?.name) ?? "",
    customerPhone: (fromComplaint ? n.complaint!.complainantContact : member?.phone) ?? "",
    signature: null,
  };
}

/** The cells a user with complaints:write fills in to record a planned callback (CB-5, CB-6). */
export const RESULT_FIELDS = ["method", "reached", "satisfied", "comment", "signature"] as const;

/** The column an input field of recordCallback / reviewCallback belongs to. */
function columnOf(field: string): string | undefined {
  const name = field.replace(/^input\./, "").split(".")[0]!;
  if ((RESULT_FIELDS as readonly string[]).includes(name)) return name;
  if (name === "calledAt") return "calledAt";
  return undefined;
}

export function formatResult(field: string, value: unknown): string {
  if (value == null || value === "") return "";
  if (field === "method") return enumLabel("CallbackMethod", value as string);
  if (field === "reached") return value ? t("reachedYes") : t("reachedNo");
  if (field === "satisfied") return value ? t("satisfiedYes") : t("satisfiedNo");
  if (field === "signature") return (value as FileUpload).fileName;
  return String(value);
}

/**
 * CB-5…CB-7: a committed row records the callback (recordCallback with the version read); a
 * refusal lands on the cell its input field names, a stale version opens the conflict dialog.
 */
export function callbackEditing(client: Client, withCustomers: () => boolean, onSaved: () => void) {
  return createRowEditing<CallbackLine>({
    rowId: (r) => r.id,
    rowLabel: (r) => r.no,
    fieldLabel: (f) => t(f as TextKey),
    fields: RESULT_FIELDS,
    format: formatResult,
    check: (r) => {
      if (!r.method) return { field: "method", message: t("methodRequired") };
      if (r.reached == null) return { field: "reached", message: t("reachedRequired") };
      return null;
    },
    save: async (edited, saved) => {
      const input = {
        id: edited.id, version: saved.version, method: edited.method!, reached: !!edited.reached,
        satisfied: edited.satisfied, comment: edited.comment, signature: edited.signature,
      };
      const result = await client.mutation(RecordCallbackMutation, { input, withCustomers: withCustomers() }).toPromise();
      return rowOutcome(result, toLine, columnOf, "status");
    },
    onSaved,
  });
}

export type CallbackEditing = ReturnType<typeof callbackEditing>;

/** CB-10: the supervisor's signature on a made callback, shown on the reviewer cell. */
export function review(client: Client, withCustomers: boolean, row: CallbackLine) {
  return client.mutation(ReviewCallbackMutation, { input: { id: row.id, version: row.version }, withCustomers }).toPromise()
    .then((result) => rowOutcome(result, toLine, () => "reviewedBy", "reviewedBy"));
}
