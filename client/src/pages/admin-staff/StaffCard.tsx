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

type Outcome = { __typename: string; message?: string; data?: { temporaryPassword?: string } } | undefined;
type Password = { name: string; password: string };

/** Deactivate or reactivate, and reset the password, of one account; errors go to `setError`. */
function useAccountActions(
  a: () => StaffAccount,
  setError: (m: string | null) => void,
  changed: () => void,
  onPassword: (p: Password) => void,
) {
  const [, deactivate] = createMutation(DeactivateStaffMutation);
  const [, reactivate] = createMutation(ReactivateStaffMutation);
  const [, reset] = createMutation(ResetPasswordMutation);
  const run = async (call: () => Promise<{ error?: unknown; data?: Record<string, unknown> }>): Promise<Outcome> => {
    try {
      const r = await call();
      const res = r.data ? (Object.values(r.data)[0] as Outcome) : undefined;
      const failure = r.error ? thrownErrorText(r.error) : (res?.message ?? null);
      setError(failure);
      if (!failure) changed();
      return failure ? undefined : res;
    } catch (e) {
      setError(thrownErrorText(e));
    }
  };
  const input = () => ({ input: { id: a().id, version: a().version } });
  return {
    toggle: () => {
      if (!a().active) return void run(() => reactivate(input()));
      if (confirm(t("confirmDeactivate", { name: a().displayName }))) void run(() => deactivate(input()));
    },
    resetPassword: async () => {
      if (!confirm(t("confirmReset", { name: a().displayName }))) return;
      const res = await run(() => reset({ staffId: a().id }));
      if (res?.data?.temporaryPassword) onPassword({ name: a().displayName, password: res.data.temporaryPassword });
    },
  };
}

/** One account: who, role, scope; edit, deactivate or reactivate, reset the password, sessions. */
export function StaffCard(props: { account: StaffAccount; choices: Choices; changed: () => void; onPassword: (p: Password) => void }) {
  const [editing, setEditing] = createSignal(false);
  const [watching, setWatching] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const a = () => props.account;
  const actions = useAccountActions(
    a,
    setError,
    () => props.changed(),
    (p) => props.onPassword(p),
  );
  const scope = () =>
    a().allEstates
      ? t("allEstates")
      : a()
          .estates.map((e) => e.name)
          .join("、") || t("none");
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
        <button type="button" onClick={actions.toggle} data-testid={a().active ? "staff-deactivate" : "staff-reactivate"}>
          {a().active ? t("deactivate") : t("reactivate")}
        </button>
        <Show when={a().kind === "HUMAN"}>
          <button type="button" onClick={actions.resetPassword} data-testid="staff-reset">
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
