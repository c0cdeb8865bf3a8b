import { createEffect, For, on, Show } from "solid-js";
import type { RoleRow } from "../../graphql/admin-roles.ts";
import { label } from "../../i18n/labels.ts";
import { pick } from "../../i18n/locale.ts";
import type { CellState, RoleEditor } from "./editor.ts";
import { permissionMeaning, permissionName, PERMISSION_TEXT, ruleText, t } from "./text.ts";

const PERMISSIONS = Object.keys(PERMISSION_TEXT);
const COLON = ["：", ": "] as const;

/** The mark of a fixed cell or of a refused one; `full` adds the reason (the list of switches has room for it). */
export function CellMark(props: { state: CellState; full?: boolean }) {
  return (
    <>
      <Show when={props.state.violation}>
        {(v) => (
          <span class="cell-violation" role="note">
            {ruleText(v().rule)}
          </span>
        )}
      </Show>
      <Show when={!props.state.violation && props.state.hint}>
        <span class={`cell-fixed ${props.state.fixed}`} title={ruleText(props.state.rule ?? "")}>
          {props.full ? `${props.state.hint}${pick(COLON)}${ruleText(props.state.rule ?? "")}` : props.state.hint}
        </span>
      </Show>
    </>
  );
}

function Cell(props: { row: RoleRow; permission: string; editor: RoleEditor }) {
  const state = () => props.editor.cell(props.row, props.permission);
  const name = () => `${label("StaffRole", props.row.role)} · ${permissionName(props.permission)}`;
  return (
    <td classList={{ cell: true, violation: !!state().violation, default: props.row.defaults.includes(props.permission as never) }}>
      <input
        type="checkbox"
        aria-label={name()}
        title={state().violation ? ruleText(state().violation!.rule) : state().rule ? ruleText(state().rule!) : name()}
        checked={state().checked}
        disabled={state().disabled}
        data-testid={`cell-${props.row.role}-${props.permission}`}
        onChange={(e) => props.editor.toggle(props.row, props.permission, e.currentTarget.checked)}
      />
      <CellMark state={state()} />
    </td>
  );
}

function RoleActions(props: { row: RoleRow; editor: RoleEditor }) {
  const busy = () => props.editor.busy() === props.row.role;
  return (
    <td class="actions">
      <Show when={props.editor.dirty(props.row)}>
        <button
          type="button"
          class="primary"
          disabled={busy()}
          onClick={() => props.editor.save(props.row)}
          data-testid={`save-${props.row.role}`}
        >
          {busy() ? t("saving") : t("save")}
        </button>
      </Show>
      <Show when={props.row.customized}>
        <button type="button" disabled={busy()} onClick={() => props.editor.reset(props.row)} data-testid={`reset-${props.row.role}`}>
          {t("reset")}
        </button>
      </Show>
      <Show when={props.editor.notice(props.row.role)}>
        {(n) => (
          <span class={n().kind === "ok" ? "ok" : "error"} role="status">
            {n().text}
          </span>
        )}
      </Show>
    </td>
  );
}

/** The refused changes, each message under its role and permission. */
function Violations(props: { rows: RoleRow[]; editor: RoleEditor }) {
  const refused = () => props.rows.filter((r) => props.editor.violations(r.role).length);
  return (
    <For each={refused()}>
      {(row) => (
        <div class="violations card" role="alert" data-testid={`violations-${row.role}`}>
          <strong>{t("violations", { role: label("StaffRole", row.role) })}</strong>
          <ul>
            <For each={props.editor.violations(row.role)}>
              {(v) => <li>{`${permissionName(v.permission)}${pick(COLON)}${ruleText(v.rule)}`}</li>}
            </For>
          </ul>
        </div>
      )}
    </For>
  );
}

/** Issue 17: at a desk, the whole matrix: permissions down, roles across, saved per role. */
export function MatrixTable(props: { rows: RoleRow[]; editor: RoleEditor; canEdit: boolean }) {
  // A refusal brings its first marked cell into view (the matrix scrolls inside its frame).
  const refusals = () => props.rows.map((r) => props.editor.violations(r.role).length).join();
  createEffect(
    on(
      refusals,
      () => queueMicrotask(() => document.querySelector(".roles td.violation")?.scrollIntoView({ block: "center", inline: "center" })),
      { defer: true },
    ),
  );
  return (
    <>
      <Violations rows={props.rows} editor={props.editor} />
      <p class="muted legend">
        <span class="swatch" aria-hidden="true" /> {t("legend")}
      </p>
      <div class="matrix-wrap">
        <table class="table matrix" data-testid="role-matrix">
          <thead>
            <tr>
              <th scope="col">{t("permission")}</th>
              <For each={props.rows}>
                {(row) => (
                  <th scope="col">
                    <span class="role-name">{label("StaffRole", row.role)}</span>
                    <span classList={{ badge: true, met: row.customized }}>{row.customized ? t("customized") : t("standard")}</span>
                    <Show when={props.editor.dirty(row)}>
                      <span class="warn unsaved">{t("unsaved")}</span>
                    </Show>
                  </th>
                )}
              </For>
            </tr>
          </thead>
          <tbody>
            <For each={PERMISSIONS}>
              {(p) => (
                <tr>
                  <th scope="row">
                    <span class="perm-name">{permissionName(p)}</span>
                    <span class="muted perm-meaning">{permissionMeaning(p)}</span>
                  </th>
                  <For each={props.rows}>{(row) => <Cell row={row} permission={p} editor={props.editor} />}</For>
                </tr>
              )}
            </For>
          </tbody>
          <Show when={props.canEdit}>
            <tfoot>
              <tr>
                <th scope="row" />
                <For each={props.rows}>{(row) => <RoleActions row={row} editor={props.editor} />}</For>
              </tr>
            </tfoot>
          </Show>
        </table>
      </div>
    </>
  );
}
