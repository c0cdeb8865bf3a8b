import { createMutation } from "@urql/solid";
import { createSignal, For, Show, type Accessor } from "solid-js";
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

type Done = (created?: { name: string; password: string }) => void;

export function FieldError(props: { message: string | undefined }) {
  return (
    <Show when={props.message}>
      {(m) => (
        <span class="field-error" role="alert">
          {m()}
        </span>
      )}
    </Show>
  );
}

/** The form's values as the mutations take them. */
function readForm(form: HTMLFormElement, allEstates: boolean) {
  const f = new FormData(form);
  const text = (k: string) => String(f.get(k) ?? "").trim();
  const common = {
    displayName: text("displayName"),
    role: text("role") as never,
    clearance: text("clearance") as never,
    allEstates,
    estateIds: allEstates ? [] : f.getAll("estate").map(String),
    phone: text("phone"),
    email: text("email"),
  };
  return { common, login: text("login"), department: text("department") };
}

/** Creates or updates the account; returns the problems to show, or null when done. */
function useSave(account: StaffAccount | undefined, onDone: Done) {
  const [, create] = createMutation(CreateStaffMutation);
  const [, update] = createMutation(UpdateStaffMutation);
  return async (form: HTMLFormElement, allEstates: boolean): Promise<FormProblems | null> => {
    const { common, login, department } = readForm(form, allEstates);
    if (account) {
      const r = await update({
        input: {
          id: account.id,
          version: account.version,
          ...common,
          ...(department ? { departmentId: department } : { clearDepartment: true }),
        },
      });
      const res = r.data?.updateStaff;
      if (res?.__typename === "MutationUpdateStaffSuccess") return (onDone(), null);
      return r.error ? { fields: {}, form: thrownErrorText(r.error) } : problemsOf(res);
    }
    const r = await create({ input: { login, ...common, ...(department ? { departmentId: department } : {}) } });
    const res = r.data?.createStaff;
    if (res?.__typename === "MutationCreateStaffSuccess")
      return (onDone({ name: common.displayName, password: res.data.temporaryPassword }), null);
    return r.error ? { fields: {}, form: thrownErrorText(r.error) } : problemsOf(res);
  };
}

/** Role, clearance and department. */
function RoleFields(props: { account?: StaffAccount; choices: Choices; problems: Accessor<FormProblems> }) {
  const a = props.account;
  return (
    <>
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
        <FieldError message={props.problems().fields.role} />
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
        <FieldError message={props.problems().fields.clearance} />
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
        <FieldError message={props.problems().fields.departmentId} />
      </label>
    </>
  );
}

/** §2: every estate, or the estates ticked. */
function EstateFields(props: {
  account?: StaffAccount;
  choices: Choices;
  problems: Accessor<FormProblems>;
  all: Accessor<boolean>;
  setAll: (v: boolean) => void;
}) {
  const mine = new Set(props.account?.estates.map((e) => e.id) ?? []);
  return (
    <>
      <label class="check wide">
        <input
          type="checkbox"
          checked={props.all()}
          onChange={(e) => props.setAll(e.currentTarget.checked)}
          data-testid="staff-all-estates"
        />
        {t("allEstates")}
      </label>
      <Show when={!props.all()}>
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
          <FieldError message={props.problems().fields.estateIds ?? props.problems().fields.allEstates} />
        </fieldset>
      </Show>
    </>
  );
}

/** Issue 17: create an account (it gets a temporary password) or edit one at its version. */
export function StaffForm(props: { account?: StaffAccount; choices: Choices; onDone: Done }) {
  const save = useSave(props.account, props.onDone);
  const [problems, setProblems] = createSignal<FormProblems>({ fields: {}, form: null });
  const [allEstates, setAllEstates] = createSignal(props.account?.allEstates ?? false);
  const a = props.account;
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    try {
      const p = await save(e.currentTarget as HTMLFormElement, allEstates());
      if (p) setProblems(p);
    } catch (err) {
      setProblems({ fields: {}, form: thrownErrorText(err) });
    }
  };
  return (
    <form class="form" onSubmit={submit} data-testid="staff-form">
      <Show when={!a}>
        <label>
          {t("login")}
          <input name="login" required autocomplete="off" data-testid="staff-login" />
          <FieldError message={problems().fields.login} />
        </label>
      </Show>
      <label>
        {t("displayName")}
        <input name="displayName" required value={a?.displayName ?? ""} data-testid="staff-name" />
        <FieldError message={problems().fields.displayName} />
      </label>
      <RoleFields account={a} choices={props.choices} problems={problems} />
      <label>
        {t("phone")}
        <input name="phone" type="tel" value={a?.phone ?? ""} />
        <FieldError message={problems().fields.phone} />
      </label>
      <label>
        {t("email")}
        <input name="email" type="email" value={a?.email ?? ""} />
        <FieldError message={problems().fields.email} />
      </label>
      <EstateFields account={a} choices={props.choices} problems={problems} all={allEstates} setAll={setAllEstates} />
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
