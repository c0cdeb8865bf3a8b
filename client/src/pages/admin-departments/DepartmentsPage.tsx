import { createMutation, createQuery } from "@urql/solid";
import { createSignal, For, Show } from "solid-js";
import {
  AccountChoicesQuery,
  CreateDepartmentMutation,
  DeactivateDepartmentMutation,
  problemsOf,
  ReactivateDepartmentMutation,
  UpdateDepartmentMutation,
  type DepartmentRow,
  type FormProblems,
} from "../../graphql/admin-accounts.ts";
import { thrownErrorText } from "../../graphql/error-text.ts";
import { Empty, ErrorBox, Loading } from "../../components/States.tsx";
import { DEPARTMENT_KINDS, t, useTitle } from "../admin-staff/text.ts";
import "../admin-staff/accounts.css";

/** Issue 17: a department's code, name and kind (create, or edit at its version). */
function DepartmentForm(props: { department?: DepartmentRow; onDone: () => void }) {
  const [, create] = createMutation(CreateDepartmentMutation);
  const [, update] = createMutation(UpdateDepartmentMutation);
  const [problems, setProblems] = createSignal<FormProblems>({ fields: {}, form: null });
  const d = props.department;
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget as HTMLFormElement);
    const fields = { code: String(f.get("code") ?? ""), name: String(f.get("name") ?? ""), kind: String(f.get("kind")) as never };
    try {
      const r = d ? await update({ input: { id: d.id, version: d.version, ...fields } }) : await create({ input: fields });
      const res = r.data && ("updateDepartment" in r.data ? r.data.updateDepartment : r.data.createDepartment);
      if (res?.__typename.endsWith("Success")) return props.onDone();
      setProblems(r.error ? { fields: {}, form: thrownErrorText(r.error) } : problemsOf(res as never));
    } catch (err) {
      setProblems({ fields: {}, form: thrownErrorText(err) });
    }
  };
  const err = (k: string) => (
    <Show when={problems().fields[k]}>
      {(m) => (
        <span class="field-error" role="alert">
          {m()}
        </span>
      )}
    </Show>
  );
  return (
    <form class="form" onSubmit={submit} data-testid="department-form">
      <label>
        {t("code")}
        <input name="code" required value={d?.code ?? ""} data-testid="department-code" />
        {err("code")}
      </label>
      <label>
        {t("name")}
        <input name="name" required value={d?.name ?? ""} data-testid="department-name" />
        {err("name")}
      </label>
      <label>
        {t("kind")}
        <select name="kind" data-testid="department-kind">
          <For each={DEPARTMENT_KINDS}>
            {(k) => (
              <option value={k} selected={k === (d?.kind ?? "OTHER")}>
                {t(k)}
              </option>
            )}
          </For>
        </select>
        {err("kind")}
      </label>
      <Show when={problems().form}>
        {(m) => (
          <p class="form-error error" role="alert">
            {m()}
          </p>
        )}
      </Show>
      <div class="actions">
        <button type="submit" class="primary" data-testid="department-save">
          {d ? t("save") : t("create")}
        </button>
        <button type="button" onClick={props.onDone}>
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}

function DepartmentCard(props: { department: DepartmentRow; changed: () => void }) {
  const [editing, setEditing] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [, deactivate] = createMutation(DeactivateDepartmentMutation);
  const [, reactivate] = createMutation(ReactivateDepartmentMutation);
  const d = () => props.department;
  const toggle = async () => {
    const input = { input: { id: d().id, version: d().version } };
    const r = d().active ? await deactivate(input) : await reactivate(input);
    const res = r.data && ("deactivateDepartment" in r.data ? r.data.deactivateDepartment : r.data.reactivateDepartment);
    const message = r.error ? thrownErrorText(r.error) : res && "message" in res ? res.message : null;
    setError(message ?? null);
    if (!message) props.changed();
  };
  return (
    <li class={`item${d().active ? "" : " inactive"}`} data-testid={`department-${d().code}`}>
      <h3>
        {d().name} <span class="muted">{d().code}</span>
        <Show when={!d().active}>
          <span class="badge off">{t("deactivated")}</span>
        </Show>
      </h3>
      <p>
        {t(d().kind as (typeof DEPARTMENT_KINDS)[number])}
        {d().office ? ` · ${d().office!.name}` : ""}
      </p>
      <p class="muted">
        {t("head")}: {d().head?.displayName ?? t("none")} · {t("members", { n: d().memberCount })}
      </p>
      <Show when={error()}>
        {(m) => (
          <p class="error" role="alert">
            {m()}
          </p>
        )}
      </Show>
      <Show when={editing()}>
        <DepartmentForm
          department={d()}
          onDone={() => {
            setEditing(false);
            props.changed();
          }}
        />
      </Show>
      <div class="actions">
        <Show when={!editing()}>
          <button type="button" onClick={() => setEditing(true)}>
            {t("edit")}
          </button>
        </Show>
        <button type="button" onClick={toggle}>
          {d().active ? t("deactivate") : t("reactivate")}
        </button>
      </div>
    </li>
  );
}

/** Issue 17: departments and the service centre. */
export default function DepartmentsPage() {
  useTitle(() => t("departmentsTitle"));
  const [creating, setCreating] = createSignal(false);
  const [data, reload] = createQuery({ query: AccountChoicesQuery });
  const refresh = () => reload({ requestPolicy: "network-only" });
  return (
    <section class="accounts">
      <h1>{t("departmentsTitle")}</h1>
      <p class="help">{t("serviceCentreHelp")}</p>
      <div class="toolbar">
        <button type="button" class="primary" onClick={() => setCreating(true)} disabled={creating()} data-testid="department-new">
          {t("newDepartment")}
        </button>
      </div>
      <Show when={creating()}>
        <DepartmentForm
          onDone={() => {
            setCreating(false);
            refresh();
          }}
        />
      </Show>
      <Show when={!data.error} fallback={<ErrorBox error={data.error} retry={refresh} />}>
        <Show when={data.data} fallback={<Loading />}>
          {(r) => (
            <Show when={r().departments.length} fallback={<Empty />}>
              <ul class="list" data-testid="department-list">
                <For each={r().departments}>{(d) => <DepartmentCard department={d} changed={refresh} />}</For>
              </ul>
            </Show>
          )}
        </Show>
      </Show>
    </section>
  );
}
