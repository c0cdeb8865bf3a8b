import type { CellClassParams, ColDef, EditableCallbackParams, GridApi, IRowNode, RowEditingStartedEvent, RowEditingStoppedEvent, RowValueChangedEvent } from "ag-grid-community";
import { createSignal } from "solid-js";
import { thrownErrorText } from "../../graphql/error-text.ts";
import type { CellError, ConflictRequest } from "../cell-editing/index.ts";
import "./row-editing.css";

/** What a row's mutation answered: the stored row, a refusal naming one field, or a stale version. */
export type RowOutcome<T> =
  | { kind: "saved"; row: T }
  | { kind: "invalid"; field: string; message: string }
  | { kind: "conflict"; current: T; message: string };

export interface RowEditingConfig<T> {
  rowId: (row: T) => string;
  /** How the user names the row in messages (the callback number, the household). */
  rowLabel: (row: T) => string;
  fieldLabel: (field: string) => string;
  /** The editable fields: what the user changed is found by comparing these with the saved row. */
  fields: readonly string[];
  /** A field shown as text in messages and in the conflict dialog. */
  format?: (field: string, value: unknown) => string;
  /** A row the server does not have yet (saved even when nothing was changed). */
  isNew?: (row: T) => boolean;
  /** A check before the mutation (a household code that does not exist): the field and why. */
  check?: (edited: T) => { field: string; message: string } | null;
  /** Runs the mutation with the row as edited; `saved` is the row as the server last sent it (its version). */
  save: (edited: T, saved: T) => Promise<RowOutcome<T>>;
  /** After a save (a page refreshes its summary figures). */
  onSaved?: (row: T) => void;
}

export type RowEditing<T> = ReturnType<typeof createRowEditing<T>>;

const text = (v: unknown) => (v == null ? "" : typeof v === "object" ? JSON.stringify(v) : String(v));
const keyOf = (id: string, field: string) => `${id}\u0000${field}`;

/**
 * "Row edit → one mutation → result on the cells", for mutations that take a whole row (record a
 * callback, enter a questionnaire, record a visit) rather than one field. The user edits a row
 * (AG Grid full-row editing: Tab moves between its cells, Enter commits it); the committed row
 * becomes the mutation. A refusal names a field: that cell turns red with the message, its value
 * goes back to the saved one and the value typed is quoted in the status line, while the row's
 * other edits stay as an unsaved draft to fix and commit again, so nothing typed is lost. A stale
 * version asks the user to keep their values (saved again on the current version) or take the
 * server's. The status line and the conflict dialog are those of ../cell-editing.
 */
export function createRowEditing<T>(config: RowEditingConfig<T>) {
  /** Rows with edits not saved yet → the row as the server last sent it. */
  const saved = new Map<string, T>();
  const errors = new Map<string, CellError>();
  const busy = new Set<string>();
  const [errorList, setErrorList] = createSignal<CellError[]>([]);
  const [conflict, setConflict] = createSignal<ConflictRequest | null>(null);
  const [saving, setSaving] = createSignal(0);
  /** Rows to save as soon as their edit ends (saveRow while editing). */
  const saveWhenStopped = new Set<string>();
  /** Rows holding edits the server refused or has not taken yet. */
  const unsaved = new Set<string>();
  const [drafts, setDrafts] = createSignal(0);
  let lastApi: GridApi<T> | undefined;

  const publish = () => {
    setErrorList([...errors.values()].reverse());
    setDrafts(unsaved.size);
  };
  const get = (row: T, field: string) => (row as Record<string, unknown>)[field];
  const show = (field: string, value: unknown) => (config.format ? config.format(field, value) : text(value));
  const changedFields = (edited: T, original: T) => config.fields.filter((f) => text(get(edited, f)) !== text(get(original, f)));
  const clearRow = (id: string) => {
    for (const k of [...errors.keys()]) if (k.startsWith(`${id}\u0000`)) errors.delete(k);
  };

  function forget(id: string) {
    saved.delete(id);
    unsaved.delete(id);
    publish();
  }

  function askConflict(c: Omit<ConflictRequest, "resolve">): Promise<"mine" | "theirs"> {
    return new Promise((resolve) => setConflict({ ...c, resolve: (v) => { setConflict(null); resolve(v); } }));
  }

  /** Puts `row` in place of the node's data; a new row that got its server id is swapped for it. */
  function place(api: GridApi<T>, node: IRowNode<T>, row: T) {
    const before = node.data!;
    if (config.rowId(before) !== config.rowId(row)) {
      api.applyTransaction({ remove: [before], add: [row], addIndex: node.rowIndex ?? 0 });
      return;
    }
    node.setData(row);
    api.refreshCells({ rowNodes: [node], force: true });
  }

  function refuse(api: GridApi<T>, node: IRowNode<T>, edited: T, original: T, field: string, message: string) {
    const id = config.rowId(edited);
    errors.set(keyOf(id, field), { key: keyOf(id, field), rowLabel: config.rowLabel(edited), fieldLabel: config.fieldLabel(field), value: show(field, get(edited, field)), message });
    // The refused cell goes back to the saved value; the row's other edits stay as a draft.
    if (config.fields.includes(field)) node.setData({ ...edited, [field]: get(original, field) } as T);
    saved.set(id, original);
    unsaved.add(id);
    publish();
    api.refreshCells({ rowNodes: [node], force: true });
  }

  async function commit(api: GridApi<T>, node: IRowNode<T>): Promise<void> {
    const edited = node.data;
    if (!edited) return;
    const id = config.rowId(edited);
    const original = saved.get(id) ?? edited;
    const changed = changedFields(edited, original);
    if (changed.length === 0 && !config.isNew?.(edited)) {
      forget(id);
      return;
    }
    clearRow(id);
    const problem = config.check?.(edited);
    if (problem) return refuse(api, node, edited, original, problem.field, problem.message);
    busy.add(id);
    setSaving((n) => n + 1);
    api.refreshCells({ rowNodes: [node], force: true });
    let outcome: RowOutcome<T>;
    try {
      outcome = await config.save(edited, original);
    } catch (e) {
      outcome = { kind: "invalid", field: changed[0] ?? config.fields[0]!, message: thrownErrorText(e) };
    } finally {
      busy.delete(id);
      setSaving((n) => n - 1);
    }
    if (outcome.kind === "saved") {
      forget(id);
      place(api, node, outcome.row);
      config.onSaved?.(outcome.row);
      return;
    }
    if (outcome.kind === "invalid") return refuse(api, node, edited, original, outcome.field, outcome.message);
    const current = outcome.current;
    const fields = changed.length ? changed : [...config.fields];
    const choice = await askConflict({
      rowLabel: config.rowLabel(edited), fieldLabel: fields.map(config.fieldLabel).join("、"), message: outcome.message,
      mine: fields.map((f) => `${config.fieldLabel(f)}: ${show(f, get(edited, f))}`).join("\n"),
      theirs: fields.map((f) => `${config.fieldLabel(f)}: ${show(f, get(current, f))}`).join("\n"),
    });
    if (choice === "theirs") {
      forget(id);
      place(api, node, current);
      return;
    }
    // Keep mine: the user's values on the version the server has now, saved again.
    saved.set(id, current);
    unsaved.add(id);
    node.setData({ ...current, ...Object.fromEntries(fields.map((f) => [f, get(edited, f)])) } as T);
    await commit(api, node);
  }

  /** The user starts editing a row: remember it as saved, unless it already holds a draft. */
  function onRowEditingStarted(e: RowEditingStartedEvent<T>) {
    if (e.data && !saved.has(config.rowId(e.data))) saved.set(config.rowId(e.data), { ...e.data });
  }

  /** Editing ended without a change: nothing to remember. */
  function onRowEditingStopped(e: RowEditingStoppedEvent<T>) {
    if (!e.data) return;
    const id = config.rowId(e.data);
    if (saveWhenStopped.delete(id) && !busy.has(id)) return void commit(e.api, e.node);
    const original = saved.get(id);
    if (original && !busy.has(id) && !unsaved.has(id) && !config.isNew?.(e.data) && changedFields(e.data, original).length === 0) saved.delete(id);
  }

  /** The user committed a row (Enter, Tab out of it, or clicked elsewhere). */
  function onRowValueChanged(e: RowValueChangedEvent<T>) {
    lastApi = e.api;
    void commit(e.api, e.node);
  }

  /** Saves a row's draft again without a new edit (a new row whose refused cell went back to a valid value). */
  function saveRow(api: GridApi<T>, node: IRowNode<T>) {
    lastApi = api;
    if (!node.data) return;
    if (api.getEditingCells().length === 0) return void commit(api, node);
    // Ending the edit commits a changed row (onRowValueChanged); an unchanged one is saved when the edit has ended.
    saveWhenStopped.add(config.rowId(node.data));
    api.stopEditing();
  }

  /** A one-off action on a row (a supervisor's signature) with the same outcome handling. */
  async function act(api: GridApi<T>, node: IRowNode<T>, field: string, run: (row: T) => Promise<RowOutcome<T>>) {
    const row = node.data;
    if (!row) return;
    const id = config.rowId(row);
    lastApi = api;
    clearRow(id);
    busy.add(id);
    setSaving((n) => n + 1);
    let outcome: RowOutcome<T>;
    try {
      outcome = await run(row);
    } catch (e) {
      outcome = { kind: "invalid", field, message: thrownErrorText(e) };
    } finally {
      busy.delete(id);
      setSaving((n) => n - 1);
    }
    if (outcome.kind === "conflict") outcome = { kind: "saved", row: outcome.current };
    if (outcome.kind === "saved") {
      publish();
      place(api, node, outcome.row);
      config.onSaved?.(outcome.row);
      return;
    }
    errors.set(keyOf(id, outcome.field), { key: keyOf(id, outcome.field), rowLabel: config.rowLabel(row), fieldLabel: config.fieldLabel(outcome.field), value: "", message: outcome.message });
    publish();
    api.refreshCells({ rowNodes: [node], force: true });
  }

  /** An editable column: not while its row is saving; a refused cell red with the reason as tooltip; an unsaved one marked. */
  function column(def: ColDef<T>, canEdit: boolean | ((p: EditableCallbackParams<T>) => boolean) = true): ColDef<T> {
    const field = def.field ?? def.colId ?? "";
    const errorOf = (data: T | undefined) => (data ? errors.get(keyOf(config.rowId(data), field)) : undefined);
    const draft = (p: CellClassParams<T>) => {
      const original = p.data ? saved.get(config.rowId(p.data)) : undefined;
      return !!original && text(get(p.data!, field)) !== text(get(original, field));
    };
    return {
      ...def,
      editable: def.editable === false ? false : (p) => !!p.data && !busy.has(config.rowId(p.data)) && (typeof canEdit === "function" ? canEdit(p) : canEdit),
      cellClassRules: {
        ...def.cellClassRules,
        "cell-error": (p) => !!errorOf(p.data),
        "cell-saving": (p) => !!p.data && busy.has(config.rowId(p.data)),
        "cell-draft": draft,
      },
      tooltipValueGetter: (p) => errorOf(p.data)?.message ?? def.tooltipValueGetter?.(p),
    };
  }

  function dismiss(key: string) {
    errors.delete(key);
    publish();
    if (lastApi && !lastApi.isDestroyed()) lastApi.refreshCells({ force: true });
  }

  /** A row added on the page that the server does not have yet: a draft until saved. */
  function addDraft(row: T) {
    saved.set(config.rowId(row), { ...row });
    unsaved.add(config.rowId(row));
    publish();
  }

  /** Drops a row's draft and its messages (a new row removed by the user). */
  function discard(row: T) {
    clearRow(config.rowId(row));
    forget(config.rowId(row));
  }

  /** Whether a row holds edits not saved yet (the page asks before throwing them away). */
  const hasDraft = (row: T) => unsaved.has(config.rowId(row));

  /**
   * The grid options every row-edited ledger shares: whole rows edited at once, every column in
   * the page so that Tab reaches each cell, errors as tooltips.
   */
  const gridOptions = {
    editType: "fullRow" as const,
    suppressColumnVirtualisation: true,
    tooltipShowDelay: 200,
    onRowEditingStarted,
    onRowEditingStopped,
    onRowValueChanged,
  };

  return { gridOptions, onRowEditingStarted, onRowEditingStopped, onRowValueChanged, saveRow, act, column, dismiss, hasDraft, addDraft, discard, errors: errorList, conflict, saving, drafts };
}
