import { createSignal, Show } from "solid-js";
import { useSession } from "../../session/session.tsx";
import { AccountActivity } from "./AccountActivity.tsx";
import { ChangePasswordForm } from "./ChangePasswordForm.tsx";
import { t, useTitle } from "../admin-staff/text.ts";
import "../admin-staff/accounts.css";

/** Issue 17: my account — change my password; my open sessions and sign-ins. */
export default function AccountPage() {
  const session = useSession();
  const [changed, setChanged] = createSignal(false);
  useTitle(() => t("accountTitle"));
  return (
    <section class="accounts narrow">
      <h1>{t("accountTitle")}</h1>
      <h2>{t("changePassword")}</h2>
      <Show when={changed()}>
        <p class="ok" role="status" data-testid="password-changed">
          {t("changed")}
        </p>
      </Show>
      <ChangePasswordForm onChanged={() => setChanged(true)} />
      <h2>{t("activity")}</h2>
      <Show when={session.me()?.staff.id}>{(id) => <AccountActivity staffId={id()} />}</Show>
    </section>
  );
}
