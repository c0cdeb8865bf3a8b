import type {
  CellClassParams,
  ColDef,
  EditableCallbackParams,
  GridApi,
  IRowNode,
  RowEditingStartedEvent,
  RowEditingStoppedEvent,
  RowValueChangedEvent,
} from "ag-grid-community";
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
const get = <T>(row: T, field: string) => (row as Record<string, unknown>)[field];

/** What one createRowEditing holds: the drafts, the refused cells, the rows saving, the open dialog. */
function rowEditingState<T>(config: RowEditingConfig<T>) {
  /** Rows with edits not saved yet → the row as the server last sent it. */
  const saved = new Map<string, T>();
  const errors = new Map<string, CellError>();
  const busy = new Set<string>();
  const [errorList, setErrorList] = createSignal<CellError[]>([]);
  const [conflict, setConflict] = createSignal<ConflictRequest | null>(null);
  const [saving, setSaving] = createSignal(0);
  /** Rows holding edits the server refused or has not taken yet. */
  const unsaved = new Set<string>();
  const [drafts, setDrafts] = createSignal(0);
  const publish = () => {
    setErrorList([...errors.values()].reverse());
    setDrafts(unsaved.size);
  };
  return {
    config,
    saved,
    errors,
    busy,
    unsaved,
    errorList,
    conflict,
    saving,
    setSaving,
    drafts,
    publish,
    /** Rows to save as soon as their edit ends (saveRow while editing). */
    saveWhenStopped: new Set<string>(),
    lastApi: undefined as GridApi<T> | undefined,
    show: (field: string, value: unknown) => (config.format ? config.format(field, value) : text(value)),
    changedFields: (edited: T, original: T) => config.fields.filter((f) => text(get(edited, f)) !== text(get(original, f))),
    clearRow(id: string) {
      for (const k of [...errors.keys()]) if (k.startsWith(`${id}\u0000`)) errors.delete(k);
    },
    forget(id: string) {
      saved.delete(id);
      unsaved.delete(id);
      publish();
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

type RowEditingState<T> = ReturnType<typeof rowEditingState<T>>;

/** Puts `row` in place of the node's data; a new row that got its server id is swapped for it. */
function place<T>(s: RowEditingState<T>, api: GridApi<T>, node: IRowNode<T>, row: T) {
  const before = node.data!;
  if (s.config.rowId(before) !== s.config.rowId(row)) {
    api.applyTransaction({ remove: [before], add: [row], addIndex: node.rowIndex ?? 0 });
    return;
  }
  node.setData(row);
  api.refreshCells({ rowNodes: [node], force: true });
}

function refuse<T>(s: RowEditingState<T>, api: GridApi<T>, node: IRowNode<T>, edited: T, original: T, field: string, message: string) {
  const { config } = s;
  const id = config.rowId(edited);
  s.errors.set(keyOf(id, field), {
    key: keyOf(id, field),
    rowLabel: config.rowLabel(edited),
    fieldLabel: config.fieldLabel(field),
    value: s.show(field, get(edited, field)),
    message,
  });
  // The refused cell goes back to the saved value; the row's other edits stay as a draft.
  if (config.fields.includes(field)) node.setData({ ...edited, [field]: get(original, field) } as T);
  s.saved.set(id, original);
  s.unsaved.add(id);
  s.publish();
  api.refreshCells({ rowNodes: [node], force: true });
}

/** Runs a mutation with the row marked as saving (`started` once marked); a thrown error becomes a refusal of `field`. */
async function run<T>(
  s: RowEditingState<T>,
  id: string,
  field: () => string,
  mutation: () => Promise<RowOutcome<T>>,
  started = () => {},
): Promise<RowOutcome<T>> {
  s.busy.add(id);
  s.setSaving((n) => n + 1);
  started();
  try {
    return await mutation();
  } catch (e) {
    return { kind: "invalid", field: field(), message: thrownErrorText(e) };
  } finally {
    s.busy.delete(id);
    s.setSaving((n) => n - 1);
  }
}

async function commit<T>(s: RowEditingState<T>, api: GridApi<T>, node: IRowNode<T>): Promise<void> {
  const { config } = s;
  const edited = node.data;
  if (!edited) return;
  const id = config.rowId(edited);
  const original = s.saved.get(id) ?? edited;
  const changed = s.changedFields(edited, original);
  if (changed.length === 0 && !config.isNew?.(edited)) {
    s.forget(id);
    return;
  }
  s.clearRow(id);
  const problem = config.check?.(edited);
  if (problem) return refuse(s, api, node, edited, original, problem.field, problem.message);
  const refresh = () => api.refreshCells({ rowNodes: [node], force: true });
  const outcome = await run(
    s,
    id,
    () => changed[0] ?? config.fields[0]!,
    () => config.save(edited, original),
    refresh,
  );
  if (outcome.kind === "saved") {
    s.forget(id);
    place(s, api, node, outcome.row);
    config.onSaved?.(outcome.row);
    return;
  }
  if (outcome.kind === "invalid") return refuse(s, api, node, edited, original, outcome.field, outcome.message);
  await resolveConflict(s, api, node, edited, changed, outcome);
}

/** A stale version: the user keeps their values (saved again on the current version) or takes the server's. */
async function resolveConflict<T>(
  s: RowEditingState<T>,
  api: GridApi<T>,
  node: IRowNode<T>,
  edited: T,
  changed: string[],
  outcome: { current: T; message: string },
) {
  const { config } = s;
  const id = config.rowId(edited);
  const current = outcome.current;
  const fields = changed.length ? changed : [...config.fields];
  const choice = await s.askConflict({
    rowLabel: config.rowLabel(edited),
    fieldLabel: fields.map(config.fieldLabel).join("、"),
    message: outcome.message,
    mine: fields.map((f) => `${config.fieldLabel(f)}: ${s.show(f, get(edited, f))}`).join("\n"),
    theirs: fields.map((f) => `${config.fieldLabel(f)}: ${s.show(f, get(current, f))}`).join("\n"),
  });
  if (choice === "theirs") {
    s.forget(id);
    place(s, api, node, current);
    return;
  }
  // Keep mine: the user's values on the version the server has now, saved again.
  s.saved.set(id, current);
  s.unsaved.add(id);
  node.setData({ ...current, ...Object.fromEntries(fields.map((f) => [f, get(edited, f)])) } as T);
  await commit(s, api, node);
}

/** A one-off action on a row (a supervisor's signature) with the same outcome handling. */
async function act<T>(
  s: RowEditingState<T>,
  api: GridApi<T>,
  node: IRowNode<T>,
  field: string,
  mutation: (row: T) => Promise<RowOutcome<T>>,
) {
  const { config } = s;
  const row = node.data;
  if (!row) return;
  const id = config.rowId(row);
  s.lastApi = api;
  s.clearRow(id);
  let outcome = await run(
    s,
    id,
    () => field,
    () => mutation(row),
  );
  if (outcome.kind === "conflict") outcome = { kind: "saved", row: outcome.current };
  if (outcome.kind === "saved") {
    s.publish();
    place(s, api, node, outcome.row);
    config.onSaved?.(outcome.row);
    return;
  }
  s.errors.set(keyOf(id, outcome.field), {
    key: keyOf(id, outcome.field),
    rowLabel: config.rowLabel(row),
    fieldLabel: config.fieldLabel(outcome.field),
    value: "",
    message: outcome.message,
  });
  s.publish();
  api.refreshCells({ rowNodes: [node], force: true });
}

/** An editable column: not while its row is saving; a refused cell red with the reason as tooltip; an unsaved one marked. */
function editableColumn<T>(
  s: RowEditingState<T>,
  def: ColDef<T>,
  canEdit: boolean | ((p: EditableCallbackParams<T>) => boolean) = true,
): ColDef<T> {
  const { config, busy } = s;
  const field = def.field ?? def.colId ?? "";
  const errorOf = (data: T | undefined) => (data ? s.errors.get(keyOf(config.rowId(data), field)) : undefined);
  const draft = (p: CellClassParams<T>) => {
    const original = p.data ? s.saved.get(config.rowId(p.data)) : undefined;
    return !!original && text(get(p.data!, field)) !== text(get(original, field));
  };
  return {
    ...def,
    editable:
      def.editable === false
        ? false
        : (p) => !!p.data && !busy.has(config.rowId(p.data)) && (typeof canEdit === "function" ? canEdit(p) : canEdit),
    cellClassRules: {
      ...def.cellClassRules,
      "cell-error": (p) => !!errorOf(p.data),
      "cell-saving": (p) => !!p.data && busy.has(config.rowId(p.data)),
      "cell-draft": draft,
    },
    tooltipValueGetter: (p) => errorOf(p.data)?.message ?? def.tooltipValueGetter?.(p),
  };
}

/** The grid's row-editing events: remember the saved row, commit an edited one, save one asked for. */
function rowEditingEvents<T>(s: RowEditingState<T>) {
  const { config, saved, busy } = s;
  return {
    /** The user starts editing a row: remember it as saved, unless it already holds a draft. */
    onRowEditingStarted(e: RowEditingStartedEvent<T>) {
      if (e.data && !saved.has(config.rowId(e.data))) saved.set(config.rowId(e.data), { ...e.data });
    },
    /** Editing ended without a change: nothing to remember. */
    onRowEditingStopped(e: RowEditingStoppedEvent<T>) {
      if (!e.data) return;
      const id = config.rowId(e.data);
      if (s.saveWhenStopped.delete(id) && !busy.has(id)) return void commit(s, e.api, e.node);
      const original = saved.get(id);
      if (original && !busy.has(id) && !s.unsaved.has(id) && !config.isNew?.(e.data) && s.changedFields(e.data, original).length === 0)
        saved.delete(id);
    },
    /** The user committed a row (Enter, Tab out of it, or clicked elsewhere). */
    onRowValueChanged(e: RowValueChangedEvent<T>) {
      s.lastApi = e.api;
      void commit(s, e.api, e.node);
    },
    /** Saves a row's draft again without a new edit (a new row whose refused cell went back to a valid value). */
    saveRow(api: GridApi<T>, node: IRowNode<T>) {
      s.lastApi = api;
      if (!node.data) return;
      if (api.getEditingCells().length === 0) return void commit(s, api, node);
      // Ending the edit commits a changed row (onRowValueChanged); an unchanged one is saved when the edit has ended.
      s.saveWhenStopped.add(config.rowId(node.data));
      api.stopEditing();
    },
  };
}

/** Drafts the page adds and drops itself, and the status line's dismiss. */
function rowEditingDrafts<T>(s: RowEditingState<T>) {
  const { config } = s;
  return {
    dismiss(key: string) {
      s.errors.delete(key);
      s.publish();
      if (s.lastApi && !s.lastApi.isDestroyed()) s.lastApi.refreshCells({ force: true });
    },
    /** A row added on the page that the server does not have yet: a draft until saved. */
    addDraft(row: T) {
      s.saved.set(config.rowId(row), { ...row });
      s.unsaved.add(config.rowId(row));
      s.publish();
    },
    /** Drops a row's draft and its messages (a new row removed by the user). */
    discard(row: T) {
      s.clearRow(config.rowId(row));
      s.forget(config.rowId(row));
    },
    /** Whether a row holds edits not saved yet (the page asks before throwing them away). */
    hasDraft: (row: T) => s.unsaved.has(config.rowId(row)),
  };
}

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
  const s = rowEditingState(config);
  const { onRowEditingStarted, onRowEditingStopped, onRowValueChanged, saveRow } = rowEditingEvents(s);
  const { dismiss, addDraft, discard, hasDraft } = rowEditingDrafts(s);

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

  return {
    gridOptions,
    onRowEditingStarted,
    onRowEditingStopped,
    onRowValueChanged,
    saveRow,
    act: (api: GridApi<T>, node: IRowNode<T>, field: string, mutation: (row: T) => Promise<RowOutcome<T>>) =>
      act(s, api, node, field, mutation),
    column: (def: ColDef<T>, canEdit?: boolean | ((p: EditableCallbackParams<T>) => boolean)) => editableColumn(s, def, canEdit),
    dismiss,
    hasDraft,
    addDraft,
    discard,
    errors: s.errorList,
    conflict: s.conflict,
    saving: s.saving,
    drafts: s.drafts,
  };
}
