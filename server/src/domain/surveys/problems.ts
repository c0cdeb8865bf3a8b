import { render, type Msg } from "../../i18n/messages.ts";

/**
 * A rule's finding about one input field: the dotted path and a catalogue message (Chinese and
 * English, i18n/catalogue/surveys.ts). Services hand these to an InputCheck; the English view
 * (`{ field, reason }`) serves the importer's row reports and the tests of the rules.
 */
export interface RuleProblem {
  field: string;
  message: Msg;
}

export function inEnglish(p: RuleProblem): { field: string; reason: string } {
  return { field: p.field, reason: render(p.message, "en") };
}
