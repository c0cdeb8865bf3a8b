import { createQuery } from "@urql/solid";
import { createMemo, Match, Switch } from "solid-js";
import { ReportScopeQuery } from "../../graphql/reports.ts";
import { translator } from "../../i18n/locale.ts";
import { ErrorBox, Loading } from "../../components/States.tsx";
import { ReportCharts } from "./ReportCharts.tsx";
import { EstatePicker } from "./EstatePicker.tsx";
import { PeriodPicker } from "./PeriodPicker.tsx";
import { periodLabel } from "./period.ts";
import { readScope, setEstates, setPeriod } from "./report-params.ts";
import "./reports.css";

const t = translator({
  title: ["报表", "Reports"],
  hint: ["点击柱形或数据点查看其背后的明细。", "Click a bar or a point to see the rows behind it."],
});

/** SPEC §11-§12 figures of a period and estates as charts that drill down into their rows. */
export default function ReportsPage(_props: { params: Record<string, string> }) {
  const [scopeQuery, reload] = createQuery({ query: ReportScopeQuery });
  const timeZone = () => scopeQuery.data?.organization.timezone;
  const scope = createMemo(() => (timeZone() ? readScope(timeZone()!) : undefined));
  return (
    <section class="reports" data-testid="reports-page">
      <div class="report-head">
        <h1>{t("title")}</h1>
        <span class="muted" data-testid="report-period">
          {scope() ? periodLabel(scope()!.period) : ""}
        </span>
      </div>
      <Switch>
        <Match when={scopeQuery.error}>
          <ErrorBox error={scopeQuery.error} retry={() => reload({ requestPolicy: "network-only" })} />
        </Match>
        <Match when={!scope()}>
          <Loading />
        </Match>
        <Match when={scope()}>
          <div class="toolbar report-toolbar">
            <PeriodPicker period={scope()!.period} timeZone={scope()!.timeZone} onChange={setPeriod} />
            <EstatePicker estates={scopeQuery.data!.estates.edges.map((e) => e.node)} selected={scope()!.estateIds} onChange={setEstates} />
            <span class="spacer" />
            <span class="muted">{t("hint")}</span>
          </div>
          <ReportCharts scope={scope()!} />
        </Match>
      </Switch>
    </section>
  );
}
