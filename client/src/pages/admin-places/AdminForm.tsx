import type { Client, TypedDocumentNode } from "@urql/core";
import { createEffect, createSignal, For, Match, Show, Switch } from "solid-js";
import { requestErrorText } from "../../graphql/error-text.ts";
import { translator } from "../../i18n/locale.ts";

const t = translator({
  save: ["保存", "Save"],
  cancel: ["取消", "Cancel"],
  saving: ["保存中…", "Saving…"],
  required: ["必填", "required"],
});

/** One field of an administration form. Values travel as strings (checkboxes: "true"/""). */
export interface FieldSpec {
  name: string;
  label: string;
  kind?: "text" | "number" | "date" | "datetime" | "select" | "checkbox";
  options?: readonly { value: string; label: string }[];
  required?: boolean;
  placeholder?: string;
}

export type Values = Record<string, string>;

/** The answer of an administrative mutation: done, or why not (per input field and as a whole). */
export type Outcome = { ok: true } | { ok: false; problems: Record<string, string>; message: string };

interface Payload {
  __typename: string;
  message?: string;
  problems?: readonly { field: string; message: string }[];
}

/** Runs one administrative mutation and reads its union payload (InputError problems by field: `input.room` → `room`). */
export async function mutate<V extends { input: unknown }>(
  client: Client,
  doc: TypedDocumentNode<unknown, V>,
  input: V["input"],
): Promise<Outcome> {
  const r = await client.mutation(doc, { input } as V).toPromise();
  const payload = r.data ? (Object.values(r.data as Record<string, Payload>)[0] as Payload | undefined) : undefined;
  if (!payload) return { ok: false, problems: {}, message: requestErrorText(r.error) };
  if (payload.__typename.endsWith("Success")) return { ok: true };
  const problems: Record<string, string> = {};
  for (const p of payload.problems ?? []) problems[p.field.replace(/^input\./, "").split(".")[0]!] ??= p.message;
  return { ok: false, problems, message: payload.message ?? payload.__typename };
}

/** The text of a value, or null when empty (an optional field left blank). */
export const orNull = (v: string | undefined) => (v?.trim() ? v.trim() : null);
export const numberOrNull = (v: string | undefined) => (v?.trim() ? Number(v) : null);

function Input(props: { spec: FieldSpec; value: string; set: (v: string) => void; testid: string }) {
  return (
    <Switch
      fallback={
        <input
          type="text"
          name={props.spec.name}
          data-testid={props.testid}
          value={props.value}
          placeholder={props.spec.placeholder}
          onInput={(e) => props.set(e.currentTarget.value)}
        />
      }
    >
      <Match when={props.spec.kind === "select"}>
        <select name={props.spec.name} data-testid={props.testid} onChange={(e) => props.set(e.currentTarget.value)}>
          <For each={props.spec.options}>
            {(o) => (
              <option value={o.value} selected={o.value === props.value}>
                {o.label}
              </option>
            )}
          </For>
        </select>
      </Match>
      <Match when={props.spec.kind === "number"}>
        <input
          type="number"
          step="any"
          name={props.spec.name}
          data-testid={props.testid}
          value={props.value}
          onInput={(e) => props.set(e.currentTarget.value)}
        />
      </Match>
      <Match when={props.spec.kind === "date" || props.spec.kind === "datetime"}>
        <input
          type={props.spec.kind === "date" ? "date" : "datetime-local"}
          name={props.spec.name}
          data-testid={props.testid}
          value={props.value}
          onInput={(e) => props.set(e.currentTarget.value)}
        />
      </Match>
    </Switch>
  );
}

function Field(props: { spec: FieldSpec; value: string; set: (v: string) => void; error?: string; testid: string }) {
  const label = () => `${props.spec.label}${props.spec.required ? ` (${t("required")})` : ""}`;
  return (
    <Show
      when={props.spec.kind === "checkbox"}
      fallback={
        // biome-ignore lint/a11y/noLabelWithoutControl: <Input> renders the control inside the label
        <label>
          <span>{label()}</span>
          <Input spec={props.spec} value={props.value} set={props.set} testid={props.testid} />
          <Show when={props.error}>
            <span class="field-error" role="alert">
              {props.error}
            </span>
          </Show>
        </label>
      }
    >
      <label class="check">
        <input
          type="checkbox"
          name={props.spec.name}
          data-testid={props.testid}
          checked={props.value === "true"}
          onChange={(e) => props.set(e.currentTarget.checked ? "true" : "")}
        />
        <span>{props.spec.label}</span>
        <Show when={props.error}>
          <span class="field-error" role="alert">
            {props.error}
          </span>
        </Show>
      </label>
    </Show>
  );
}

/**
 * A create or edit form of the administration pages: every bad field the server names is shown
 * next to its field at once (issue 16), anything else above the buttons.
 */
export function AdminForm(props: {
  fields: FieldSpec[];
  initial: Values;
  submitLabel?: string;
  testid: string;
  onSubmit: (v: Values) => Promise<Outcome>;
  onCancel?: () => void;
  onDone?: () => void;
}) {
  const [values, setValues] = createSignal<Values>({ ...props.initial });
  const [problems, setProblems] = createSignal<Record<string, string>>({});
  const [message, setMessage] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  createEffect(() => setValues({ ...props.initial }));
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    setBusy(true);
    const outcome = await props.onSubmit(values()).finally(() => setBusy(false));
    if (outcome.ok) {
      setProblems({});
      setMessage("");
      props.onDone?.();
      return;
    }
    setProblems(outcome.problems);
    setMessage(Object.keys(outcome.problems).some((k) => props.fields.some((f) => f.name === k)) ? "" : outcome.message);
  };
  return (
    <form class="admin-form" data-testid={props.testid} onSubmit={submit} noValidate>
      <For each={props.fields}>
        {(spec) => (
          <Field
            spec={spec}
            value={values()[spec.name] ?? ""}
            set={(v) => setValues({ ...values(), [spec.name]: v })}
            error={problems()[spec.name]}
            testid={`${props.testid}-${spec.name}`}
          />
        )}
      </For>
      <Show when={message()}>
        <p class="form-error error" role="alert" data-testid={`${props.testid}-error`}>
          {message()}
        </p>
      </Show>
      <div class="actions">
        <button type="submit" class="primary" disabled={busy()} data-testid={`${props.testid}-submit`}>
          {busy() ? t("saving") : (props.submitLabel ?? t("save"))}
        </button>
        <Show when={props.onCancel}>
          <button type="button" onClick={() => props.onCancel!()}>
            {t("cancel")}
          </button>
        </Show>
      </div>
    </form>
  );
}
