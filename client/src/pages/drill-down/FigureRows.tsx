import { createQuery, useClient } from "@urql/solid";
import { createResource, Match, Show, Switch } from "solid-js";
import { MetricsQuery, ReportScopeQuery, type DrillDown, type Figure } from "../../graphql/reports.ts";
import { formatNumber, translator } from "../../i18n/locale.ts";
import { navigate } from "../../router/router.tsx";
import { ErrorBox, Loading } from "../../components/States.tsx";
import { defaultSide, drillHref, fraction, rateText, targetText, verdict, type RowsSide } from "../reports/figures.ts";
import { figureName, metricRule } from "../reports/labels.ts";
import { formatRange } from "../reports/period.ts";
import { createGql } from "../reports/use-gql.ts";
import { loadFigureRows } from "./load-rows.ts";
import { rowColumns } from "./row-columns.ts";
import { RowsView } from "./RowsView.tsx";

const t = translator({
  slice: ["范围", "Slice"],
  period: ["期间", "Period"],
  numerator: ["分子行", "Numerator rows"],
  denominator: ["分母行", "Denominator rows"],
  notListable: ["分母为存档户数，不能逐行列出", "The denominator is a stored count and cannot be listed"],
  target: ["目标", "Target"],
  noFigure: ["所选范围内没有此指标", "This figure does not exist for the chosen slice"],
});

/** The rows behind one §11 figure: the figure itself (numerator / denominator, target) and its rows in a grid. */
export function FigureRows(props: { drill: DrillDown; side: RowsSide | null }) {
  const client = useClient();
  const [scope] = createQuery({ query: ReportScopeQuery });
  const figureQuery = createGql(() => ({
    query: MetricsQuery,
    variables: {
      input: {
        from: props.drill.from,
        to: props.drill.to,
        sliceBy: props.drill.sliceBy,
        estateIds: props.drill.estateIds,
        metrics: [props.drill.metric],
      },
    },
  }));
  const slice = () =>
    figureQuery
      .data()
      ?.metrics.slices.find((s) => s.key === props.drill.sliceKey || (props.drill.sliceBy === "ORGANIZATION" && s.key === "ALL"));
  const figure = (): Figure | undefined => slice()?.figures.find((f) => f.metric === props.drill.metric && f.part === props.drill.part);
  const side = (): RowsSide => props.side ?? (figure() ? defaultSide(figure()!) : "denominator");
  const [rows] = createResource(
    () => ({ ...props.drill, numeratorOnly: side() === "numerator" }),
    ({ metric, part, from, to, sliceBy, sliceKey, estateIds, numeratorOnly }) =>
      loadFigureRows(client, { metric, part, from, to, sliceBy, sliceKey, estateIds, numeratorOnly }),
  );
  const choose = (s: RowsSide) => navigate(drillHref(props.drill, s), { replace: true });
  return (
    <>
      <div class="card figure-summary" data-testid="figure-summary">
        <h1>
          {figureName({ metric: props.drill.metric, part: props.drill.part, partLabel: figure()?.partLabel ?? null })}{" "}
          <span class="muted rule">{metricRule(props.drill.metric)}</span>
        </h1>
        <Switch>
          <Match when={figureQuery.error()}>
            <ErrorBox error={figureQuery.error()} retry={figureQuery.retry} />
          </Match>
          <Match when={figureQuery.loading()}>
            <Loading />
          </Match>
          <Match when={!figure()}>
            <p class="muted">{t("noFigure")}</p>
          </Match>
          <Match when={figure()}>
            <FigureFacts figure={figure()!} sliceLabel={slice()!.label} drill={props.drill} timezone={scope.data?.organization.timezone} />
          </Match>
        </Switch>
        <SideTabs figure={figure()} side={side()} onChoose={choose} />
      </div>
      <Switch>
        <Match when={rows.error}>
          <ErrorBox error={rows.error as Error} />
        </Match>
        <Match when={rows.loading}>
          <Loading />
        </Match>
        <Match when={rows.state === "ready" && rows()}>
          {(r) => (
            <RowsView
              rows={r().rows}
              columns={rowColumns(r().connection)}
              stateKey={`drill-${r().connection}`}
              hiddenCount={r().hiddenCount}
              truncatedAt={r().truncated ? r().rows.length : undefined}
              fileName={`${props.drill.metric.toLowerCase()}-${side()}-${props.drill.part ?? "all"}`}
            />
          )}
        </Match>
      </Switch>
    </>
  );
}

/** The slice, the period, the rate with its fraction, and the target with the verdict. */
function FigureFacts(props: { figure: Figure; sliceLabel: string; drill: DrillDown; timezone: string | undefined }) {
  const figure = () => props.figure;
  return (
    <dl class="figure-facts">
      <div>
        <dt>{t("slice")}</dt>
        <dd data-testid="figure-slice">{props.sliceLabel}</dd>
      </div>
      <div>
        <dt>{t("period")}</dt>
        <dd data-testid="figure-period">{formatRange(props.drill.from, props.drill.to, props.timezone)}</dd>
      </div>
      <div>
        <dt>{figureName(figure()!)}</dt>
        <dd>
          <strong data-testid="figure-rate">{rateText(figure()!)}</strong> <span data-testid="figure-fraction">{fraction(figure()!)}</span>
        </dd>
      </div>
      <Show when={figure()!.target != null}>
        <div>
          <dt>{t("target")}</dt>
          <dd>
            {targetText(figure()!)} <span class={`badge ${verdict(figure()!).cls}`}>{verdict(figure()!).text}</span>
          </dd>
        </div>
      </Show>
    </dl>
  );
}

/** The denominator's and the numerator's rows, as tabs (a stored count cannot be listed). */
function SideTabs(props: { figure: Figure | undefined; side: RowsSide; onChoose: (s: RowsSide) => void }) {
  const figure = () => props.figure;
  const side = () => props.side;
  const choose = (s: RowsSide) => props.onChoose(s);
  return (
    <div class="side-tabs" role="tablist">
      <button
        type="button"
        role="tab"
        data-testid="side-denominator"
        aria-selected={side() === "denominator"}
        disabled={figure()?.denominatorListable === false}
        onClick={() => choose("denominator")}
      >
        {t("denominator")}
        {figure() ? ` (${formatNumber(figure()!.denominator)})` : ""}
      </button>
      <button
        type="button"
        role="tab"
        data-testid="side-numerator"
        aria-selected={side() === "numerator"}
        onClick={() => choose("numerator")}
      >
        {t("numerator")}
        {figure() ? ` (${formatNumber(figure()!.numerator)})` : ""}
      </button>
      <Show when={figure()?.denominatorListable === false}>
        <span class="muted">{t("notListable")}</span>
      </Show>
    </div>
  );
}
