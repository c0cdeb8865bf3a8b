import { createMutation } from "@urql/solid";
import { createSignal, Show } from "solid-js";
import {
  DeactivateStaffMutation,
  ReactivateStaffMutation,
  ResetPasswordMutation,
  type StaffAccount,
} from "../../graphql/admin-accounts.ts";
import { thrownErrorText } from "../../graphql/error-text.ts";
import { label } from "../../i18n/labels.ts";
import { formatDateTime } from "../../i18n/locale.ts";
import { AccountActivity } from "../account/AccountActivity.tsx";
import { StaffForm, type Choices } from "./StaffForm.tsx";
import { t } from "./text.ts";

/** One account: who, role, scope; edit, deactivate or reactivate, reset the password, sessions. */
export function StaffCard(props: {
  account: StaffAccount;
  choices: Choices;
  changed: () => void;
  onPassword: (p: { name: string; password: string }) => void;
}) {
  const [editing, setEditing] = createSignal(false);
  const [watching, setWatching] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [, deactivate] = createMutation(DeactivateStaffMutation);
  const [, reactivate] = createMutation(ReactivateStaffMutation);
  const [, reset] = createMutation(ResetPasswordMutation);
  const a = () => props.account;
  const scope = () =>
    a().allEstates
      ? t("allEstates")
      : a()
          .estates.map((e) => e.name)
          .join("、") || t("none");
  const run = async (
    fn: () => Promise<{ error?: unknown; data?: unknown }>,
    pick: (d: never) => { __typename: string; message?: string } | undefined,
  ) => {
    try {
      const r = await fn();
      const res = r.data ? pick(r.data as never) : undefined;
      if (r.error) setError(thrownErrorText(r.error));
      else if (res?.message) setError(res.message);
      else {
        setError(null);
        props.changed();
      }
      return res;
    } catch (e) {
      setError(thrownErrorText(e));
    }
  };
  const toggle = () => {
    const input = { input: { id: a().id, version: a().version } };
    if (a().active) {
      if (confirm(t("confirmDeactivate", { name: a().displayName })))
        void run(
          () => deactivate(input),
          (d: { deactivateStaff: never }) => d.deactivateStaff,
        );
    } else
      void run(
        () => reactivate(input),
        (d: { reactivateStaff: never }) => d.reactivateStaff,
      );
  };
  const resetPassword = async () => {
    if (!confirm(t("confirmReset", { name: a().displayName }))) return;
    const res = (await run(
      () => reset({ staffId: a().id }),
      (d: { resetPassword: never }) => d.resetPassword,
    )) as { data?: { temporaryPassword: string } } | undefined;
    if (res?.data) props.onPassword({ name: a().displayName, password: res.data.temporaryPassword });
  };
  return (
    <li class={`item${a().active ? "" : " inactive"}`} data-testid={`staff-${a().login}`}>
      <h3>
        {a().displayName} <span class="muted">{a().login}</span>
        <Show when={!a().active}>
          <span class="badge off">{t("deactivated")}</span>
        </Show>
        <Show when={a().active && a().mustChangePassword}>
          <span class="badge warn">{t("mustChange")}</span>
        </Show>
      </h3>
      <p>
        {label("StaffRole", a().role)} · {t(a().clearance)}
        {a().department ? ` · ${a().department!.name}` : ""}
      </p>
      <p class="muted">
        {t("estates")}: {scope()}
      </p>
      <p class="muted">
        {t("lastLogin")}: {a().lastLoginAt ? formatDateTime(a().lastLoginAt) : t("never")}
      </p>
      <Show when={error()}>
        {(m) => (
          <p class="error" role="alert">
            {m()}
          </p>
        )}
      </Show>
      <Show when={editing()}>
        <StaffForm
          account={a()}
          choices={props.choices}
          onDone={() => {
            setEditing(false);
            props.changed();
          }}
        />
      </Show>
      <div class="actions">
        <Show when={!editing()}>
          <button type="button" onClick={() => setEditing(true)} data-testid="staff-edit">
            {t("edit")}
          </button>
        </Show>
        <button type="button" onClick={toggle} data-testid={a().active ? "staff-deactivate" : "staff-reactivate"}>
          {a().active ? t("deactivate") : t("reactivate")}
        </button>
        <Show when={a().kind === "HUMAN"}>
          <button type="button" onClick={resetPassword} data-testid="staff-reset">
            {t("resetPassword")}
          </button>
        </Show>
        <button type="button" class="link" onClick={() => setWatching(!watching())} aria-expanded={watching()}>
          {watching() ? t("hideActivity") : t("activity")}
        </button>
      </div>
      <Show when={watching()}>
        <AccountActivity staffId={a().id} />
      </Show>
    </li>
  );
}
