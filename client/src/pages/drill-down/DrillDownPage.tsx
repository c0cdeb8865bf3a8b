import { createMemo, Match, Switch } from "solid-js";
import { translator } from "../../i18n/locale.ts";
import { Link, searchParams } from "../../router/router.tsx";
import { Empty } from "../../components/States.tsx";
import { parseDrill } from "../reports/figures.ts";
import { FigureRows } from "./FigureRows.tsx";
import { RecurringRows, type RecurringKey } from "./RecurringRows.tsx";
import "../reports/reports.css";

const t = translator({
  back: ["← 返回", "← Back"],
  reports: ["报表", "Reports"],
  none: ["没有指定要查看的指标。请从报表中点击一个柱形或数据点。", "No figure chosen. Click a bar or a point in a report."],
});

function recurringKey(q: URLSearchParams): RecurringKey | null {
  const [from, to, estate, category] = ["from", "to", "estate", "category"].map((k) => q.get(k));
  if (q.get("source") !== "recurring" || !from || !to || !estate || !category) return null;
  return { from, to, estate, category, household: q.get("household"), location: q.get("location") };
}

/** SPEC §11 drill-down: the rows behind a figure of a report, in a read-only grid with export. */
export default function DrillDownPage(_props: { params: Record<string, string> }) {
  const drill = createMemo(() => parseDrill(searchParams()), undefined, { equals: (a, b) => JSON.stringify(a) === JSON.stringify(b) });
  const recurring = createMemo(() => recurringKey(searchParams()), undefined, {
    equals: (a, b) => JSON.stringify(a) === JSON.stringify(b),
  });
  return (
    <section class="drill-down" data-testid="drill-down-page">
      <p class="crumbs">
        <button type="button" class="link" onClick={() => (history.length > 1 ? history.back() : undefined)}>
          {t("back")}
        </button>
        <Link href="/reports">{t("reports")}</Link>
      </p>
      <Switch fallback={<Empty>{t("none")}</Empty>}>
        <Match when={recurring()}>{(k) => <RecurringRows problem={k()} />}</Match>
        <Match when={drill()}>{(d) => <FigureRows drill={d()} side={d().side} />}</Match>
      </Switch>
    </section>
  );
}
