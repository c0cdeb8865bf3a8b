import { createMutation } from "@urql/solid";
import { createSignal, Show } from "solid-js";
import { SignInMutation } from "../../graphql/session.ts";

/** The sign-in form; on success the session cookie is set and `props.onSignedIn` reloads the caller. */
export function SignInPage(props: { onSignedIn: () => void }) {
  const [login, setLogin] = createSignal("");
  const [password, setPassword] = createSignal("");
  const [error, setError] = createSignal<string | null>(null);
  const [state, signIn] = createMutation(SignInMutation);

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    setError(null);
    const r = await signIn({ login: login(), password: password() });
    const payload = r.data?.signIn;
    if (payload?.__typename === "MutationSignInSuccess") return props.onSignedIn();
    setError(payload?.message ?? r.error?.message ?? "登录失败 Sign-in failed");
  };

  return (
    <form class="card sign-in" onSubmit={submit} data-testid="sign-in">
      <h1>登录 Sign in</h1>
      <label>账号 Login<input name="login" autocomplete="username" value={login()} onInput={(e) => setLogin(e.currentTarget.value)} required /></label>
      <label>密码 Password<input name="password" type="password" autocomplete="current-password" value={password()} onInput={(e) => setPassword(e.currentTarget.value)} required /></label>
      <Show when={error()}><p class="error" role="alert">{error()}</p></Show>
      <button type="submit" disabled={state.fetching}>登录 Sign in</button>
      <p class="muted">演示账号见 README（如 analyst、frontdesk.lx、exec）· Demo accounts are listed in the README.</p>
    </form>
  );
}
