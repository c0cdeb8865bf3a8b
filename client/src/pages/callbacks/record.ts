import type { Client } from "@urql/core";
import { createRowEditing } from "../../components/row-editing/row-editing.ts";
import { rowOutcome } from "../../components/row-editing/payload.ts";
import { RecordCallbackMutation, ReviewCallbackMutation, type CallbackNode, type FileUpload } from "../../graphql/callbacks.ts";
import { enumLabel, t, type TextKey } from "./text.ts";

/**
 * What the customer cells of a line show: the person called back as the server sent it (masked or
 * not, SEC-7), or why there is none: an anonymous complaint (CB-8), no one on record or outside the
 * caller's scope, or a role that may not read customers (§2) and so did not ask.
 */
export type CustomerShown = "person" | "complainant" | "anonymous" | "none" | "unavailable";

/** A line of the callback grid: the callback, its customer as the server sent it, and the signature chosen for recording it. */
export interface CallbackLine extends CallbackNode {
  customerShown: CustomerShown;
  /** The name and phone as sent; empty unless there is someone to show. */
  customerName: string;
  customerPhone: string;
  /** CB-5: the customer's signature picked in the grid, sent with an in-person record. */
  signature: FileUpload | null;
}

function customerShown(n: CallbackNode): CustomerShown {
  // CB-8, SEC-1: an anonymous complaint's callback never shows a person, whatever the row carries.
  if (n.complaint?.anonymous) return "anonymous";
  // Absent, not null: the field was not asked for (@include without customers:read).
  if (n.customer === undefined) return "unavailable";
  if (n.customer) return "person";
  // A complainant who gave a name and contact but has no archive entry (intake without complainantId):
  // the callback stores no customer, and the complaint's own record is who is called back (CB-5).
  return n.complaint?.complainantName || n.complaint?.complainantContact ? "complainant" : "none";
}

/**
 * The customer is the callback's stored one (Callback.customer), else the complaint's recorded
 * complainant; never the household's members, who need not be the person who complained.
 */
export function toLine(n: CallbackNode): CallbackLine {
  const shown = customerShown(n);
  const person =
    shown === "person"
      ? n.customer!
      : shown === "complainant"
        ? { name: n.complaint!.complainantName ?? "", phone: n.complaint!.complainantContact ?? null }
        : null;
  return {
    ...n,
    customer: shown === "person" ? n.customer : shown === "unavailable" ? undefined : null,
    customerShown: shown,
    customerName: person?.name ?? "",
    customerPhone: person?.phone ?? "",
    signature: null,
  };
}

/** The text of a customer cell: the person's as sent, else what stands in for it (never a blank that hides why). */
export function customerText(line: CallbackLine | undefined, field: "customerName" | "customerPhone"): string {
  if (!line) return "";
  switch (line.customerShown) {
    case "person":
    case "complainant":
      return line[field];
    case "anonymous":
      return t("anonymous");
    case "unavailable":
      return t("customerUnavailable");
    case "none":
      return "—";
  }
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
export function callbackEditing(client: Client, withCustomer: () => boolean, onSaved: () => void) {
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
        id: edited.id,
        version: saved.version,
        method: edited.method!,
        reached: !!edited.reached,
        satisfied: edited.satisfied,
        comment: edited.comment,
        signature: edited.signature,
      };
      const result = await client.mutation(RecordCallbackMutation, { input, withCustomer: withCustomer() }).toPromise();
      return rowOutcome(result, toLine, columnOf, "status");
    },
    onSaved,
  });
}

export type CallbackEditing = ReturnType<typeof callbackEditing>;

/** CB-10: the supervisor's signature on a made callback, shown on the reviewer cell. */
export function review(client: Client, withCustomer: boolean, row: CallbackLine) {
  return client
    .mutation(ReviewCallbackMutation, { input: { id: row.id, version: row.version }, withCustomer })
    .toPromise()
    .then((result) => rowOutcome(result, toLine, () => "reviewedBy", "reviewedBy"));
}
