import { EstatesPage } from "./pages/estates/EstatesPage.tsx";

export function App() {
  return (
    <div class="shell">
      <header class="topbar">
        <strong>听见 Tingjian</strong>
        <span class="muted">投诉 · 回访 · 满意度</span>
        <a href="/graphql" class="right">GraphQL</a>
      </header>
      <main>
        <EstatesPage />
      </main>
    </div>
  );
}
