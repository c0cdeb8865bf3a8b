import { For, Show } from "solid-js";
import type { AdminChangeRow } from "../../graphql/admin-roles.ts";
import { formatDateTime } from "../../i18n/locale.ts";
import { actionName, entityName, fieldName, t } from "./text.ts";
import { itemText, valueText } from "./values.ts";

type FieldChange = AdminChangeRow["changes"][number];

/** A changed list: what was added and what removed; any other field: before → after. */
function FieldLine(props: { change: FieldChange }) {
  const c = () => props.change;
  const isList = () => c().added.length > 0 || c().removed.length > 0;
  return (
    <li classList={{ field: true, same: !c().changed }}>
      <span class="field-name">{fieldName(c().field)}</span>
      <Show when={c().changed} fallback={<span class="value">{valueText(c().field, c().after ?? c().before)}</span>}>
        <Show
          when={isList()}
          fallback={
            <span class="value">
              <del>{valueText(c().field, c().before)}</del>
              <span aria-hidden="true"> → </span>
              <ins>{valueText(c().field, c().after)}</ins>
            </span>
          }
        >
          <span class="value">
            <For each={c().added}>
              {(x) => (
                <ins class="chip added" title={t("added")}>
                  + {itemText(c().field, x)}
                </ins>
              )}
            </For>
            <For each={c().removed}>
              {(x) => (
                <del class="chip removed" title={t("removed")}>
                  − {itemText(c().field, x)}
                </del>
              )}
            </For>
          </span>
        </Show>
      </Show>
    </li>
  );
}

/** Issue 17: one administrative change: what, who and when, and each field before → after. */
export function ChangeCard(props: { change: AdminChangeRow }) {
  const c = () => props.change;
  return (
    <li class="card change" data-testid="admin-change">
      <div class="change-head">
        <strong>
          {entityName(c().entity)} · {actionName(c().action)}
        </strong>
        <span class="muted">{t("by", { who: c().changedByName, when: formatDateTime(c().at) })}</span>
      </div>
      <Show when={c().entityId}>{(id) => <div class="muted record">{t("record", { id: id().slice(0, 8) })}</div>}</Show>
      <ul class="fields">
        <For each={c().changes}>{(f) => <FieldLine change={f} />}</For>
      </ul>
    </li>
  );
}
