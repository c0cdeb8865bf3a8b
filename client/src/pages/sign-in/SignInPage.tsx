import { createMutation } from "@urql/solid";
import { createSignal, Show } from "solid-js";
import { SignInMutation } from "../../graphql/session.ts";
import { requestErrorText } from "../../graphql/error-text.ts";
import { locale, setLocale, translator } from "../../i18n/locale.ts";

const t = translator({
  title: ["登录", "Sign in"],
  organization: ["组织代码", "Organisation code"],
  login: ["账号", "Login"],
  password: ["密码", "Password"],
  failed: ["登录失败", "Sign-in failed"],
  demo: [
    "演示账号见 README（如 analyst、frontdesk.lx、exec），密码相同。",
    "Demo accounts are listed in the README (e.g. analyst, frontdesk.lx, exec), all with the same password.",
  ],
});

/**
 * The sign-in form; on success the session cookie is set and `props.onSignedIn` reloads the caller.
 * Issue 17: the organisation code is asked for when the installation holds several organisations
 * (or the server says it is needed); `login` and `organization` fill the form in (after setup).
 */
export function SignInPage(props: {
  onSignedIn: () => void;
  organizationCodeRequired?: boolean;
  demoCompany?: boolean;
  login?: string;
  organization?: string;
}) {
  const [organization, setOrganization] = createSignal(props.organization ?? "");
  const [askOrganization, setAskOrganization] = createSignal(false);
  const [login, setLogin] = createSignal(props.login ?? "");
  const [password, setPassword] = createSignal("");
  const [error, setError] = createSignal<string | null>(null);
  const [state, signIn] = createMutation(SignInMutation);

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    setError(null);
    const code = organization().trim().toUpperCase();
    const r = await signIn({ organization: code || null, login: login(), password: password() });
    const payload = r.data?.signIn;
    if (payload?.__typename === "MutationSignInSuccess") return props.onSignedIn();
    if (payload?.__typename === "InputError") setAskOrganization(true);
    setError(payload?.message ?? (r.error ? requestErrorText(r.error) : t("failed")));
  };

  return (
    <form class="card sign-in" onSubmit={submit} data-testid="sign-in">
      <h1>听见 Tingjian · {t("title")}</h1>
      <select
        aria-label="Language"
        data-testid="language"
        value={locale()}
        onChange={(e) => setLocale(e.currentTarget.value as "zh-CN" | "en")}
      >
        <option value="zh-CN">中文</option>
        <option value="en">English</option>
      </select>
      <Show when={props.organizationCodeRequired || askOrganization() || organization()}>
        <label>
          {t("organization")}
          <input
            name="organization"
            autocapitalize="characters"
            value={organization()}
            onInput={(e) => setOrganization(e.currentTarget.value)}
            required
          />
        </label>
      </Show>
      <label>
        {t("login")}
        <input name="login" autocomplete="username" value={login()} onInput={(e) => setLogin(e.currentTarget.value)} required />
      </label>
      <label>
        {t("password")}
        <input
          name="password"
          type="password"
          autocomplete="current-password"
          value={password()}
          onInput={(e) => setPassword(e.currentTarget.value)}
          required
        />
      </label>
      <Show when={error()}>
        <p class="error" role="alert">
          {error()}
        </p>
      </Show>
      <button type="submit" disabled={state.fetching}>
        {t("title")}
      </button>
      <Show when={props.demoCompany ?? true}>
        <p class="muted">{t("demo")}</p>
      </Show>
    </form>
  );
}
