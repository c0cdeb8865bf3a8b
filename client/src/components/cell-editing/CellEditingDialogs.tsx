import type { CellEditing } from "./cell-editing.ts";
import { CellEditStatus } from "./CellEditStatus.tsx";
import { ConflictDialog } from "./ConflictDialog.tsx";
import { ReasonDialog } from "./ReasonDialog.tsx";

/** Everything a page with editable cells shows besides the grid: put it right under the grid. */
export function CellEditingDialogs<T>(props: { editing: CellEditing<T> }) {
  return (
    <>
      <CellEditStatus errors={props.editing.errors()} saving={props.editing.saving()} onDismiss={(k) => props.editing.dismiss(k)} />
      <ReasonDialog request={props.editing.reasonRequest()} />
      <ConflictDialog conflict={props.editing.conflict()} />
    </>
  );
}
