import { Show, type JSX } from "solid-js";
import type { CombinedError } from "@urql/core";
import { translator } from "../i18n/locale.ts";
import { thrownErrorText } from "../graphql/error-text.ts";

const t = translator({
  loading: ["加载中…", "Loading…"],
  empty: ["暂无数据", "Nothing here yet"],
  failed: ["加载失败", "Could not load"],
  retry: ["重试", "Retry"],
  forbidden: ["您无权查看此内容", "You are not allowed to see this"],
});

export function Loading(props: { label?: string }) {
  return (
    <p class="state muted" role="status" data-testid="loading">
      {props.label ?? t("loading")}
    </p>
  );
}

export function Empty(props: { children?: JSX.Element }) {
  return (
    <p class="state muted" data-testid="empty">
      {props.children ?? t("empty")}
    </p>
  );
}

/** A failed request: the server's message (already safe to show) and a retry button. */
export function ErrorBox(props: { error: CombinedError | Error | string | undefined; retry?: () => void }) {
  const message = () => {
    const e = props.error;
    if (!e) return "";
    if (typeof e === "string") return e;
    if ("graphQLErrors" in e && e.graphQLErrors[0]?.extensions?.code === "FORBIDDEN") return t("forbidden");
    return thrownErrorText(e);
  };
  return (
    <div class="state error" role="alert" data-testid="error">
      <strong>{t("failed")}</strong> <span>{message()}</span>
      <Show when={props.retry}>
        <button type="button" class="link" onClick={() => props.retry!()}>
          {t("retry")}
        </button>
      </Show>
    </div>
  );
}
