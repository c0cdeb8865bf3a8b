import { For, Match, Show, Switch } from "solid-js";
import { pick, translator } from "../../i18n/locale.ts";
import type { StaffDirectoryFilter } from "../../graphql/complaint-detail.ts";
import type { FieldSpec, Option, Value } from "./actions.ts";
import { PersonPicker } from "./PersonPicker.tsx";

const t = translator({
  choose: ["请选择…", "Choose…"],
  required: ["必填", "required"],
  noOptions: ["没有可选项", "Nothing to choose from"],
});

/**
 * One input of an action's form; its error (client check or the server's InputError) below it.
 * A "person" field offers whom the staff directory lists for `people` (WF-1, WF-7).
 */
export function FormField(props: {
  field: FieldSpec; value: Value; options: Option[]; people?: StaffDirectoryFilter | null; required: boolean; error?: string; onChange: (v: Value) => void;
}) {
  const id = () => `cd-field-${props.field.name}`;
  const groups = () => [...new Set(props.options.map((o) => o.group ?? ""))];
  const testid = () => `field-${props.field.name}`;
  return (
    <div class="cd-form-field" classList={{ invalid: !!props.error }}>
      <Show when={props.field.type !== "checkbox"}>
        <label for={id()}>
          {pick(props.field.label)}
          <Show when={props.required}> <span class="error" title={t("required")}>*</span></Show>
        </label>
      </Show>
      <Switch>
        <Match when={props.field.type === "textarea"}>
          <textarea id={id()} data-testid={testid()} rows={3} value={String(props.value ?? "")} onInput={(e) => props.onChange(e.currentTarget.value)} />
        </Match>
        <Match when={props.field.type === "text"}>
          <input id={id()} data-testid={testid()} type="text" value={String(props.value ?? "")} onInput={(e) => props.onChange(e.currentTarget.value)} />
        </Match>
        <Match when={props.field.type === "datetime"}>
          <input id={id()} data-testid={testid()} type="datetime-local" value={String(props.value ?? "")} onInput={(e) => props.onChange(e.currentTarget.value)} />
        </Match>
        <Match when={props.field.type === "checkbox"}>
          <label class="cd-check">
            <input id={id()} data-testid={testid()} type="checkbox" checked={props.value === true} onChange={(e) => props.onChange(e.currentTarget.checked)} />
            {pick(props.field.label)}
          </label>
        </Match>
        <Match when={props.field.type === "select"}>
          <select id={id()} data-testid={testid()} value={String(props.value ?? "")} onChange={(e) => props.onChange(e.currentTarget.value)}>
            <option value="">{props.options.length ? t("choose") : t("noOptions")}</option>
            <For each={groups()}>
              {(g) => {
                const items = () => props.options.filter((o) => (o.group ?? "") === g);
                return g ? (
                  <optgroup label={g}><For each={items()}>{(o) => <option value={o.value} selected={o.value === props.value}>{o.label}</option>}</For></optgroup>
                ) : (
                  <For each={items()}>{(o) => <option value={o.value} selected={o.value === props.value}>{o.label}</option>}</For>
                );
              }}
            </For>
          </select>
        </Match>
        <Match when={props.field.type === "person"}>
          <PersonPicker id={id()} testid={testid()} filter={props.people ?? null} value={String(props.value ?? "")}
            waitsFor={props.field.waitsFor} defaultChoice={props.field.defaultChoice} onChange={props.onChange} />
        </Match>
        <Match when={props.field.type === "multi"}>
          <div class="cd-multi" data-testid={testid()}>
            <For each={props.options}>
              {(o) => {
                const list = () => (Array.isArray(props.value) ? props.value : []);
                return (
                  <label class="cd-check">
                    <input type="checkbox" value={o.value} checked={list().includes(o.value)}
                      onChange={(e) => props.onChange(e.currentTarget.checked ? [...list(), o.value] : list().filter((x) => x !== o.value))} />
                    {o.label}
                  </label>
                );
              }}
            </For>
          </div>
        </Match>
      </Switch>
      <Show when={props.error}><div class="error small" data-testid={`field-error-${props.field.name}`} role="alert">{props.error}</div></Show>
    </div>
  );
}
