import type { ChartConfiguration, LegendItem, TooltipItem } from "chart.js";
import { formatPercent, translator } from "../../i18n/locale.ts";
import type { Figure } from "../../graphql/reports.ts";
import { fraction, targetText, verdict } from "./figures.ts";

const t = translator({
  target: ["目标", "Target"],
  met: ["达标", "Met"],
  missed: ["未达标", "Missed"],
  score: ["得分 {v}", "Score {v}"],
});

export const COLORS = { met: "#2e7d32", missed: "#c62828", none: "#1f6feb", target: "#b26a00", grid: "#eef1f5" };

/** One bar or point: its category label and its figure (null: no figure in that category). */
export interface RatePoint {
  label: string;
  figure: Figure | null;
}

const colorOf = (f: Figure | null) => (f?.met === true ? COLORS.met : f?.met === false ? COLORS.missed : COLORS.none);
const pct = (v: number | null | undefined) => (v == null ? null : Math.round(v * 10000) / 100);

/** Met / missed / target when a target is in force, else the one series. */
function legendItems(hasTarget: boolean, series: string): LegendItem[] {
  return hasTarget
    ? [
        { text: t("met"), fillStyle: COLORS.met, strokeStyle: COLORS.met, lineWidth: 0, pointStyle: "rect" },
        { text: t("missed"), fillStyle: COLORS.missed, strokeStyle: COLORS.missed, lineWidth: 0, pointStyle: "rect" },
        { text: t("target"), fillStyle: COLORS.target, strokeStyle: COLORS.target, lineWidth: 3, pointStyle: "line" },
      ]
    : [{ text: series, fillStyle: COLORS.none, strokeStyle: COLORS.none, lineWidth: 0, pointStyle: "rect" }];
}

/** The target in force as a dashed line across (`uniform`) or as a dash on each bar. */
function targetDataset(figures: (Figure | null)[], uniform: boolean) {
  return {
    type: "line" as const,
    label: t("target"),
    data: figures.map((f) => pct(f?.target)),
    borderColor: COLORS.target,
    backgroundColor: COLORS.target,
    borderDash: [6, 4],
    borderWidth: uniform ? 2 : 3,
    showLine: uniform,
    pointStyle: "line" as const,
    pointRadius: uniform ? 0 : 24,
    pointHoverRadius: uniform ? 0 : 24,
    pointHitRadius: 0,
    pointBorderWidth: 3,
    pointBorderColor: COLORS.target,
    spanGaps: true,
    order: 0,
  };
}

/**
 * SPEC §11 rates as bars (or a line over time) in percent, each coloured by met/missed, with the
 * target in force as a dashed line and the numerator / denominator in the tooltip. Dataset 0 is
 * always the figures (what a click drills into).
 */
export function rateChart(
  points: RatePoint[],
  options: { type?: "bar" | "line"; series: string; horizontal?: boolean; scale?: "percent" | "auto" },
): ChartConfiguration<"bar" | "line"> {
  const type = options.type ?? "bar";
  const figures = points.map((p) => p.figure);
  const hasTarget = figures.some((f) => f?.target != null);
  // One target for every bar: a line across; targets that differ (or are missing) per bar: a dash on each bar.
  const targets = figures.map((f) => f?.target ?? null);
  const uniform = type === "line" || (targets.every((v) => v != null) && new Set(targets).size === 1);
  const colors = figures.map(colorOf);
  const legend = legendItems(hasTarget, options.series);
  const valueAxis = options.horizontal ? "x" : "y";
  return {
    type,
    data: {
      labels: points.map((p) => p.label),
      datasets: [
        {
          type,
          label: options.series,
          data: figures.map((f) => pct(f?.rate)),
          backgroundColor: type === "bar" ? colors.map((c) => `${c}cc`) : COLORS.none,
          borderColor: type === "bar" ? colors : COLORS.none,
          pointBackgroundColor: colors,
          pointBorderColor: colors,
          pointRadius: 5,
          pointHoverRadius: 7,
          borderWidth: type === "bar" ? 1 : 2,
          spanGaps: true,
          maxBarThickness: 56,
          order: 1,
        },
        ...(hasTarget ? [targetDataset(figures, uniform)] : []),
      ],
    },
    options: {
      indexAxis: options.horizontal ? "y" : "x",
      interaction: { mode: "index", intersect: false, axis: options.horizontal ? "y" : "x" },
      animation: { duration: 300 },
      scales: {
        [valueAxis]: {
          min: 0,
          ...(options.scale === "auto" ? { grace: "10%" } : { max: 100 }),
          ticks: { callback: (v: number | string) => `${v}%` },
          grid: { color: COLORS.grid },
        },
        [valueAxis === "x" ? "y" : "x"]: { ticks: { autoSkip: false, maxRotation: 45 }, grid: { display: false } },
      },
      plugins: {
        legend: {
          position: "bottom",
          onClick: () => {},
          labels: { usePointStyle: true, pointStyleWidth: 28, generateLabels: () => legend },
        },
        tooltip: {
          callbacks: {
            label: (item: TooltipItem<"bar" | "line">) => {
              const f = figures[item.dataIndex];
              if (!f) return "";
              if (item.datasetIndex === 1) return `${t("target")} ${targetText(f)}`;
              const score = f.score != null ? ` · ${t("score", { v: f.score.toFixed(1) })}` : "";
              return `${options.series}: ${formatPercent(f.rate)} (${fraction(f)})${score}`;
            },
            afterBody: (items: TooltipItem<"bar" | "line">[]) => {
              const f = figures[items[0]?.dataIndex ?? -1];
              return f && f.target != null ? verdict(f).text : "";
            },
          },
        },
      },
    },
  } as ChartConfiguration<"bar" | "line">;
}
