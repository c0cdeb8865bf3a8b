export {
  createCellEditing,
  type CellEditing,
  type CellEdit,
  type CellEditingConfig,
  type EditOutcome,
  type CellError,
  type ConflictRequest,
} from "./cell-editing.ts";
export { CellEditingDialogs } from "./CellEditingDialogs.tsx";
export { ConflictDialog } from "./ConflictDialog.tsx";
export { ReasonDialog } from "./ReasonDialog.tsx";
export { CellEditStatus } from "./CellEditStatus.tsx";
export { Modal } from "./Modal.tsx";
