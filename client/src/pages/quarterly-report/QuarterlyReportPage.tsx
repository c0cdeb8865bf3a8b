import { createQuery } from "@urql/solid";
import { createMemo, Match, Show, Switch } from "solid-js";
import { QuarterlyReportQuery, ReportScopeQuery } from "../../graphql/reports.ts";
import { translator } from "../../i18n/locale.ts";
import { Empty, ErrorBox, Loading } from "../../components/States.tsx";
import { EstatePicker } from "../reports/EstatePicker.tsx";
import { PeriodPicker } from "../reports/PeriodPicker.tsx";
import { formatRange, periodLabel } from "../reports/period.ts";
import { estateFilter, readScope, setEstates, setPeriod } from "../reports/report-params.ts";
import { HeadlineFigures } from "./HeadlineFigures.tsx";
import { DimensionSection, EstateSection, MatrixSection } from "./QuarterlySections.tsx";
import "../reports/reports.css";
import "./quarterly.css";

const t = translator({
  title: ["季度满意度报告", "Quarterly satisfaction report"],
  print: ["打印", "Print"],
  estates: ["项目", "Estates"],
  all: ["全部项目", "All estates"],
  empty: ["所选项目本季度没有数据", "The chosen estates have no figures this quarter"],
  about: [
    "每个指标均显示分子/分母，并按本季度初生效的目标判断是否达标；点击比率查看明细。",
    "Every figure shows its numerator / denominator and is judged by the target in force when the quarter began; click a rate for its rows.",
  ],
});

/** §12 quarterly satisfaction report: choose a quarter and estates, read it, print it, export it. */
export default function QuarterlyReportPage(_props: { params: Record<string, string> }) {
  const [scopeQuery, reloadScope] = createQuery({ query: ReportScopeQuery });
  const timeZone = () => scopeQuery.data?.organization.timezone;
  const scope = createMemo(() => (timeZone() ? readScope(timeZone()!, "QUARTER") : undefined));
  const estates = () => scopeQuery.data?.estates.edges.map((e) => e.node) ?? [];
  const [report, reload] = createQuery({
    query: QuarterlyReportQuery,
    variables: () => ({ quarter: scope()?.period.key ?? "", estateIds: scope() ? estateFilter(scope()!) : null }),
    pause: () => !scope(),
  });
  const chosen = () => {
    const ids = scope()?.estateIds ?? [];
    return ids.length
      ? estates()
          .filter((e) => ids.includes(e.id))
          .map((e) => e.name)
          .join("、")
      : t("all");
  };
  const data = () => report.data?.quarterlySatisfactionReport;
  return (
    <section class="quarterly" data-testid="quarterly-page">
      <Switch>
        <Match when={scopeQuery.error}>
          <ErrorBox error={scopeQuery.error} retry={() => reloadScope({ requestPolicy: "network-only" })} />
        </Match>
        <Match when={!scope()}>
          <Loading />
        </Match>
        <Match when={scope()}>
          <header class="report-title">
            <h1 data-testid="quarterly-title">
              {t("title")} · {periodLabel(scope()!.period)}
            </h1>
            <p class="muted">
              {t("estates")}: <span data-testid="quarterly-estates">{chosen()}</span> ·{" "}
              {formatRange(scope()!.from, scope()!.to, scope()!.timeZone)}
            </p>
          </header>
          <div class="toolbar report-toolbar no-print">
            <PeriodPicker period={scope()!.period} timeZone={scope()!.timeZone} kinds={["QUARTER"]} onChange={setPeriod} />
            <EstatePicker estates={estates()} selected={scope()!.estateIds} onChange={setEstates} />
            <span class="spacer" />
            <button type="button" data-testid="print" onClick={() => window.print()}>
              {t("print")}
            </button>
          </div>
          <p class="muted about">{t("about")}</p>
          <Switch>
            <Match when={report.error}>
              <ErrorBox error={report.error} retry={() => reload({ requestPolicy: "network-only" })} />
            </Match>
            <Match when={report.fetching || !data()}>
              <Loading />
            </Match>
            <Match when={data()!.totals.slices.every((s) => s.figures.every((f) => f.denominator === 0))}>
              <Empty>{t("empty")}</Empty>
            </Match>
            <Match when={data()}>
              <div aria-busy={report.fetching ? "true" : "false"} data-testid="quarterly-report" data-label={data()!.label}>
                <HeadlineFigures totals={data()!.totals} />
                <DimensionSection report={data()!} />
                <Show when={data()!.byEstate.slices.length > 0}>
                  <EstateSection report={data()!} />
                  <MatrixSection report={data()!} />
                </Show>
              </div>
            </Match>
          </Switch>
        </Match>
      </Switch>
    </section>
  );
}
