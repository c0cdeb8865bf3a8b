import { createQuery } from "@urql/solid";
import { createSignal, Match, onCleanup, Show, Switch } from "solid-js";
import { ErrorBox, Loading } from "../../components/States.tsx";
import { RoleMatrixQuery } from "../../graphql/admin-roles.ts";
import { Link } from "../../router/router.tsx";
import { useSession } from "../../session/session.tsx";
import { createRoleEditor } from "./editor.ts";
import { MatrixTable } from "./MatrixTable.tsx";
import { RoleSwitches } from "./RoleSwitches.tsx";
import { t, useTitle } from "./text.ts";
import "./roles.css";

/** Below this width the matrix is shown one role at a time, as a list of switches. */
const NARROW = "(max-width: 1100px)";

function createNarrow() {
  const query = globalThis.matchMedia?.(NARROW);
  const [narrow, setNarrow] = createSignal(query?.matches ?? false);
  const listen = (e: MediaQueryListEvent) => setNarrow(e.matches);
  query?.addEventListener("change", listen);
  onCleanup(() => query?.removeEventListener("change", listen));
  return narrow;
}

/**
 * Issue 17: the role permission matrix — SPEC §2's roles × permissions, adjustable within the
 * limits the server states (fixed cells carry why); saved per role, reset to the defaults; every
 * refused change marked on its cell. The auditor reads it without changing it.
 */
export default function RolesPage() {
  useTitle(() => t("title"));
  const session = useSession();
  const canEdit = () => session.can("accounts:manage");
  const [matrix, refetch] = createQuery({ query: RoleMatrixQuery });
  const reload = () => refetch({ requestPolicy: "network-only" });
  const editor = createRoleEditor({ canEdit, holds: (p) => session.me()?.permissions.includes(p as never) ?? false, reload });
  const narrow = createNarrow();
  return (
    <section class="roles">
      <h1>{t("title")}</h1>
      <p class="muted intro">{canEdit() ? t("intro") : t("readOnly")}</p>
      <Show when={session.can("audit:read") || canEdit()}>
        <p>
          <Link href="/admin/changes?entity=ROLE">{t("changeLog")}</Link>
        </p>
      </Show>
      <Switch>
        <Match when={matrix.error}>
          <ErrorBox error={matrix.error} retry={reload} />
        </Match>
        <Match when={matrix.data}>
          {(d) => (
            <Show when={narrow()} fallback={<MatrixTable rows={d().rolePermissionMatrix} editor={editor} canEdit={canEdit()} />}>
              <RoleSwitches rows={d().rolePermissionMatrix} editor={editor} canEdit={canEdit()} />
            </Show>
          )}
        </Match>
        <Match when={true}>
          <Loading />
        </Match>
      </Switch>
    </section>
  );
}
