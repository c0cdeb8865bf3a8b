import { createMutation, createQuery } from "@urql/solid";
import { For, Show } from "solid-js";
import { AccountActivityQuery, RevokeSessionMutation } from "../../graphql/admin-accounts.ts";
import { formatDateTime } from "../../i18n/locale.ts";
import { ErrorBox, Loading } from "../../components/States.tsx";
import { t } from "../admin-staff/text.ts";

/** The browser of a user agent, shortly ("Chrome 126 · Linux"), never the whole string. */
function browserOf(ua: string | null | undefined): string {
  if (!ua) return "";
  const browser = /(Edg|Chrome|Firefox|Safari)\/(\d+)/.exec(ua);
  const os = /(Windows|Android|iPhone|Mac OS X|Linux)/.exec(ua);
  return [browser ? `${browser[1] === "Edg" ? "Edge" : browser[1]} ${browser[2]}` : "", os?.[1] ?? ""].filter(Boolean).join(" · ");
}

/** Issue 17: an account's open sessions (each can be ended) and its sign-in history, newest first. */
export function AccountActivity(props: { staffId: string }) {
  const [activity, reload] = createQuery({
    query: AccountActivityQuery,
    variables: () => ({ id: props.staffId }),
    requestPolicy: "network-only",
  });
  const [, revoke] = createMutation(RevokeSessionMutation);
  const staff = () => {
    const n = activity.data?.node;
    return n && "openSessions" in n ? n : null;
  };
  const end = async (id: string) => {
    await revoke({ id });
    reload({ requestPolicy: "network-only" });
  };
  return (
    <div class="activity" data-testid="account-activity">
      <Show when={!activity.error} fallback={<ErrorBox error={activity.error} />}>
        <Show when={staff()} fallback={<Loading />}>
          {(s) => (
            <>
              <strong>
                {t("openSessions")} ({s().openSessions.totalCount})
              </strong>
              <ul data-testid="open-sessions">
                <For each={s().openSessions.nodes} fallback={<li class="muted">{t("none")}</li>}>
                  {(session) => (
                    <li>
                      <span>{t("since", { at: formatDateTime(session.createdAt) })}</span>
                      <span class="muted">{t("lastSeen", { at: formatDateTime(session.lastSeenAt) })}</span>
                      <span class="muted">{[session.ip, browserOf(session.userAgent)].filter(Boolean).join(" · ")}</span>
                      <Show
                        when={session.current}
                        fallback={
                          <button type="button" onClick={() => end(session.id)} data-testid="revoke-session">
                            {t("revoke")}
                          </button>
                        }
                      >
                        <span class="badge">{t("thisSession")}</span>
                      </Show>
                    </li>
                  )}
                </For>
              </ul>
              <strong>
                {t("signIns")} ({s().signInHistory.totalCount})
              </strong>
              <ul data-testid="sign-ins">
                <For each={s().signInHistory.nodes} fallback={<li class="muted">{t("none")}</li>}>
                  {(a) => (
                    <li>
                      <span>{formatDateTime(a.at)}</span>
                      <span class={a.outcome === "SUCCESS" ? "ok" : "error"}>{t(a.outcome)}</span>
                      <span class="muted">{[a.ip, browserOf(a.userAgent)].filter(Boolean).join(" · ")}</span>
                    </li>
                  )}
                </For>
              </ul>
            </>
          )}
        </Show>
      </Show>
    </div>
  );
}
