import { createSignal, For, Show } from "solid-js";
import type { RoleRow } from "../../graphql/admin-roles.ts";
import { label } from "../../i18n/labels.ts";
import type { RoleEditor } from "./editor.ts";
import { CellMark } from "./MatrixTable.tsx";
import { permissionMeaning, permissionName, PERMISSION_TEXT, t } from "./text.ts";

const PERMISSIONS = Object.keys(PERMISSION_TEXT);

/** Issue 17: on a phone, one role at a time: its permissions as switches, each limit and refusal under its switch. */
export function RoleSwitches(props: { rows: RoleRow[]; editor: RoleEditor; canEdit: boolean }) {
  const [role, setRole] = createSignal(props.rows[0]?.role ?? "");
  const row = () => props.rows.find((r) => r.role === role()) ?? props.rows[0]!;
  const busy = () => props.editor.busy() === row().role;
  return (
    <div class="role-switches">
      <label class="pick-role">
        <span>{t("pickRole")}</span>
        <select value={role()} onChange={(e) => setRole(e.currentTarget.value)} data-testid="pick-role">
          <For each={props.rows}>
            {(r) => (
              <option value={r.role}>
                {label("StaffRole", r.role)}
                {r.customized ? ` · ${t("customized")}` : ""}
              </option>
            )}
          </For>
        </select>
      </label>
      <Show when={props.editor.violations(row().role).length}>
        <p class="error" role="alert">
          {t("violations", { role: label("StaffRole", row().role) })}
        </p>
      </Show>
      <ul class="switches" data-testid="role-switches">
        <For each={PERMISSIONS}>
          {(p) => {
            const state = () => props.editor.cell(row(), p);
            return (
              <li classList={{ violation: !!state().violation }}>
                <label>
                  <span class="text">
                    <span class="perm-name">{permissionName(p)}</span>
                    <span class="muted perm-meaning">{permissionMeaning(p)}</span>
                  </span>
                  <input
                    type="checkbox"
                    role="switch"
                    aria-checked={state().checked}
                    checked={state().checked}
                    disabled={state().disabled}
                    data-testid={`switch-${p}`}
                    onChange={(e) => props.editor.toggle(row(), p, e.currentTarget.checked)}
                  />
                </label>
                <CellMark state={state()} full />
              </li>
            );
          }}
        </For>
      </ul>
      <Show when={props.canEdit}>
        <div class="role-actions">
          <button
            type="button"
            class="primary"
            disabled={!props.editor.dirty(row()) || busy()}
            onClick={() => props.editor.save(row())}
            data-testid="save-role"
          >
            {busy() ? t("saving") : t("save")}
          </button>
          <Show when={row().customized}>
            <button type="button" disabled={busy()} onClick={() => props.editor.reset(row())} data-testid="reset-role">
              {t("reset")}
            </button>
          </Show>
          <Show when={props.editor.notice(row().role)}>
            {(n) => (
              <span class={n().kind === "ok" ? "ok" : "error"} role="status">
                {n().text}
              </span>
            )}
          </Show>
        </div>
      </Show>
    </div>
  );
}
