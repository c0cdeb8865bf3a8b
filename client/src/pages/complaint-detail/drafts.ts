import { createStore, produce } from "solid-js/store";
import type { Values } from "./actions.ts";

/**
 * What the user typed into an action's form, per complaint and action. It outlives the dialog
 * (closing it, a reload after a conflict, leaving the page and coming back) and is dropped only
 * when the action succeeds or the user discards it: nothing typed is lost silently.
 */
const [drafts, setDrafts] = createStore<Record<string, Values>>({});

const key = (complaintId: string, action: string) => `${complaintId}|${action}`;

export function draft(complaintId: string, action: string): Values | undefined {
  return drafts[key(complaintId, action)];
}

/** The first keystroke starts the draft from the form's initial values. */
export function setDraftValue(complaintId: string, action: string, initial: Values, field: string, value: Values[string]): void {
  const k = key(complaintId, action);
  if (!drafts[k]) setDrafts(k, { ...initial, [field]: value });
  else setDrafts(k, field, value);
}

export function dropDraft(complaintId: string, action: string): void {
  setDrafts(
    produce((d) => {
      delete d[key(complaintId, action)];
    }),
  );
}
