import { Show } from "solid-js";
import { CellEditStatus, ConflictDialog } from "../cell-editing/index.ts";
import type { RowEditing } from "./row-editing.ts";

/** Below a row-edited grid: how many rows are not saved yet, the refusals, the conflict dialog. */
export function RowEditingStatus<T>(props: { editing: RowEditing<T>; unsaved: (n: number) => string }) {
  return (
    <>
      <Show when={props.editing.drafts() > 0}>
        <p class="warn" data-testid="unsaved">
          {props.unsaved(props.editing.drafts())}
        </p>
      </Show>
      <CellEditStatus errors={props.editing.errors()} saving={props.editing.saving()} onDismiss={props.editing.dismiss} />
      <ConflictDialog conflict={props.editing.conflict()} />
    </>
  );
}
