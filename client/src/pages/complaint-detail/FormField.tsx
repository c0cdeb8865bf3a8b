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

interface FieldProps {
  field: FieldSpec;
  value: Value;
  options: Option[];
  people?: StaffDirectoryFilter | null;
  required: boolean;
  error?: string;
  onChange: (v: Value) => void;
}

/**
 * One input of an action's form; its error (client check or the server's InputError) below it.
 * A "person" field offers whom the staff directory lists for `people` (WF-1, WF-7).
 */
export function FormField(props: FieldProps) {
  return (
    <div class="cd-form-field" classList={{ invalid: !!props.error }}>
      <Show when={props.field.type !== "checkbox"}>
        <label for={`cd-field-${props.field.name}`}>
          {pick(props.field.label)}
          <Show when={props.required}>
            {" "}
            <span class="error" title={t("required")}>
              *
            </span>
          </Show>
        </label>
      </Show>
      <FieldInput {...props} />
      <Show when={props.error}>
        <div class="error small" data-testid={`field-error-${props.field.name}`} role="alert">
          {props.error}
        </div>
      </Show>
    </div>
  );
}

/** The input for the field's type. */
function FieldInput(props: FieldProps) {
  const id = () => `cd-field-${props.field.name}`;
  const testid = () => `field-${props.field.name}`;
  return (
    <Switch>
      <Match when={props.field.type === "textarea" || props.field.type === "text" || props.field.type === "datetime"}>
        <TextInput id={id()} testid={testid()} type={props.field.type} value={props.value} onChange={props.onChange} />
      </Match>
      <Match when={props.field.type === "checkbox"}>
        <label class="cd-check">
          <input
            id={id()}
            data-testid={testid()}
            type="checkbox"
            checked={props.value === true}
            onChange={(e) => props.onChange(e.currentTarget.checked)}
          />
          {pick(props.field.label)}
        </label>
      </Match>
      <Match when={props.field.type === "select"}>
        <SelectField id={id()} testid={testid()} value={props.value} options={props.options} onChange={props.onChange} />
      </Match>
      <Match when={props.field.type === "person"}>
        <PersonPicker
          id={id()}
          testid={testid()}
          filter={props.people ?? null}
          value={String(props.value ?? "")}
          waitsFor={props.field.waitsFor}
          defaultChoice={props.field.defaultChoice}
          onChange={props.onChange}
        />
      </Match>
      <Match when={props.field.type === "multi"}>
        <MultiField testid={testid()} value={props.value} options={props.options} onChange={props.onChange} />
      </Match>
    </Switch>
  );
}

/** A text area, a line of text or a local date and time. */
function TextInput(props: { id: string; testid: string; type: FieldSpec["type"]; value: Value; onChange: (v: Value) => void }) {
  const value = () => String(props.value ?? "");
  const onInput = (e: { currentTarget: { value: string } }) => props.onChange(e.currentTarget.value);
  return (
    <Show
      when={props.type !== "textarea"}
      fallback={<textarea id={props.id} data-testid={props.testid} rows={3} value={value()} onInput={onInput} />}
    >
      <input
        id={props.id}
        data-testid={props.testid}
        type={props.type === "datetime" ? "datetime-local" : "text"}
        value={value()}
        onInput={onInput}
      />
    </Show>
  );
}

interface ChoiceProps {
  id?: string;
  testid: string;
  value: Value;
  options: Option[];
  onChange: (v: Value) => void;
}

/** A drop-down of the options, grouped under their `group` when they have one. */
function SelectField(props: ChoiceProps) {
  const groups = () => [...new Set(props.options.map((o) => o.group ?? ""))];
  return (
    <select
      id={props.id}
      data-testid={props.testid}
      value={String(props.value ?? "")}
      onChange={(e) => props.onChange(e.currentTarget.value)}
    >
      <option value="">{props.options.length ? t("choose") : t("noOptions")}</option>
      <For each={groups()}>
        {(g) => {
          const items = () => props.options.filter((o) => (o.group ?? "") === g);
          return g ? (
            <optgroup label={g}>
              <For each={items()}>
                {(o) => (
                  <option value={o.value} selected={o.value === props.value}>
                    {o.label}
                  </option>
                )}
              </For>
            </optgroup>
          ) : (
            <For each={items()}>
              {(o) => (
                <option value={o.value} selected={o.value === props.value}>
                  {o.label}
                </option>
              )}
            </For>
          );
        }}
      </For>
    </select>
  );
}

/** A checkbox per option; the value is the list of those ticked. */
function MultiField(props: ChoiceProps) {
  return (
    <div class="cd-multi" data-testid={props.testid}>
      <For each={props.options}>
        {(o) => {
          const list = () => (Array.isArray(props.value) ? props.value : []);
          return (
            <label class="cd-check">
              <input
                type="checkbox"
                value={o.value}
                checked={list().includes(o.value)}
                onChange={(e) => props.onChange(e.currentTarget.checked ? [...list(), o.value] : list().filter((x) => x !== o.value))}
              />
              {o.label}
            </label>
          );
        }}
      </For>
    </div>
  );
}
