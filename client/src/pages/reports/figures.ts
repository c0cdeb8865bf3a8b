import { formatNumber, formatPercent, translator } from "../../i18n/locale.ts";
import type { DrillDown, Figure, MetricKind, SliceBy } from "../../graphql/reports.ts";

const t = translator({
  met: ["达标", "Met"],
  missed: ["未达标", "Missed"],
  noTarget: ["无目标", "No target"],
  atLeast: ["≥ {v}", "≥ {v}"],
  atMost: ["≤ {v}", "≤ {v}"],
});

/** "41 / 52" — SPEC §11: every figure shows its numerator and denominator. */
export function fraction(f: Pick<Figure, "numerator" | "denominator">): string {
  return `${formatNumber(f.numerator)} / ${formatNumber(f.denominator)}`;
}

export function rateText(f: Pick<Figure, "rate">): string {
  return formatPercent(f.rate);
}

/** "≥ 92.0%" (AT_LEAST) or "≤ 50.0%" (AT_MOST); "" without a target. */
export function targetText(f: Pick<Figure, "target" | "direction">): string {
  if (f.target == null) return "";
  return t(f.direction === "AT_MOST" ? "atMost" : "atLeast", { v: formatPercent(f.target) });
}

/** Met, missed, or no target (null met). */
export function verdict(f: Pick<Figure, "met">): { text: string; cls: "met" | "missed" | "" } {
  if (f.met === true) return { text: t("met"), cls: "met" };
  if (f.met === false) return { text: t("missed"), cls: "missed" };
  return { text: t("noTarget"), cls: "" };
}

export type RowsSide = "numerator" | "denominator";

/** The side a drill-down lists by default: the denominator (each row marked if it counts above), if it can be listed. */
export function defaultSide(f: Pick<Figure, "denominatorListable">): RowsSide {
  return f.denominatorListable ? "denominator" : "numerator";
}

/** /reports/rows?… : the rows behind a figure, under the figure's own filter (its drillDown). */
export function drillHref(d: DrillDown, side?: RowsSide): string {
  const q = new URLSearchParams({ metric: d.metric, from: d.from, to: d.to, sliceBy: d.sliceBy });
  if (d.part != null) q.set("part", d.part);
  if (d.sliceKey != null) q.set("sliceKey", d.sliceKey);
  if (d.estateIds?.length) q.set("estates", d.estateIds.join(","));
  if (side) q.set("rows", side);
  return `/reports/rows?${q}`;
}

export function figureHref(f: Figure): string {
  return drillHref(f.drillDown, defaultSide(f));
}

/** The drill-down a URL names (null when it names none). */
export function parseDrill(q: URLSearchParams): (DrillDown & { side: RowsSide | null }) | null {
  const metric = q.get("metric");
  const from = q.get("from");
  const to = q.get("to");
  if (!metric || !from || !to) return null;
  const side = q.get("rows");
  return {
    metric: metric as MetricKind,
    part: q.get("part"),
    from,
    to,
    sliceBy: (q.get("sliceBy") ?? "ORGANIZATION") as SliceBy,
    sliceKey: q.get("sliceKey"),
    estateIds: q.get("estates")?.split(",").filter(Boolean) ?? null,
    side: side === "numerator" || side === "denominator" ? side : null,
  };
}

/** The figure of a metric and part in a slice. */
export function findFigure(figures: Figure[], metric: MetricKind, part: string | null = null): Figure | undefined {
  return figures.find((f) => f.metric === metric && f.part === part);
}
