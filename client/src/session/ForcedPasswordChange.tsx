import { createMutation } from "@urql/solid";
import { SignOutMutation } from "../graphql/session.ts";
import { ChangePasswordForm } from "../pages/account/ChangePasswordForm.tsx";
import { t, useTitle } from "../pages/admin-staff/text.ts";
import "../pages/admin-staff/accounts.css";

/**
 * Issue 17: after signing in with a temporary password, the only screen: choose a new password
 * (or sign out). The server refuses everything else until then (PASSWORD_CHANGE_REQUIRED).
 */
export function ForcedPasswordChange(props: { onChanged: () => void }) {
  const [, signOut] = createMutation(SignOutMutation);
  useTitle(() => t("changeTitle"));
  return (
    <main class="accounts narrow" style={{ margin: "0 auto", padding: "24px 16px" }}>
      <h1>{t("changeTitle")}</h1>
      <p class="help">{t("changeIntro")}</p>
      <ChangePasswordForm onChanged={props.onChanged} />
      <button
        type="button"
        class="link"
        data-testid="forced-sign-out"
        onClick={async () => {
          await signOut({});
          location.assign("/");
        }}
      >
        {t("signOut")}
      </button>
    </main>
  );
}
