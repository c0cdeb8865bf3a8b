import { Match, Show, Switch } from "solid-js";
import { Dynamic } from "solid-js/web";
import { Shell } from "./app/Shell.tsx";
import { allowed, ROUTES } from "./app/routes.ts";
import { ErrorBox, Loading } from "./components/States.tsx";
import { translator } from "./i18n/locale.ts";
import { location, match } from "./router/router.tsx";
import { useSession } from "./session/session.tsx";
import { SignedOut } from "./pages/setup/SignedOut.tsx";

const t = translator({
  notFound: ["页面不存在", "No such page"],
  forbidden: ["您的角色无权打开此页面", "Your role may not open this page"],
});

export function App() {
  const session = useSession();
  const route = () => {
    for (const r of ROUTES) {
      const params = match(r.path, location().path);
      if (params) return { route: r, params };
    }
    return null;
  };
  return (
    <Switch>
      <Match when={session.loading()}>
        <Loading />
      </Match>
      <Match when={session.error()}>
        <ErrorBox error={session.error()} retry={session.refresh} />
      </Match>
      <Match when={!session.me()}>
        <SignedOut onSignedIn={session.refresh} />
      </Match>
      <Match when={session.me()}>
        <Shell>
          <Show
            when={route()}
            fallback={
              <p class="state" data-testid="not-found">
                {t("notFound")}
              </p>
            }
          >
            {(r) => (
              <Show
                when={allowed(r().route, session.can)}
                fallback={
                  <p class="state error" data-testid="forbidden">
                    {t("forbidden")}
                  </p>
                }
              >
                <Dynamic component={r().route.page} params={r().params} />
              </Show>
            )}
          </Show>
        </Shell>
      </Match>
    </Switch>
  );
}
