import { createSignal, For, Show } from "solid-js";
import { label, values } from "../../i18n/labels.ts";
import { t } from "./text.ts";

/** The list's filters: text, role, estate and status (default: active accounts). */
export function createStaffFilters() {
  const [text, setText] = createSignal("");
  const [role, setRole] = createSignal("");
  const [estate, setEstate] = createSignal("");
  const [status, setStatus] = createSignal("active");
  const filter = () => ({
    ...(text().trim() ? { text: text().trim() } : {}),
    ...(role() ? { roles: [role() as never] } : {}),
    ...(estate() ? { estateId: estate() } : {}),
    ...(status() ? { active: status() === "active" } : {}),
  });
  return { text, setText, role, setRole, estate, setEstate, status, setStatus, filter };
}

type Filters = ReturnType<typeof createStaffFilters>;

export function StaffFilters(props: {
  filters: Filters;
  estates: readonly { id: string; name: string }[];
  creating: boolean;
  onNew: () => void;
}) {
  const f = props.filters;
  return (
    <div class="toolbar">
      <input
        type="search"
        aria-label={t("search")}
        placeholder={t("search")}
        value={f.text()}
        onInput={(e) => f.setText(e.currentTarget.value)}
        data-testid="staff-search"
      />
      <select aria-label={t("role")} value={f.role()} onChange={(e) => f.setRole(e.currentTarget.value)} data-testid="staff-filter-role">
        <option value="">{t("anyRole")}</option>
        <For each={values("StaffRole")}>{(r) => <option value={r}>{label("StaffRole", r)}</option>}</For>
      </select>
      <select aria-label={t("estate")} value={f.estate()} onChange={(e) => f.setEstate(e.currentTarget.value)}>
        <option value="">{t("anyEstate")}</option>
        <For each={props.estates}>{(e) => <option value={e.id}>{e.name}</option>}</For>
      </select>
      <select
        aria-label={t("status")}
        value={f.status()}
        onChange={(e) => f.setStatus(e.currentTarget.value)}
        data-testid="staff-filter-status"
      >
        <option value="active">{t("activeOnly")}</option>
        <option value="inactive">{t("inactiveOnly")}</option>
        <option value="">{t("anyStatus")}</option>
      </select>
      <span class="spacer" />
      <button type="button" class="primary" onClick={props.onNew} disabled={props.creating} data-testid="staff-new">
        {t("newStaff")}
      </button>
    </div>
  );
}

/** A temporary password, shown this once until dismissed. */
export function TemporaryPassword(props: { secret: { name: string; password: string } | null; dismiss: () => void }) {
  return (
    <Show when={props.secret}>
      {(s) => (
        <div class="secret" role="status" data-testid="temporary-password">
          <p>{t("temporaryFor", { name: s().name })}</p>
          <code>{s().password}</code>
          <div class="actions">
            <button type="button" onClick={props.dismiss}>
              {t("dismiss")}
            </button>
          </div>
        </div>
      )}
    </Show>
  );
}
