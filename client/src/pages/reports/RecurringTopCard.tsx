import type { ChartConfiguration, TooltipItem } from "chart.js";
import { ChartCard } from "../../components/chart/ChartCard.tsx";
import { recurringProblemsQuery, type RecurringProblem } from "../../graphql/reports.ts";
import { formatDate, formatNumber, translator } from "../../i18n/locale.ts";
import { navigate } from "../../router/router.tsx";
import { COLORS } from "./rate-chart.ts";
import { estateFilter, type ReportScope } from "./report-params.ts";
import { createGql } from "./use-gql.ts";

const t = translator({
  title: ["重复投诉 Top 10（地点 × 类别）", "Top 10 recurring problems (place × category)"],
  complaints: ["涉及投诉", "Complaints involved"],
  repeats: ["本期重复", "Repeats in the period"],
  place: ["地点 × 类别", "Place × category"],
  first: ["首次", "First"],
  last: ["最近", "Latest"],
  rows: ["明细", "Rows"],
  open: ["查看", "Open"],
  empty: ["本期没有重复投诉", "No recurring problems in this period"],
});

const TOP = 10;

/** "LX-1-1-801 · 门窗" or "丽轩花园 3栋电梯 · 电梯" (REC-2: a household, or an estate and a public location). */
export function problemPlace(p: RecurringProblem): string {
  const place = p.household ? p.household.code : `${p.estate.name} ${p.location ?? ""}`;
  return `${place} · ${p.category.name}`;
}

/** The complaints behind one recurring problem (the drill-down finds it again by estate, category and place). */
export function problemHref(p: RecurringProblem, scope: { from: string; to: string }): string {
  const q = new URLSearchParams({ source: "recurring", from: scope.from, to: scope.to, estate: p.estate.id, category: p.category.id });
  if (p.household) q.set("household", p.household.id);
  else q.set("location", p.normalizedLocation ?? "");
  return `/reports/rows?${q}`;
}

const short = (s: string) => (s.length > 26 ? `${s.slice(0, 25)}…` : s);

/** REC-2: the places × categories with the most repeated complaints in the period. */
export function RecurringTopCard(props: { scope: ReportScope }) {
  const estates = () => estateFilter(props.scope) ?? [];
  const q = createGql<Record<string, { edges: { node: RecurringProblem }[] }>, Record<string, unknown>>(() => ({
    query: recurringProblemsQuery(estates().length, TOP),
    variables: { from: props.scope.from, to: props.scope.to, ...Object.fromEntries(estates().map((id, i) => [`e${i}`, id])) },
  }));
  const top = () =>
    Object.values(q.data() ?? {})
      .flatMap((c) => c.edges.map((e) => e.node))
      .sort(
        (a, b) => b.complaintCount - a.complaintCount || b.repeatCount - a.repeatCount || b.lastReceivedAt.localeCompare(a.lastReceivedAt),
      )
      .slice(0, TOP);
  const config = () => recurringChart(top());
  return (
    <ChartCard
      title={t("title")}
      fileName={`recurring-problems-${props.scope.period.key}`}
      data-testid="chart-recurring-top"
      loading={q.loading()}
      error={q.error()}
      retry={q.retry}
      empty={!q.loading() && top().length === 0}
      emptyText={t("empty")}
      height="360px"
      config={config}
      table={() => ({
        headers: [t("place"), t("complaints"), t("repeats"), t("first"), t("last"), t("rows")],
        rows: top().map((p) => [
          problemPlace(p),
          formatNumber(p.complaintCount),
          formatNumber(p.repeatCount),
          formatDate(p.firstReceivedAt),
          formatDate(p.lastReceivedAt),
          { text: t("open"), href: problemHref(p, props.scope) },
        ]),
      })}
      onPick={(pick) => {
        const p = top()[pick.index];
        if (p) navigate(problemHref(p, props.scope));
      }}
    />
  );
}

/** Horizontal bars per place: the complaints involved and the repeats; the tooltip names the whole place. */
function recurringChart(problems: RecurringProblem[]): ChartConfiguration<"bar"> {
  return {
    type: "bar",
    data: {
      labels: problems.map((p) => short(problemPlace(p))),
      datasets: [
        {
          label: t("complaints"),
          data: problems.map((p) => p.complaintCount),
          backgroundColor: `${COLORS.none}cc`,
          borderColor: COLORS.none,
          borderWidth: 1,
          maxBarThickness: 22,
        },
        {
          label: t("repeats"),
          data: problems.map((p) => p.repeatCount),
          backgroundColor: `${COLORS.missed}aa`,
          borderColor: COLORS.missed,
          borderWidth: 1,
          maxBarThickness: 22,
        },
      ],
    },
    options: {
      indexAxis: "y",
      interaction: { mode: "index", intersect: false, axis: "y" },
      animation: { duration: 300 },
      scales: { x: { beginAtZero: true, ticks: { precision: 0 } }, y: { ticks: { autoSkip: false } } },
      plugins: {
        legend: { position: "bottom" },
        tooltip: { callbacks: { title: (items: TooltipItem<"bar">[]) => problemPlace(problems[items[0]?.dataIndex ?? 0]!) } },
      },
    },
  };
}
