import { builder } from "../../builder.ts";
import { exemptComplaintFromCallback, type ExemptFromCallbackInput } from "../../services/callbacks/exemption.ts";
import { complaintMutation } from "../complaints/mutation.ts";
import { FileUpload } from "./record.ts";

/**
 * CB-8 (001 §2): a complaint for which a superior body asked only for a written reply needs no
 * callback; the reply letter is attached instead. Planned callbacks of it are cancelled
 * (services/callbacks/exemption.ts).
 */
complaintMutation<Omit<ExemptFromCallbackInput, "id" | "version">>("exemptComplaintFromCallback", {
  description: "CB-8: written reply only (a superior body's request); the reply letter is attached and planned callbacks are cancelled",
  inputDescription: "CB-8: the complaint, the version read, which body asked for a written reply only, and the reply letter",
  fields: (t) => ({
    note: t.string({ required: true, description: "Which body asked for a written reply only (at most 2000 characters)" }),
    replyLetter: t.field({ type: FileUpload, required: true, description: "CB-8: the reply letter (kept as a REPLY_LETTER attachment)" }),
  }),
  service: exemptComplaintFromCallback,
});

builder.prismaObjectFields("Complaint", (t) => ({
  exemptReason: t.exposeString("exemptReason", {
    nullable: true,
    description: "CB-8: why no callback is made — ANONYMOUS or WRITTEN_REPLY_ONLY",
  }),
}));
