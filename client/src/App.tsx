import { createMutation, createQuery } from "@urql/solid";
import { Match, Switch } from "solid-js";
import { MeQuery, SignOutMutation } from "./graphql/session.ts";
import { EstatesPage } from "./pages/estates/EstatesPage.tsx";
import { SignInPage } from "./pages/sign-in/SignInPage.tsx";

export function App() {
  const [me, reload] = createQuery({ query: MeQuery });
  const [, signOut] = createMutation(SignOutMutation);
  const refresh = () => reload({ requestPolicy: "network-only" });
  return (
    <div class="shell">
      <header class="topbar">
        <strong>听见 Tingjian</strong>
        <span class="muted">投诉 · 回访 · 满意度</span>
        <span class="right">
          {me.data?.me ? `${me.data.me.staff.displayName} · ${me.data.me.staff.role}` : ""}
        </span>
        {me.data?.me ? <button class="link" onClick={async () => { await signOut({}); refresh(); }}>退出 Sign out</button> : null}
        <a href="/graphql">GraphQL</a>
      </header>
      <main>
        <Switch>
          <Match when={me.fetching && !me.data}><p class="muted">加载中… Loading…</p></Match>
          <Match when={me.data && !me.data.me}><SignInPage onSignedIn={refresh} /></Match>
          <Match when={me.data?.me}><EstatesPage /></Match>
          <Match when={me.error}><p class="error">{me.error?.message}</p></Match>
        </Switch>
      </main>
    </div>
  );
}
