import { createQuery } from "@urql/solid";
import { createContext, onCleanup, Show, useContext, type JSX } from "solid-js";
import { onSessionRefused } from "../graphql/client.ts";
import { MeQuery, type Me } from "../graphql/session.ts";
import { ForcedPasswordChange } from "./ForcedPasswordChange.tsx";

interface Session {
  me: () => Me | null | undefined;
  loading: () => boolean;
  error: () => Error | undefined;
  can: (permission: string) => boolean;
  refresh: () => void;
}

const SessionContext = createContext<Session>();

/** Who is signed in and what they may do; every page reads it instead of asking again. */
export function SessionProvider(props: { children: JSX.Element }) {
  const [me, reload] = createQuery({ query: MeQuery });
  const session: Session = {
    me: () => me.data?.me,
    loading: () => me.fetching && !me.data,
    error: () => (me.data ? undefined : me.error),
    can: (permission) => me.data?.me?.permissions.includes(enumName(permission)) ?? false,
    refresh: () => reload({ requestPolicy: "network-only" }),
  };
  // A request refused for want of a session: `me` is asked again (null: the sign-in page shows).
  onCleanup(onSessionRefused(() => session.refresh()));
  // Issue 17: a temporary password is changed before any page opens (the server refuses the rest).
  return (
    <SessionContext.Provider value={session}>
      <Show when={me.data?.me?.mustChangePassword} fallback={props.children}>
        <ForcedPasswordChange onChanged={session.refresh} />
      </Show>
    </SessionContext.Provider>
  );
}

/** "complaints:read" (SPEC §2's name, used in routes) → COMPLAINTS_READ (the API's enum). */
function enumName(permission: string): Me["permissions"][number] {
  return permission.toUpperCase().replace(/[:-]/g, "_") as Me["permissions"][number];
}

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error("useSession outside SessionProvider");
  return s;
}
