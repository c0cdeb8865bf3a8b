import { createQuery, useClient } from "@urql/solid";
import { createSignal, For, onMount, Show } from "solid-js";
import { ActionLookupsQuery, complaintEdit, type ComplaintDetail, type EditPayload } from "../../graphql/complaint-detail.ts";
import { label } from "../../i18n/labels.ts";
import { locale, pick, translator } from "../../i18n/locale.ts";
import { ErrorBox, Loading } from "../../components/States.tsx";
import { requestErrorText } from "../../graphql/error-text.ts";
import { ACTIONS, buildInput, fieldRequired, initialValues, type ActionSpec, type FieldSpec } from "./actions.ts";
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

interface Conflict { version: number; status: string }

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
        <button type="button" class="primary" data-testid="conflict-retry" disabled={props.busy} onClick={() => props.onRetry()}>{t("keepMine")}</button>
        <button type="button" data-testid="conflict-discard" onClick={() => props.onDiscard()}>{t("takeTheirs")}</button>
      </div>
    </div>
  );
}

/** A workflow refusal and the actions allowed now. */
function WorkflowAlert(props: { error: EditPayload }) {
  return (
    <div class="cd-alert" role="alert" data-testid="workflow-error">
      <p title={props.error.message}>{workflowText(props.error)}</p>
      <p>{props.error.allowedActions?.length ? t("allowed", { list: props.error.allowedActions.map((a) => (ACTIONS[a] ? pick(ACTIONS[a]!.label) : a)).join("、") }) : t("noneAllowed")}</p>
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

/**
 * One action's form (SPEC §5): sends the version read; a conflict keeps the typed values and lets
 * the user resubmit on the new version or discard; a workflow error names the allowed actions; an
 * InputError lands on its field. On success the draft is dropped and the page reloads.
 */
export function ActionDialog(props: { action: ActionSpec; complaint: ComplaintDetail; onClose: () => void; onChanged: () => void; onSaved: () => void }) {
  const client = useClient();
  const id = () => props.complaint.id;
  const initial = initialValues(props.action, props.complaint);
  const values = () => draft(id(), props.action.key) ?? initial;
  const [lookups] = createQuery({ query: ActionLookupsQuery, pause: () => !props.action.needsLookups });
  const [version, setVersion] = createSignal(props.complaint.version);
  const [busy, setBusy] = createSignal(false);
  const [fieldErrors, setFieldErrors] = createSignal<Record<string, string>>({});
  const [topError, setTopError] = createSignal<string>();
  const [workflow, setWorkflow] = createSignal<EditPayload>();
  const [conflict, setConflict] = createSignal<Conflict>();
  let dialog!: HTMLDialogElement;
  onMount(() => dialog.showModal());

  const visible = () => props.action.fields.filter((f) => !f.show || f.show(values()));
  const required = (name: string) => fieldRequired(props.action, props.action.fields.find((f) => f.name === name)!, values(), props.complaint);

  async function submit(onVersion: number) {
    const missing = visible().filter((f) => required(f.name) && isEmpty(values()[f.name]));
    setFieldErrors(Object.fromEntries(missing.map((f) => [f.name, t("required")])));
    if (missing.length) return;
    setBusy(true);
    setTopError(undefined);
    setWorkflow(undefined);
    setConflict(undefined);
    const r = await client.mutation(complaintEdit(props.action.mutation), { input: buildInput(props.action, values(), id(), onVersion) }).toPromise();
    setBusy(false);
    const payload = r.data?.[props.action.mutation];
    if (r.error || !payload) return setTopError(requestErrorText(r.error));
    if (payload.__typename.endsWith("Success")) {
      dropDraft(id(), props.action.key);
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
    const refusal = placeRefusal(props.action, visible(), payload);
    if ("field" in refusal) return setFieldErrors({ [refusal.field]: payload.message ?? "" });
    setTopError(refusal.top);
  }

  return (
    <dialog ref={dialog} class="cd-dialog" data-testid="action-form" data-action={props.action.key} onCancel={(e) => { e.preventDefault(); props.onClose(); }}>
      <form method="dialog" onSubmit={(e) => { e.preventDefault(); void submit(version()); }}>
        <h2>{pick(props.action.label)} <span class="muted small">{props.action.rule}</span></h2>
        <Show when={conflict()}>
          {(c) => <ConflictAlert conflict={c()} busy={busy()} onRetry={() => { setVersion(c().version); void submit(c().version); }} onDiscard={() => { dropDraft(id(), props.action.key); props.onClose(); }} />}
        </Show>
        <Show when={workflow()}>{(w) => <WorkflowAlert error={w()} />}</Show>
        <Show when={topError()}><div class="cd-alert" role="alert" data-testid="form-error">{t("failed")} {topError()}</div></Show>
        <Show when={!props.action.needsLookups || lookups.data} fallback={lookups.error ? <ErrorBox error={lookups.error} /> : <Loading />}>
          <For each={visible()}>
            {(f) => (
              <FormField field={f} value={values()[f.name] ?? ""} options={f.options?.(props.complaint, lookups.data) ?? []} people={f.people?.(props.complaint, values())} required={required(f.name)}
                error={fieldErrors()[f.name]} onChange={(v) => setDraftValue(id(), props.action.key, initial, f.name, v)} />
            )}
          </For>
        </Show>
        <div class="actions">
          <button type="button" data-testid="action-cancel" onClick={() => props.onClose()}>{t("cancel")}</button>
          <Show when={!conflict()}>
            <button type="submit" class="primary" data-testid="action-submit" disabled={busy()}>{busy() ? t("submitting") : t("submit")}</button>
          </Show>
        </div>
      </form>
    </dialog>
  );
}

function isEmpty(v: unknown): boolean {
  return v == null || v === "" || (Array.isArray(v) && v.length === 0) || (typeof v === "string" && v.trim() === "");
}
