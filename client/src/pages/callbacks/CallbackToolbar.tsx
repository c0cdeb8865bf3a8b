import { createQuery } from "@urql/solid";
import { For, type JSX } from "solid-js";
import { EstateOptionsQuery } from "../../graphql/complaints.ts";
import { setSearchParams } from "../../router/router.tsx";
import { VIEWS, type CallbackFilters } from "./filters.ts";
import { t } from "./text.ts";

const VIEW_TEXT = { due: "viewDue", overdue: "viewOverdue", done: "viewDone" } as const;

/** The ledger's filters (view, estate, month), written to the address; `children` sit at the right end. */
export function CallbackToolbar(props: { filters: CallbackFilters; children?: JSX.Element }) {
  const [estates] = createQuery({ query: EstateOptionsQuery });
  return (
    <div class="toolbar" data-testid="callback-filters">
      <fieldset aria-label={t("view")} style={{ display: "inline-flex", gap: "4px" }}>
        <For each={VIEWS}>
          {(v) => (
            <button
              type="button"
              classList={{ primary: props.filters.view === v }}
              aria-pressed={props.filters.view === v}
              data-testid={`view-${v}`}
              onClick={() => setSearchParams({ view: v })}
            >
              {t(VIEW_TEXT[v])}
            </button>
          )}
        </For>
      </fieldset>
      <label>
        {t("estate")}{" "}
        <select value={props.filters.estateId} data-testid="estate" onChange={(e) => setSearchParams({ estate: e.currentTarget.value })}>
          <option value="">{t("allEstates")}</option>
          <For each={estates.data?.estates.edges ?? []}>
            {(e) => (
              <option value={e.node.id} selected={e.node.id === props.filters.estateId}>
                {e.node.name}
              </option>
            )}
          </For>
        </select>
      </label>
      <label title={t("monthHint")}>
        {t("month")}{" "}
        <input
          type="month"
          value={props.filters.month}
          data-testid="month"
          onChange={(e) => e.currentTarget.value && setSearchParams({ month: e.currentTarget.value })}
        />
      </label>
      <input
        type="search"
        placeholder={t("search")}
        aria-label={t("search")}
        value={props.filters.search}
        data-testid="search"
        onInput={(e) => setSearchParams({ q: e.currentTarget.value })}
      />
      <span class="spacer" />
      {props.children}
    </div>
  );
}
