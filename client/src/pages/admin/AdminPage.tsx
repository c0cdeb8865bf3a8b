import { For } from "solid-js";
import { adminRoutes } from "../../app/routes.ts";
import { useTitle } from "../../app/title.ts";
import { pick, translator } from "../../i18n/locale.ts";
import { Link } from "../../router/router.tsx";
import { useSession } from "../../session/session.tsx";

const t = translator({
  title: ["管理", "Administration"],
  lead: [
    "公司账号、场所与规则的设置。每项变更都记入变更记录。",
    "The company's accounts, places and rules. Every change is kept in the change log.",
  ],
});

/** Issue 17: the administration pages the viewer may open, each with what it is for. */
export default function AdminPage() {
  const session = useSession();
  useTitle(() => t("title"));
  return (
    <section class="admin-hub" data-testid="admin-hub">
      <h1>{t("title")}</h1>
      <p class="muted">{t("lead")}</p>
      <ul class="admin-links">
        <For each={adminRoutes(session.can)}>
          {(r) => (
            <li>
              <Link href={r.path} data-testid={`nav-${r.path}`}>
                <strong>{pick(r.nav!)}</strong>
                <span class="muted">{pick(r.admin!.about)}</span>
              </Link>
            </li>
          )}
        </For>
      </ul>
    </section>
  );
}
