import { createQuery } from "@urql/solid";
import { Show } from "solid-js";
import { formatNumber, translator } from "../../i18n/locale.ts";
import { Link } from "../../router/router.tsx";
import { useSession } from "../../session/session.tsx";
import { ErrorBox, Loading } from "../../components/States.tsx";
import { dayStart } from "../../components/interchange/period.ts";
import { nowMs } from "../../clock.ts";
import { graphql, type VariablesOf } from "../../graphql/graphql.ts";

/** YYYY-MM-DD of an instant in the user's calendar (the ledger's `from` filter is a local day). */
function localDate(at: Date): string {
  return `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, "0")}-${String(at.getDate()).padStart(2, "0")}`;
}

const t = translator({
  title: ["工作台", "Workbench"],
  open: ["未办结投诉", "Open complaints"],
  overdue: ["已超时", "Overdue"],
  escalated: ["已升级", "Escalated"],
  registered: ["待分类", "Awaiting classification"],
  week: ["近7天收到", "Received in the last 7 days"],
  reports: ["查看报表", "Open the reports"],
  quarterly: ["编制季度满意度报告", "Build the quarterly satisfaction report"],
});

const OPEN: VariablesOf<typeof CountsQuery>["open"] = [
  "REGISTERED",
  "CLASSIFIED",
  "ASSIGNED",
  "PLANNED",
  "IN_PROGRESS",
  "FORWARDED_TO_DEVELOPER",
  "REOPENED",
];

const CountsQuery = graphql(`
  query WorkbenchCounts($open: [ComplaintStatus!], $weekFrom: DateTime!) {
    open: complaints(first: 0, filter: { status: $open }) { totalCount }
    overdue: complaints(first: 0, filter: { status: $open, overdue: true }) { totalCount }
    escalated: complaints(first: 0, filter: { status: $open, escalated: true }) { totalCount }
    registered: complaints(first: 0, filter: { status: [REGISTERED] }) { totalCount }
    week: complaints(first: 0, filter: { receivedFrom: $weekFrom }) { totalCount }
  }
`);

/** The landing page: what is open and late in the caller's scope, each count a link to its rows. */
export default function HomePage() {
  const session = useSession();
  // The last seven days including today, on the server's clock, from the local midnight six days ago.
  const weekFrom = localDate(new Date(nowMs() - 6 * 86_400_000));
  const [counts, reload] = createQuery({
    query: CountsQuery,
    variables: { open: OPEN, weekFrom: dayStart(weekFrom)! },
    pause: () => !session.can("complaints:read"),
  });
  const card = (key: "open" | "overdue" | "escalated" | "registered" | "week", href: string) => (
    <Link href={href} class={`card stat ${key}`} data-testid={`stat-${key}`}>
      <span class="muted">{t(key)}</span>
      <strong>{formatNumber(counts.data?.[key].totalCount ?? 0)}</strong>
    </Link>
  );
  return (
    <section>
      <h1>{t("title")}</h1>
      <Show when={session.can("complaints:read")}>
        <Show when={!counts.error} fallback={<ErrorBox error={counts.error} retry={() => reload({ requestPolicy: "network-only" })} />}>
          <Show when={counts.data} fallback={<Loading />}>
            <div class="stats">
              {card("open", "/complaints?status=open")}
              {card("overdue", "/complaints?status=open&overdue=1")}
              {card("escalated", "/complaints?status=open&escalated=1")}
              {card("registered", "/complaints?status=REGISTERED")}
              {card("week", `/complaints?from=${weekFrom}`)}
            </div>
          </Show>
        </Show>
      </Show>
      <Show when={session.can("reports:read")}>
        <p>
          <Link href="/reports">{t("reports")}</Link> · <Link href="/reports/quarterly">{t("quarterly")}</Link>
        </p>
      </Show>
    </section>
  );
}
