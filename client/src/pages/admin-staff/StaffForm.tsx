import { createMutation } from "@urql/solid";
import { createSignal, For, Show } from "solid-js";
import {
  CreateStaffMutation,
  problemsOf,
  UpdateStaffMutation,
  type DepartmentRow,
  type FormProblems,
  type StaffAccount,
} from "../../graphql/admin-accounts.ts";
import { thrownErrorText } from "../../graphql/error-text.ts";
import { label, values } from "../../i18n/labels.ts";
import { CLEARANCES, t } from "./text.ts";

export interface Choices {
  estates: readonly { id: string; code: string; name: string }[];
  departments: readonly DepartmentRow[];
}

/** Issue 17: create an account (it gets a temporary password) or edit one at its version. */
export function StaffForm(props: {
  account?: StaffAccount;
  choices: Choices;
  onDone: (created?: { name: string; password: string }) => void;
}) {
  const [, create] = createMutation(CreateStaffMutation);
  const [, update] = createMutation(UpdateStaffMutation);
  const [problems, setProblems] = createSignal<FormProblems>({ fields: {}, form: null });
  const [allEstates, setAllEstates] = createSignal(props.account?.allEstates ?? false);
  const a = props.account;
  const mine = new Set(a?.estates.map((e) => e.id) ?? []);
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget as HTMLFormElement);
    const text = (k: string) => String(f.get(k) ?? "").trim();
    const common = {
      displayName: text("displayName"),
      role: text("role") as never,
      clearance: text("clearance") as never,
      allEstates: allEstates(),
      estateIds: allEstates() ? [] : f.getAll("estate").map(String),
      phone: text("phone"),
      email: text("email"),
    };
    const department = text("department");
    try {
      if (a) {
        const r = await update({
          input: { id: a.id, version: a.version, ...common, ...(department ? { departmentId: department } : { clearDepartment: true }) },
        });
        const res = r.data?.updateStaff;
        if (res?.__typename === "MutationUpdateStaffSuccess") return props.onDone();
        setProblems(r.error ? { fields: {}, form: thrownErrorText(r.error) } : problemsOf(res));
      } else {
        const r = await create({ input: { login: text("login"), ...common, ...(department ? { departmentId: department } : {}) } });
        const res = r.data?.createStaff;
        if (res?.__typename === "MutationCreateStaffSuccess")
          return props.onDone({ name: common.displayName, password: res.data.temporaryPassword });
        setProblems(r.error ? { fields: {}, form: thrownErrorText(r.error) } : problemsOf(res));
      }
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
    <form class="form" onSubmit={submit} data-testid="staff-form">
      <Show when={!a}>
        <label>
          {t("login")}
          <input name="login" required autocomplete="off" data-testid="staff-login" />
          {err("login")}
        </label>
      </Show>
      <label>
        {t("displayName")}
        <input name="displayName" required value={a?.displayName ?? ""} data-testid="staff-name" />
        {err("displayName")}
      </label>
      <label>
        {t("role")}
        <select name="role" data-testid="staff-role">
          <For each={values("StaffRole")}>
            {(r) => (
              <option value={r} selected={r === (a?.role ?? "FRONT_DESK")}>
                {label("StaffRole", r)}
              </option>
            )}
          </For>
        </select>
        {err("role")}
      </label>
      <label>
        {t("clearance")}
        <select name="clearance" data-testid="staff-clearance">
          <For each={CLEARANCES}>
            {(c) => (
              <option value={c} selected={c === (a?.clearance ?? "SECRET")}>
                {t(c)}
              </option>
            )}
          </For>
        </select>
        {err("clearance")}
      </label>
      <label>
        {t("department")}
        <select name="department" data-testid="staff-department">
          <option value="">{t("noDepartment")}</option>
          <For each={props.choices.departments.filter((d) => d.active || d.id === a?.department?.id)}>
            {(d) => (
              <option value={d.id} selected={d.id === a?.department?.id}>
                {d.name}
              </option>
            )}
          </For>
        </select>
        {err("departmentId")}
      </label>
      <label>
        {t("phone")}
        <input name="phone" type="tel" value={a?.phone ?? ""} />
        {err("phone")}
      </label>
      <label>
        {t("email")}
        <input name="email" type="email" value={a?.email ?? ""} />
        {err("email")}
      </label>
      <label class="check wide">
        <input
          type="checkbox"
          checked={allEstates()}
          onChange={(e) => setAllEstates(e.currentTarget.checked)}
          data-testid="staff-all-estates"
        />
        {t("allEstates")}
      </label>
      <Show when={!allEstates()}>
        <fieldset class="wide" data-testid="staff-estates">
          <legend>{t("estates")}</legend>
          <For each={props.choices.estates}>
            {(e) => (
              <label class="check">
                <input type="checkbox" name="estate" value={e.id} checked={mine.has(e.id)} />
                {e.name}
              </label>
            )}
          </For>
          {err("estateIds")}
          {err("allEstates")}
        </fieldset>
      </Show>
      <Show when={problems().form}>
        {(m) => (
          <p class="form-error error" role="alert" data-testid="staff-form-error">
            {m()}
          </p>
        )}
      </Show>
      <div class="actions">
        <button type="submit" class="primary" data-testid="staff-save">
          {a ? t("save") : t("create")}
        </button>
        <button type="button" onClick={() => props.onDone()}>
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}
