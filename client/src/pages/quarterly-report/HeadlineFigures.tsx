import { For, Show } from "solid-js";
import type { Figure, Metrics } from "../../graphql/reports.ts";
import { formatPercent, translator } from "../../i18n/locale.ts";
import { Link } from "../../router/router.tsx";
import { figureHref, fraction, targetText, verdict } from "../reports/figures.ts";
import { figureName, metricRule } from "../reports/labels.ts";

const t = translator({
  target: ["目标 {v}", "Target {v}"],
  noTarget: ["无目标", "No target"],
  rows: ["明细", "Rows"],
  score: ["得分 {v}", "Score {v}"],
  overall: ["总体满意率", "Overall satisfaction"],
});

/** The report's headline: overall satisfaction first, then every other one-figure metric of the totals. */
export function headlineFigures(totals: Metrics): Figure[] {
  const figures = totals.slices[0]?.figures ?? [];
  return [
    ...figures.filter((f) => f.metric === "SATISFACTION" && f.part === "overall"),
    ...figures.filter((f) => f.metric !== "SATISFACTION" && f.part == null),
  ];
}

/** Headline figures as cards: rate, numerator / denominator, target and met/missed, each linking to its rows. */
export function HeadlineFigures(props: { totals: Metrics }) {
  return (
    <div class="stats headline" data-testid="headline">
      <For each={headlineFigures(props.totals)}>
        {(f) => (
          <div
            class="card stat headline-figure"
            data-testid={`headline-${f.metric}`}
            data-numerator={f.numerator}
            data-denominator={f.denominator}
          >
            <span class="muted">
              {f.metric === "SATISFACTION" ? t("overall") : figureName(f)} <span class="rule">{metricRule(f.metric)}</span>
            </span>
            <strong>{formatPercent(f.rate)}</strong>
            <span class="fraction">
              {fraction(f)}
              <Show when={f.score != null}> · {t("score", { v: f.score!.toFixed(1) })}</Show>
            </span>
            <span>
              <span class="muted">{f.target != null ? t("target", { v: targetText(f) }) : t("noTarget")}</span>{" "}
              <Show when={f.target != null}>
                <span class={`badge ${verdict(f).cls}`} data-testid="verdict">
                  {verdict(f).text}
                </span>
              </Show>
            </span>
            <Link href={figureHref(f)} class="no-print">
              {t("rows")} →
            </Link>
          </div>
        )}
      </For>
    </div>
  );
}
