import { formatNumber, formatPercent, translator } from "../../i18n/locale.ts";
import type { ChartTable } from "../../components/chart/ChartCard.tsx";
import { navigate } from "../../router/router.tsx";
import { figureHref, targetText, verdict } from "./figures.ts";
import type { RatePoint } from "./rate-chart.ts";

const t = translator({
  rate: ["比率", "Rate"],
  numerator: ["分子", "Numerator"],
  denominator: ["分母", "Denominator"],
  target: ["目标", "Target"],
  verdict: ["结果", "Result"],
  rows: ["明细", "Rows"],
  open: ["查看", "Open"],
});

/** The figures of a rate chart as a table: numbers an analyst can copy, and a link to each figure's rows. */
export function rateTable(points: RatePoint[], category: string): ChartTable {
  return {
    headers: [category, t("rate"), t("numerator"), t("denominator"), t("target"), t("verdict"), t("rows")],
    rows: points.map(({ label, figure: f }) =>
      f
        ? [
            label,
            formatPercent(f.rate),
            formatNumber(f.numerator),
            formatNumber(f.denominator),
            targetText(f),
            f.target != null ? verdict(f).text : "",
            { text: t("open"), href: figureHref(f) },
          ]
        : [label, "—", "", "", "", "", ""],
    ),
  };
}

/** A chart's click handler: open the rows behind the figure clicked (none for a category without answers). */
export function drillOnPick(points: () => RatePoint[]): (pick: { index: number }) => void {
  return (pick) => {
    const f = points()[pick.index]?.figure;
    if (f?.denominator) navigate(figureHref(f));
  };
}
