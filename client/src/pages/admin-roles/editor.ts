import { createMutation } from "@urql/solid";
import { createSignal } from "solid-js";
import {
  type RoleRow,
  type RoleSaveResult,
  ResetRolePermissionsMutation,
  SetRolePermissionsMutation,
  type Violation,
} from "../../graphql/admin-roles.ts";
import { thrownErrorText } from "../../graphql/error-text.ts";
import { label } from "../../i18n/labels.ts";
import { t } from "./text.ts";

/** What one cell of the matrix shows: ticked or not, fixed or not, and why. */
export interface CellState {
  checked: boolean;
  disabled: boolean;
  /** Why it cannot be changed (a fixed cell), if so. */
  hint: string | null;
  /** The rule of the hint, for its marker. */
  fixed: "required" | "forbidden" | "notYours" | null;
  /** The limit that fixes it (a RoleLimitRule), if so. */
  rule: string | null;
  violation: Violation | null;
}

/** A role's save outcome for the page: a message, and the violations to mark on their cells. */
export interface RoleNotice {
  kind: "ok" | "error";
  text: string;
}

/** One cell as the editor shows it: the draft's tick, a limit that fixes it, a refusal marked on it. */
function cellState(
  row: RoleRow,
  permission: string,
  o: { drafted: string[]; violations: Violation[]; canEdit: boolean; holds: (p: string) => boolean },
): CellState {
  const checked = o.drafted.includes(permission);
  const violation = o.violations.find((v) => v.permission === permission) ?? null;
  const required = row.required.find((l) => l.permission === permission);
  const forbidden = row.forbidden.find((l) => l.permission === permission);
  const was = (row.permissions as readonly string[]).includes(permission);
  const base = { checked, violation };
  if (required && checked) return { ...base, disabled: true, hint: t("required"), fixed: "required", rule: required.rule };
  if (forbidden && !checked) return { ...base, disabled: true, hint: t("forbidden"), fixed: "forbidden", rule: forbidden.rule };
  // Giving a permission one does not hold is refused by the server (BEYOND_EDITOR); the cell says so first.
  if (o.canEdit && !checked && !was && !o.holds(permission))
    return { ...base, disabled: true, hint: t("notYours"), fixed: "notYours", rule: "BEYOND_EDITOR" };
  return { ...base, disabled: !o.canEdit, hint: null, fixed: null, rule: null };
}

/**
 * Issue 17: the drafts of the matrix (one per role, saved per role) and their saving: the server
 * checks the limits and answers every violation, which the page shows next to its cell.
 */
export function createRoleEditor(opts: { canEdit: () => boolean; holds: (permission: string) => boolean; reload: () => void }) {
  const [drafts, setDrafts] = createSignal<Record<string, string[]>>({});
  const [violations, setViolations] = createSignal<Record<string, Violation[]>>({});
  const [notices, setNotices] = createSignal<Record<string, RoleNotice>>({});
  const [busy, setBusy] = createSignal<string | null>(null);
  const [, setMutation] = createMutation(SetRolePermissionsMutation);
  const [, resetMutation] = createMutation(ResetRolePermissionsMutation);

  const current = (row: RoleRow): string[] => drafts()[row.role] ?? row.permissions;
  const dirty = (row: RoleRow) => {
    const d = drafts()[row.role];
    return !!d && [...d].sort().join() !== [...row.permissions].sort().join();
  };
  const put = <V>(set: (f: (m: Record<string, V>) => Record<string, V>) => void, role: string, value: V | undefined) =>
    set((m) => {
      const next = { ...m };
      if (value === undefined) delete next[role];
      else next[role] = value;
      return next;
    });

  const cell = (row: RoleRow, permission: string) =>
    cellState(row, permission, {
      drafted: current(row),
      violations: violations()[row.role] ?? [],
      canEdit: opts.canEdit(),
      holds: opts.holds,
    });

  function toggle(row: RoleRow, permission: string, on: boolean) {
    const now = current(row).filter((p) => p !== permission);
    put(setDrafts, row.role, on ? [...now, permission] : now);
    put(setNotices, row.role, undefined);
  }

  function answered(row: RoleRow, result: RoleSaveResult | undefined, error: unknown) {
    const roleName = label("StaffRole", row.role);
    if (!result) return put(setNotices, row.role, { kind: "error", text: thrownErrorText(error) });
    if (result.__typename === "RoleLimitError") {
      put(setViolations, row.role, result.violations);
      return put(setNotices, row.role, { kind: "error", text: t("violations", { role: roleName }) });
    }
    put(setViolations, row.role, undefined);
    if (result.__typename === "RolePermissionsConflictError") {
      put(setNotices, row.role, { kind: "error", text: t("conflict") });
    } else if ("data" in result) {
      put(setNotices, row.role, { kind: "ok", text: t("saved") });
    } else {
      put(setNotices, row.role, { kind: "error", text: "message" in result ? result.message : "" });
    }
    put(setDrafts, row.role, undefined);
    opts.reload();
  }

  async function save(row: RoleRow) {
    setBusy(row.role);
    const r = await setMutation({ input: { role: row.role, permissions: current(row) as RoleRow["permissions"], version: row.version } });
    setBusy(null);
    answered(row, r.data?.setRolePermissions, r.error);
  }

  async function reset(row: RoleRow) {
    setBusy(row.role);
    const r = await resetMutation({ input: { role: row.role, version: row.version } });
    setBusy(null);
    answered(row, r.data?.resetRolePermissions, r.error);
  }

  return {
    cell,
    toggle,
    save,
    reset,
    dirty,
    busy,
    notice: (role: string) => notices()[role] ?? null,
    violations: (role: string) => violations()[role] ?? [],
  };
}

export type RoleEditor = ReturnType<typeof createRoleEditor>;
