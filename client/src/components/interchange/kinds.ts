import { pick, type Message } from "../../i18n/locale.ts";
import type { InterchangeKind } from "../../graphql/interchange.ts";

const KIND_LABELS: Record<InterchangeKind, Message> = {
  COMPLAINTS: ["投诉台账（complaints）", "Complaints (complaints)"],
  ESTATES: ["项目（estates）", "Estates (estates)"],
  HOUSEHOLDS: ["房屋与业主（households）", "Households and owners (households)"],
  CALLBACKS: ["回访记录（callbacks）", "Callbacks (callbacks)"],
  SURVEY_RESPONSES: ["满意度问卷（survey_responses）", "Survey answers (survey_responses)"],
};

export function kindLabel(kind: InterchangeKind): string {
  return pick(KIND_LABELS[kind]);
}

/** Who may write each file (server: IMPORT_PERMISSION) and read it (EXPORT_PERMISSION). */
export const IMPORT_PERMISSION: Record<InterchangeKind, string> = {
  ESTATES: "policies:manage",
  HOUSEHOLDS: "customers:write",
  COMPLAINTS: "complaints:write",
  CALLBACKS: "complaints:write",
  SURVEY_RESPONSES: "complaints:write",
};

export const EXPORT_PERMISSION: Record<InterchangeKind, string | null> = {
  ESTATES: null,
  HOUSEHOLDS: "customers:read",
  COMPLAINTS: "complaints:read",
  CALLBACKS: "complaints:read",
  SURVEY_RESPONSES: "complaints:read",
};
