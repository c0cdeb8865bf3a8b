import { createQuery } from "@urql/solid";
import type { GridApi } from "ag-grid-community";
import { createMemo, createSignal, For, Match, Show, Switch } from "solid-js";
import { ExportButtons } from "../../components/export-buttons/ExportButtons.tsx";
import { Empty, ErrorBox, Loading } from "../../components/States.tsx";
import { SurveyCampaignsQuery, type SurveyCampaign } from "../../graphql/surveys.ts";
import { setSearchParams } from "../../router/router.tsx";
import { useSession } from "../../session/session.tsx";
import type { SurveyLine } from "./answers.ts";
import { type EntryFilters, readFilters, SHOWS } from "./filters.ts";
import { SurveyGrid } from "./SurveyGrid.tsx";
import { statusLabel, t } from "./text.ts";

const SHOW_TEXT = { pending: "pending", entered: "entered", all: "all" } as const;

/**
 * SUR-3, SUR-6: staff type the returned paper questionnaires of a campaign into a grid, one row
 * per questionnaire and one column per question of the campaign's (frozen) questionnaire.
 */
export default function SurveyEntryPage(_props: { params: Record<string, string> }) {
  const session = useSession();
  const [campaigns, reload] = createQuery({ query: SurveyCampaignsQuery });
  const filters = createMemo(readFilters, undefined, { equals: (a, b) => JSON.stringify(a) === JSON.stringify(b) });
  const list = () => campaigns.data?.surveyCampaigns.edges.map((e) => e.node) ?? [];
  // The campaign named in the address, else the running one (the newest first).
  const campaign = createMemo(
    () => list().find((c) => c.id === filters().campaignId) ?? list().find((c) => c.status === "RUNNING") ?? list()[0],
  );
  const [api, setApi] = createSignal<GridApi<SurveyLine>>();

  return (
    <section>
      <h1>{t("title")}</h1>
      <Switch>
        <Match when={campaigns.error}>
          <ErrorBox error={campaigns.error} retry={() => reload({ requestPolicy: "network-only" })} />
        </Match>
        <Match when={!campaigns.data}>
          <Loading />
        </Match>
        <Match when={!campaign()}>
          <Empty>{t("noCampaigns")}</Empty>
        </Match>
        <Match when={campaign()}>
          {(c) => (
            <>
              <EntryToolbar campaigns={list()} campaign={c()} filters={filters()} api={api} />
              <p class="muted" data-testid="questionnaire">
                {t("questionnaire", {
                  title: c().questionnaire.title,
                  code: c().questionnaire.code,
                  revision: c().questionnaire.revision,
                  n: c().questionnaire.dimensions.length,
                })}
                {" · "}
                {t("campaignStatus", { status: statusLabel(c().status) })}
              </p>
              <p class="muted" data-testid="entry-help">
                {session.can("complaints:write") ? t("howTo") : t("readOnly")}
              </p>
              <Show when={c().id} keyed>
                <SurveyGrid campaign={c()} filters={filters()} canWrite={session.can("complaints:write")} onApi={setApi} />
              </Show>
            </>
          )}
        </Match>
      </Switch>
    </section>
  );
}

/** The campaign and estate chosen, which questionnaires are shown, the search, and the export. */
function EntryToolbar(props: {
  campaigns: SurveyCampaign[];
  campaign: SurveyCampaign;
  filters: EntryFilters;
  api: () => GridApi<SurveyLine> | undefined;
}) {
  return (
    <div class="toolbar" data-testid="entry-filters">
      <label>
        {t("campaign")}{" "}
        <select data-testid="campaign" onChange={(e) => setSearchParams({ campaign: e.currentTarget.value, estate: null })}>
          <For each={props.campaigns}>
            {(x) => <option value={x.id} selected={x.id === props.campaign.id}>{`${x.code} ${x.name} · ${statusLabel(x.status)}`}</option>}
          </For>
        </select>
      </label>
      <label>
        {t("estate")}{" "}
        <select data-testid="estate" onChange={(e) => setSearchParams({ estate: e.currentTarget.value })}>
          <option value="">{t("allEstates")}</option>
          <For each={props.campaign.estates}>
            {(e) => (
              <option value={e.estate.id} selected={e.estate.id === props.filters.estateId}>
                {e.estate.name}
              </option>
            )}
          </For>
        </select>
      </label>
      <fieldset aria-label={t("show")} style={{ display: "inline-flex", gap: "4px" }}>
        <For each={SHOWS}>
          {(s) => (
            <button
              type="button"
              classList={{ primary: props.filters.show === s }}
              aria-pressed={props.filters.show === s}
              data-testid={`show-${s}`}
              onClick={() => setSearchParams({ show: s })}
            >
              {t(SHOW_TEXT[s])}
            </button>
          )}
        </For>
      </fieldset>
      <input
        type="search"
        placeholder={t("search")}
        aria-label={t("search")}
        value={props.filters.search}
        data-testid="search"
        onInput={(e) => setSearchParams({ q: e.currentTarget.value })}
      />
      <span class="spacer" />
      <ExportButtons api={props.api} name={() => `survey-${props.campaign.code}-${props.filters.show}`} />
    </div>
  );
}
