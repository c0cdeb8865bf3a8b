import { createQuery } from "@urql/solid";
import { createEffect, createSignal, Match, Switch } from "solid-js";
import { ErrorBox, Loading } from "../../components/States.tsx";
import { InstallationQuery } from "../../graphql/setup.ts";
import { location, navigate } from "../../router/router.tsx";
import { SignInPage } from "../sign-in/SignInPage.tsx";
import { SetupPage } from "./SetupPage.tsx";

/** The path of the first-run page. */
export const SETUP_PATH = "/setup";

/**
 * Issue 17: what someone who is not signed in sees. An installation without any organisation
 * goes to the first-run page (/setup); otherwise /setup leads to sign-in, which asks for the
 * organisation code when the installation holds several.
 */
export function SignedOut(props: { onSignedIn: () => void }) {
  const [installation, reload] = createQuery({ query: InstallationQuery, requestPolicy: "network-only" });
  const status = () => installation.data?.installation;
  createEffect(() => {
    const s = status();
    if (!s) return;
    const atSetup = location().path === SETUP_PATH;
    if (s.setupNeeded && !atSetup) navigate(SETUP_PATH, { replace: true });
    if (!s.setupNeeded && atSetup) navigate("/", { replace: true });
  });
  // After setup the administrator signs in next, with the login (and code, if asked) filled in.
  const [created, setCreated] = createSignal<{ code: string; adminLogin: string }>();
  const done = (result: { code: string; adminLogin: string }) => {
    setCreated(result);
    reload({ requestPolicy: "network-only" });
  };
  return (
    <Switch>
      <Match when={installation.error && !installation.data}>
        <ErrorBox error={installation.error} retry={() => reload({ requestPolicy: "network-only" })} />
      </Match>
      <Match when={!status()}>
        <Loading />
      </Match>
      <Match when={status()!.setupNeeded}>
        <SetupPage onDone={done} />
      </Match>
      <Match when={status()}>
        <SignInPage
          onSignedIn={props.onSignedIn}
          organizationCodeRequired={status()!.organizationCodeRequired}
          demoCompany={status()!.demoCompany}
          login={created()?.adminLogin}
          organization={status()!.organizationCodeRequired ? created()?.code : undefined}
        />
      </Match>
    </Switch>
  );
}
