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

/**
 * "Cell edit → mutation → result on the cell", generic over the mutation: a refusal reverts the
 * cell and marks it (red, with the message as tooltip and in the status line, the typed value
 * quoted so that nothing is lost silently); a stale version asks the user to keep their value
 * (saved again on the current version) or take the server's; a success stores the returned row,
 * so the next edit sends the new version.
 */
export function createCellEditing<T>(config: CellEditingConfig<T>) {
  const errors = new Map<string, CellError>();
  const busy = new Set<string>();
  const [errorList, setErrorList] = createSignal<CellError[]>([]);
  const [reasonRequest, setReasonRequest] = createSignal<ReasonRequest | null>(null);
  const [conflict, setConflict] = createSignal<ConflictRequest | null>(null);
  const [saving, setSaving] = createSignal(0);

  let lastApi: GridApi<T> | undefined;
  const publish = () => setErrorList([...errors.values()].reverse());

  function askReason(r: Omit<ReasonRequest, "resolve">): Promise<string | null> {
    return new Promise((resolve) => setReasonRequest({ ...r, resolve: (v) => { setReasonRequest(null); resolve(v); } }));
  }

  function askConflict(c: Omit<ConflictRequest, "resolve">): Promise<"mine" | "theirs"> {
    return new Promise((resolve) => setConflict({ ...c, resolve: (v) => { setConflict(null); resolve(v); } }));
  }

  /** The row's node now (an infinite grid may have reloaded the block meanwhile). */
  function node(api: GridApi<T>, id: string, fallback: IRowNode<T>): IRowNode<T> | undefined {
    const found = api.getRowNode(id);
    if (found) return found;
    return fallback.data && config.rowId(fallback.data) === id ? fallback : undefined;
  }

  function show(api: GridApi<T>, id: string, fallback: IRowNode<T>, row: T, field: string) {
    const n = node(api, id, fallback);
    if (!n) return;
    n.setData(row);
    api.refreshCells({ rowNodes: [n], columns: [field], force: true });
  }

  async function attempt(api: GridApi<T>, fallback: IRowNode<T>, row: T, field: string, value: unknown, oldValue: unknown, reason?: string): Promise<void> {
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
      publish();
      show(api, id, fallback, outcome.row, field);
      return;
    }
    if (outcome.kind === "invalid") {
      errors.set(key, { key, rowLabel: config.rowLabel(row), fieldLabel: config.fieldLabel(field), value: text(value), message: outcome.message });
      publish();
      show(api, id, fallback, { ...row, [field]: oldValue } as T, field);
      return;
    }
    const current = outcome.current;
    const choice = await askConflict({
      rowLabel: config.rowLabel(row), fieldLabel: config.fieldLabel(field), message: outcome.message,
      mine: text(value), theirs: text((current as Record<string, unknown>)[field]),
    });
    if (choice === "theirs") {
      errors.delete(key);
      publish();
      show(api, id, fallback, current, field);
      return;
    }
    // Keep mine: the same value and reason again, on the version the server has now.
    show(api, id, fallback, { ...current, [field]: value } as T, field);
    await attempt(api, fallback, current, field, value, (current as Record<string, unknown>)[field], reason);
  }

  async function onCellValueChanged(e: CellValueChangedEvent<T>): Promise<void> {
    const field = e.colDef.field;
    if (!field || !e.data || text(e.oldValue) === text(e.newValue)) return;
    const row = { ...e.data, [field]: e.oldValue } as T;
    const id = config.rowId(row);
    lastApi = e.api;
    busy.add(id);
    e.api.refreshCells({ rowNodes: [e.node], columns: [field], force: true });
    let counted = false;
    try {
      let reason: string | undefined;
      if (config.requireReason) {
        const answer = await askReason({ rowLabel: config.rowLabel(row), fieldLabel: config.fieldLabel(field), from: text(e.oldValue), to: text(e.newValue) });
        if (answer == null) {
          show(e.api, id, e.node, row, field);
          return;
        }
        reason = answer;
      }
      counted = true;
      setSaving((n) => n + 1);
      await attempt(e.api, e.node, row, field, e.newValue, e.oldValue, reason);
    } finally {
      busy.delete(id);
      if (counted) setSaving((n) => n - 1);
      const n = node(e.api, id, e.node);
      if (n) {
        e.api.refreshCells({ rowNodes: [n], force: true });
        // Back to the cell after a dialog took the focus, so the keyboard goes on from there.
        const lost = !document.activeElement || document.activeElement === document.body;
        if (lost && n.rowIndex != null) e.api.setFocusedCell(n.rowIndex, field);
      }
    }
  }

  /** An editable column: not while its row is saving; a refused value marks the cell and explains. */
  function column(def: ColDef<T>, canEdit: boolean | ((p: EditableCallbackParams<T>) => boolean) = true): ColDef<T> {
    const errorOf = (data: T | undefined) => (data && def.field ? errors.get(keyOf(config.rowId(data), def.field)) : undefined);
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

  function dismiss(key: string) {
    errors.delete(key);
    publish();
    if (lastApi && !lastApi.isDestroyed()) lastApi.refreshCells({ force: true });
  }

  return { onCellValueChanged, column, dismiss, errors: errorList, reasonRequest, conflict, saving };
}
