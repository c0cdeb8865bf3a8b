import { createMutation } from "@urql/solid";
import { For, Show, Suspense, type JSX } from "solid-js";
import { SignOutMutation } from "../graphql/session.ts";
import { label } from "../i18n/labels.ts";
import { locale, pick, setLocale, translator } from "../i18n/locale.ts";
import { Link } from "../router/router.tsx";
import { useSession } from "../session/session.tsx";
import { Loading } from "../components/States.tsx";
import { adminRoutes, allowed, ROUTES } from "./routes.ts";

const t = translator({
  product: ["听见", "Tingjian"],
  tagline: ["投诉 · 回访 · 满意度", "Complaints · callbacks · satisfaction"],
  signOut: ["退出", "Sign out"],
  language: ["语言", "Language"],
});

/** The frame around every signed-in page: navigation by permission, language, the account. */
export function Shell(props: { children: JSX.Element }) {
  const session = useSession();
  const [, signOut] = createMutation(SignOutMutation);
  // The administration pages are one entry (/admin), shown when the viewer may open any of them;
  // the account page is reached from the account's name.
  const nav = () =>
    ROUTES.filter(
      (r) =>
        r.nav && !r.admin && r.path !== "/account" && (r.path === "/admin" ? adminRoutes(session.can).length > 0 : allowed(r, session.can)),
    );
  return (
    <div class="shell">
      <header class="topbar">
        <Link href="/" class="brand">
          听见 <span class="muted">Tingjian</span>
        </Link>
        <nav class="nav" aria-label="main">
          <For each={nav()}>
            {(r) => (
              <Link href={r.path} data-testid={`nav-${r.path}`}>
                {pick(r.nav!)}
              </Link>
            )}
          </For>
        </nav>
        <span class="right">
          <Show when={session.me()}>
            {(me) => (
              <Link href="/account" data-testid="nav-/account" class="account-link">
                <span data-testid="whoami">
                  {me().staff.displayName} · {label("StaffRole", me().staff.role)}
                </span>
              </Link>
            )}
          </Show>
          <select
            aria-label={t("language")}
            data-testid="language"
            value={locale()}
            onChange={(e) => setLocale(e.currentTarget.value as "zh-CN" | "en")}
          >
            <option value="zh-CN">中文</option>
            <option value="en">English</option>
          </select>
          <button
            type="button"
            class="link"
            data-testid="sign-out"
            onClick={async () => {
              await signOut({});
              location.assign("/");
            }}
          >
            {t("signOut")}
          </button>
        </span>
      </header>
      <main>
        <Suspense fallback={<Loading />}>{props.children}</Suspense>
      </main>
    </div>
  );
}
