import type { CellValueChangedEvent, ColDef, EditableCallbackParams, GridApi, IRowNode } from "ag-grid-community";
import { createSignal } from "solid-js";
import { thrownErrorText } from "../../graphql/error-text.ts";

/** What a save answered: the stored row, a refusal to show on the cell, or a stale version. */
export type EditOutcome<T> =
  | { kind: "saved"; row: T }
  | { kind: "invalid"; message: string }
  | { kind: "conflict"; current: T; message: string };

/** One committed cell edit, handed to the page's mutation. `row` carries the version to send. */
export interface CellEdit<T> {
  row: T;
  field: string;
  value: unknown;
  oldValue: unknown;
  reason?: string;
}

export interface CellEditingConfig<T> {
  rowId: (row: T) => string;
  /** How the user names the row in messages (e.g. the complaint number). */
  rowLabel: (row: T) => string;
  fieldLabel: (field: string) => string;
  /** Runs the mutation; a thrown error (network, server) is shown like a refusal. */
  save: (edit: CellEdit<T>) => Promise<EditOutcome<T>>;
  /** Ask why before saving (SEC-6 amendments); cancelling reverts the cell. */
  requireReason?: boolean;
}

export interface ReasonRequest {
  rowLabel: string;
  fieldLabel: string;
  from: string;
  to: string;
  resolve: (reason: string | null) => void;
}

export interface ConflictRequest {
  rowLabel: string;
  fieldLabel: string;
  mine: string;
  theirs: string;
  message: string;
  resolve: (choice: "mine" | "theirs") => void;
}

export interface CellError {
  key: string;
  rowLabel: string;
  fieldLabel: string;
  value: string;
  message: string;
}

export type CellEditing<T> = ReturnType<typeof createCellEditing<T>>;

const text = (v: unknown) => (v == null ? "" : String(v));
const keyOf = (id: string, field: string) => `${id}\u0000${field}`;

/** What one createCellEditing holds: the refused cells, the rows saving, the open dialogs. */
function cellEditingState<T>(config: CellEditingConfig<T>) {
  const errors = new Map<string, CellError>();
  const busy = new Set<string>();
  const [errorList, setErrorList] = createSignal<CellError[]>([]);
  const [reasonRequest, setReasonRequest] = createSignal<ReasonRequest | null>(null);
  const [conflict, setConflict] = createSignal<ConflictRequest | null>(null);
  const [saving, setSaving] = createSignal(0);
  return {
    config,
    errors,
    busy,
    errorList,
    reasonRequest,
    conflict,
    saving,
    setSaving,
    lastApi: undefined as GridApi<T> | undefined,
    publish: () => setErrorList([...errors.values()].reverse()),
    askReason(r: Omit<ReasonRequest, "resolve">): Promise<string | null> {
      return new Promise((resolve) =>
        setReasonRequest({
          ...r,
          resolve: (v) => {
            setReasonRequest(null);
            resolve(v);
          },
        }),
      );
    },
    askConflict(c: Omit<ConflictRequest, "resolve">): Promise<"mine" | "theirs"> {
      return new Promise((resolve) =>
        setConflict({
          ...c,
          resolve: (v) => {
            setConflict(null);
            resolve(v);
          },
        }),
      );
    },
  };
}

type CellEditingState<T> = ReturnType<typeof cellEditingState<T>>;

/** The row's node now (an infinite grid may have reloaded the block meanwhile). */
function currentNode<T>(s: CellEditingState<T>, api: GridApi<T>, id: string, fallback: IRowNode<T>): IRowNode<T> | undefined {
  const found = api.getRowNode(id);
  if (found) return found;
  return fallback.data && s.config.rowId(fallback.data) === id ? fallback : undefined;
}

function showRow<T>(s: CellEditingState<T>, api: GridApi<T>, id: string, fallback: IRowNode<T>, row: T, field: string) {
  const n = currentNode(s, api, id, fallback);
  if (!n) return;
  n.setData(row);
  api.refreshCells({ rowNodes: [n], columns: [field], force: true });
}

/** One cell edit as the user made it, and where it is shown. */
interface Attempt<T> {
  api: GridApi<T>;
  fallback: IRowNode<T>;
  row: T;
  field: string;
  value: unknown;
  oldValue: unknown;
  reason?: string;
}

async function attempt<T>(s: CellEditingState<T>, a: Attempt<T>): Promise<void> {
  const { api, fallback, row, field, value, oldValue, reason } = a;
  const { config, errors } = s;
  const id = config.rowId(row);
  const key = keyOf(id, field);
  let outcome: EditOutcome<T>;
  try {
    outcome = await config.save({ row, field, value, oldValue, reason });
  } catch (e) {
    outcome = { kind: "invalid", message: thrownErrorText(e) };
  }
  if (outcome.kind === "saved") {
    errors.delete(key);
    s.publish();
    showRow(s, api, id, fallback, outcome.row, field);
    return;
  }
  if (outcome.kind === "invalid") {
    errors.set(key, {
      key,
      rowLabel: config.rowLabel(row),
      fieldLabel: config.fieldLabel(field),
      value: text(value),
      message: outcome.message,
    });
    s.publish();
    showRow(s, api, id, fallback, { ...row, [field]: oldValue } as T, field);
    return;
  }
  const current = outcome.current;
  const choice = await s.askConflict({
    rowLabel: config.rowLabel(row),
    fieldLabel: config.fieldLabel(field),
    message: outcome.message,
    mine: text(value),
    theirs: text((current as Record<string, unknown>)[field]),
  });
  if (choice === "theirs") {
    errors.delete(key);
    s.publish();
    showRow(s, api, id, fallback, current, field);
    return;
  }
  // Keep mine: the same value and reason again, on the version the server has now.
  showRow(s, api, id, fallback, { ...current, [field]: value } as T, field);
  await attempt(s, { ...a, row: current, oldValue: (current as Record<string, unknown>)[field] });
}

async function onCellValueChanged<T>(s: CellEditingState<T>, e: CellValueChangedEvent<T>): Promise<void> {
  const { config } = s;
  const field = e.colDef.field;
  if (!field || !e.data || text(e.oldValue) === text(e.newValue)) return;
  const row = { ...e.data, [field]: e.oldValue } as T;
  const id = config.rowId(row);
  s.lastApi = e.api;
  s.busy.add(id);
  e.api.refreshCells({ rowNodes: [e.node], columns: [field], force: true });
  let counted = false;
  try {
    let reason: string | undefined;
    if (config.requireReason) {
      const answer = await s.askReason({
        rowLabel: config.rowLabel(row),
        fieldLabel: config.fieldLabel(field),
        from: text(e.oldValue),
        to: text(e.newValue),
      });
      if (answer == null) {
        showRow(s, e.api, id, e.node, row, field);
        return;
      }
      reason = answer;
    }
    counted = true;
    s.setSaving((n) => n + 1);
    await attempt(s, { api: e.api, fallback: e.node, row, field, value: e.newValue, oldValue: e.oldValue, reason });
  } finally {
    s.busy.delete(id);
    if (counted) s.setSaving((n) => n - 1);
    const n = currentNode(s, e.api, id, e.node);
    if (n) {
      e.api.refreshCells({ rowNodes: [n], force: true });
      // Back to the cell after a dialog took the focus, so the keyboard goes on from there.
      const lost = !document.activeElement || document.activeElement === document.body;
      if (lost && n.rowIndex != null) e.api.setFocusedCell(n.rowIndex, field);
    }
  }
}

/** An editable column: not while its row is saving; a refused value marks the cell and explains. */
function editableColumn<T>(
  s: CellEditingState<T>,
  def: ColDef<T>,
  canEdit: boolean | ((p: EditableCallbackParams<T>) => boolean) = true,
): ColDef<T> {
  const { config, busy } = s;
  const errorOf = (data: T | undefined) => (data && def.field ? s.errors.get(keyOf(config.rowId(data), def.field)) : undefined);
  return {
    ...def,
    editable: (p) => !!p.data && !busy.has(config.rowId(p.data)) && (typeof canEdit === "function" ? canEdit(p) : canEdit),
    cellClassRules: {
      ...def.cellClassRules,
      "cell-error": (p) => !!errorOf(p.data),
      "cell-saving": (p) => !!p.data && busy.has(config.rowId(p.data)),
    },
    tooltipValueGetter: (p) => {
      const err = errorOf(p.data);
      return err ? err.message : def.tooltipValueGetter?.(p);
    },
  };
}

/**
 * "Cell edit → mutation → result on the cell", generic over the mutation: a refusal reverts the
 * cell and marks it (red, with the message as tooltip and in the status line, the typed value
 * quoted so that nothing is lost silently); a stale version asks the user to keep their value
 * (saved again on the current version) or take the server's; a success stores the returned row,
 * so the next edit sends the new version.
 */
export function createCellEditing<T>(config: CellEditingConfig<T>) {
  const s = cellEditingState(config);

  function dismiss(key: string) {
    s.errors.delete(key);
    s.publish();
    if (s.lastApi && !s.lastApi.isDestroyed()) s.lastApi.refreshCells({ force: true });
  }

  return {
    onCellValueChanged: (e: CellValueChangedEvent<T>) => onCellValueChanged(s, e),
    column: (def: ColDef<T>, canEdit?: boolean | ((p: EditableCallbackParams<T>) => boolean)) => editableColumn(s, def, canEdit),
    dismiss,
    errors: s.errorList,
    reasonRequest: s.reasonRequest,
    conflict: s.conflict,
    saving: s.saving,
  };
}
