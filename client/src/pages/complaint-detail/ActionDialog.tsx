import { createQuery, useClient } from "@urql/solid";
import { createSignal, For, onMount, Show } from "solid-js";
import { ActionLookupsQuery, complaintEdit, type ComplaintDetail, type EditPayload } from "../../graphql/complaint-detail.ts";
import { label } from "../../i18n/labels.ts";
import { locale, pick, translator } from "../../i18n/locale.ts";
import { ErrorBox, Loading } from "../../components/States.tsx";
import { requestErrorText } from "../../graphql/error-text.ts";
import { ACTIONS, buildInput, fieldRequired, initialValues, type ActionSpec, type FieldSpec, type Value, type Values } from "./actions.ts";
import { draft, dropDraft, setDraftValue } from "./drafts.ts";
import { FormField } from "./FormField.tsx";

const t = translator({
  submit: ["提交", "Submit"],
  submitting: ["提交中…", "Submitting…"],
  cancel: ["关闭（保留已填内容）", "Close (keeps what you typed)"],
  required: ["此项必填", "This field is required"],
  conflict: [
    "此投诉已被他人修改（现为版本 {v}，状态「{status}」），您的提交未生效。您填写的内容仍在下面，页面已重新加载。",
    "Someone else changed this complaint (now version {v}, status “{status}”); nothing was saved. What you typed is still below, and the page has been reloaded.",
  ],
  keepMine: ["按新版本重新提交我的内容", "Submit mine again on the new version"],
  takeTheirs: ["放弃我的内容，采用当前数据", "Discard mine and keep the current data"],
  workflow: ["当前状态「{status}」不允许此操作：{message}", "The status “{status}” does not allow this: {message}"],
  workflowOnly: ["当前状态「{status}」不允许此操作。", "The status “{status}” does not allow this."],
  onField: ["{field}：{message}", "{field}: {message}"],
  allowed: ["现在可以：{list}", "Possible now: {list}"],
  noneAllowed: ["现在没有可执行的流程操作", "No workflow action is possible now"],
  failed: ["未保存：", "Not saved:"],
});

interface Conflict {
  version: number;
  status: string;
}

/**
 * The server explains a workflow refusal in English only (for now); a Chinese reader gets the
 * status sentence and the allowed actions below it, with the explanation as the tooltip.
 */
function workflowText(w: EditPayload): string {
  const status = label("ComplaintStatus", w.status ?? "");
  const detail = w.message ?? "";
  return locale() === "en" || /[\u4e00-\u9fff]/.test(detail) ? t("workflow", { status, message: detail }) : t("workflowOnly", { status });
}

/** A stale version: the typed values stay, to submit again on the new version or to discard. */
function ConflictAlert(props: { conflict: Conflict; busy: boolean; onRetry: () => void; onDiscard: () => void }) {
  return (
    <div class="cd-alert" role="alert" data-testid="conflict">
      <p>{t("conflict", { v: props.conflict.version, status: label("ComplaintStatus", props.conflict.status) })}</p>
      <div class="actions">
        <button type="button" class="primary" data-testid="conflict-retry" disabled={props.busy} onClick={() => props.onRetry()}>
          {t("keepMine")}
        </button>
        <button type="button" data-testid="conflict-discard" onClick={() => props.onDiscard()}>
          {t("takeTheirs")}
        </button>
      </div>
    </div>
  );
}

/** A workflow refusal and the actions allowed now. */
function WorkflowAlert(props: { error: EditPayload }) {
  return (
    <div class="cd-alert" role="alert" data-testid="workflow-error">
      <p title={props.error.message}>{workflowText(props.error)}</p>
      <p>
        {props.error.allowedActions?.length
          ? t("allowed", { list: props.error.allowedActions.map((a) => (ACTIONS[a] ? pick(ACTIONS[a]!.label) : a)).join("、") })
          : t("noneAllowed")}
      </p>
    </div>
  );
}

/**
 * Where an InputError goes: on its field when shown; a field not shown (e.g. hidden by another
 * answer) at the top, where the message says why and the form's label says where.
 */
function placeRefusal(action: ActionSpec, visible: FieldSpec[], payload: EditPayload): { field: string } | { top: string | undefined } {
  const field = payload.field?.replace(/^input\./, "");
  if (field && visible.some((f) => f.name === field)) return { field };
  const spec = action.fields.find((f) => f.name === field);
  return { top: spec ? t("onField", { field: pick(spec.label), message: payload.message ?? "" }) : payload.message };
}

interface DialogProps {
  action: ActionSpec;
  complaint: ComplaintDetail;
  onClose: () => void;
  onChanged: () => void;
  onSaved: () => void;
}

/**
 * One action's form (SPEC §5): sends the version read; a conflict keeps the typed values and lets
 * the user resubmit on the new version or discard; a workflow error names the allowed actions; an
 * InputError lands on its field. On success the draft is dropped and the page reloads.
 */
export function ActionDialog(props: DialogProps) {
  const id = () => props.complaint.id;
  const initial = initialValues(props.action, props.complaint);
  const values = () => draft(id(), props.action.key) ?? initial;
  const [version, setVersion] = createSignal(props.complaint.version);
  let dialog!: HTMLDialogElement;
  onMount(() => dialog.showModal());

  const visible = () => props.action.fields.filter((f) => !f.show || f.show(values()));
  const required = (name: string) =>
    fieldRequired(props.action, props.action.fields.find((f) => f.name === name)!, values(), props.complaint);
  const { busy, fieldErrors, topError, workflow, conflict, submit } = createSubmission(props, { id, values, visible, required });
  function retry(onVersion: number) {
    setVersion(onVersion);
    void submit(onVersion);
  }
  function discard() {
    dropDraft(id(), props.action.key);
    props.onClose();
  }

  return (
    <dialog
      ref={dialog}
      class="cd-dialog"
      data-testid="action-form"
      data-action={props.action.key}
      onCancel={(e) => {
        e.preventDefault();
        props.onClose();
      }}
    >
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          void submit(version());
        }}
      >
        <h2>
          {pick(props.action.label)} <span class="muted small">{props.action.rule}</span>
        </h2>
        <FormAlerts conflict={conflict()} workflow={workflow()} topError={topError()} busy={busy()} onRetry={retry} onDiscard={discard} />
        <ActionFields
          action={props.action}
          complaint={props.complaint}
          visible={visible()}
          values={values()}
          required={required}
          errors={fieldErrors()}
          onChange={(name, v) => setDraftValue(id(), props.action.key, initial, name, v)}
        />
        <div class="actions">
          <button type="button" data-testid="action-cancel" onClick={() => props.onClose()}>
            {t("cancel")}
          </button>
          <Show when={!conflict()}>
            <button type="submit" class="primary" data-testid="action-submit" disabled={busy()}>
              {busy() ? t("submitting") : t("submit")}
            </button>
          </Show>
        </div>
      </form>
    </dialog>
  );
}

/** What the last submission came back with, if it was refused: a conflict, a workflow refusal or another error. */
function FormAlerts(props: {
  conflict?: Conflict;
  workflow?: EditPayload;
  topError?: string;
  busy: boolean;
  onRetry: (version: number) => void;
  onDiscard: () => void;
}) {
  return (
    <>
      <Show when={props.conflict}>
        {(c) => <ConflictAlert conflict={c()} busy={props.busy} onRetry={() => props.onRetry(c().version)} onDiscard={props.onDiscard} />}
      </Show>
      <Show when={props.workflow}>{(w) => <WorkflowAlert error={w()} />}</Show>
      <Show when={props.topError}>
        <div class="cd-alert" role="alert" data-testid="form-error">
          {t("failed")} {props.topError}
        </div>
      </Show>
    </>
  );
}

/** The fields shown, once the lookups an action needs (departments, categories) have loaded. */
function ActionFields(props: {
  action: ActionSpec;
  complaint: ComplaintDetail;
  visible: FieldSpec[];
  values: Values;
  required: (name: string) => boolean;
  errors: Record<string, string>;
  onChange: (name: string, v: Value) => void;
}) {
  const [lookups] = createQuery({ query: ActionLookupsQuery, pause: () => !props.action.needsLookups });
  return (
    <Show when={!props.action.needsLookups || lookups.data} fallback={lookups.error ? <ErrorBox error={lookups.error} /> : <Loading />}>
      <For each={props.visible}>
        {(f) => (
          <FormField
            field={f}
            value={props.values[f.name] ?? ""}
            options={f.options?.(props.complaint, lookups.data) ?? []}
            people={f.people?.(props.complaint, props.values)}
            required={props.required(f.name)}
            error={props.errors[f.name]}
            onChange={(v) => props.onChange(f.name, v)}
          />
        )}
      </For>
    </Show>
  );
}

/**
 * Sending the form on a version, and what came back: missing fields (checked first), a field's
 * InputError, a refusal at the top, a workflow refusal or a conflict; on success the dialog closes.
 */
function createSubmission(
  props: DialogProps,
  form: { id: () => string; values: () => Values; visible: () => FieldSpec[]; required: (name: string) => boolean },
) {
  const client = useClient();
  const [busy, setBusy] = createSignal(false);
  const [fieldErrors, setFieldErrors] = createSignal<Record<string, string>>({});
  const [topError, setTopError] = createSignal<string>();
  const [workflow, setWorkflow] = createSignal<EditPayload>();
  const [conflict, setConflict] = createSignal<Conflict>();

  async function submit(onVersion: number) {
    const missing = form.visible().filter((f) => form.required(f.name) && isEmpty(form.values()[f.name]));
    setFieldErrors(Object.fromEntries(missing.map((f) => [f.name, t("required")])));
    if (missing.length) return;
    setBusy(true);
    setTopError(undefined);
    setWorkflow(undefined);
    setConflict(undefined);
    const r = await client
      .mutation(complaintEdit(props.action.mutation), { input: buildInput(props.action, form.values(), form.id(), onVersion) })
      .toPromise();
    setBusy(false);
    const payload = r.data?.[props.action.mutation];
    if (r.error || !payload) return setTopError(requestErrorText(r.error));
    if (payload.__typename.endsWith("Success")) {
      dropDraft(form.id(), props.action.key);
      props.onSaved();
      props.onChanged();
      return props.onClose();
    }
    if (payload.__typename === "ComplaintConflictError") {
      setConflict({ version: payload.currentVersion ?? payload.current?.version ?? onVersion, status: payload.current?.status ?? "" });
      return props.onChanged();
    }
    if (payload.__typename === "WorkflowError") {
      setWorkflow(payload);
      return props.onChanged();
    }
    const refusal = placeRefusal(props.action, form.visible(), payload);
    if ("field" in refusal) return setFieldErrors({ [refusal.field]: payload.message ?? "" });
    setTopError(refusal.top);
  }

  return { busy, fieldErrors, topError, workflow, conflict, submit };
}

function isEmpty(v: unknown): boolean {
  return v == null || v === "" || (Array.isArray(v) && v.length === 0) || (typeof v === "string" && v.trim() === "");
}
