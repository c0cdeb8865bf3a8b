import { createMutation } from "@urql/solid";
import { createSignal, Show } from "solid-js";
import { ChangeMyPasswordMutation, problemsOf, type FormProblems } from "../../graphql/admin-accounts.ts";
import { thrownErrorText } from "../../graphql/error-text.ts";
import { t } from "../admin-staff/text.ts";

/** Issue 17: change your own password (the current one, the new one twice); the policy is the server's. */
export function ChangePasswordForm(props: { onChanged: () => void }) {
  const [, change] = createMutation(ChangeMyPasswordMutation);
  const [problems, setProblems] = createSignal<FormProblems>({ fields: {}, form: null });
  const [busy, setBusy] = createSignal(false);
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    const [currentPassword, newPassword, repeat] = ["current", "next", "repeat"].map((k) => String(form.get(k) ?? ""));
    if (newPassword !== repeat) return setProblems({ fields: { repeat: t("mismatch") }, form: null });
    setBusy(true);
    try {
      const r = await change({ input: { currentPassword: currentPassword!, newPassword: newPassword! } });
      const result = r.data?.changeMyPassword;
      if (result?.__typename === "MutationChangeMyPasswordSuccess") {
        (e.target as HTMLFormElement).reset();
        setProblems({ fields: {}, form: null });
        props.onChanged();
      } else setProblems(r.error ? { fields: {}, form: thrownErrorText(r.error) } : problemsOf(result));
    } finally {
      setBusy(false);
    }
  };
  const field = (name: string, key: "currentPassword" | "newPassword" | "repeatPassword", problem: string, autocomplete: string) => (
    <label>
      {t(key)}
      <input
        type="password"
        name={name}
        required
        autocomplete={autocomplete}
        data-testid={`password-${name}`}
        aria-invalid={!!problems().fields[problem]}
      />
      <Show when={problems().fields[problem]}>
        {(m) => (
          <span class="field-error" role="alert">
            {m()}
          </span>
        )}
      </Show>
    </label>
  );
  return (
    <form class="form" onSubmit={submit} data-testid="change-password">
      {field("current", "currentPassword", "currentPassword", "current-password")}
      {field("next", "newPassword", "newPassword", "new-password")}
      {field("repeat", "repeatPassword", "repeat", "new-password")}
      <p class="help wide">{t("policy")}</p>
      <Show when={problems().form}>
        {(m) => (
          <p class="form-error error" role="alert">
            {m()}
          </p>
        )}
      </Show>
      <div class="actions">
        <button type="submit" class="primary" disabled={busy()} data-testid="change-password-submit">
          {t("changePassword")}
        </button>
      </div>
    </form>
  );
}
