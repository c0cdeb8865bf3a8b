import { nowMs } from "../../clock.ts";
import { createQuery } from "@urql/solid";
import { createEffect, createSignal, Match, on, Switch } from "solid-js";
import { ComplaintDetailQuery, type ComplaintDetail } from "../../graphql/complaint-detail.ts";
import { translator } from "../../i18n/locale.ts";
import { Link } from "../../router/router.tsx";
import { ErrorBox, Loading } from "../../components/States.tsx";
import { ActionBar } from "./ActionBar.tsx";
import { clockPaused } from "./actions.ts";
import { CaseRecords } from "./CaseRecords.tsx";
import { ComplaintHeader } from "./ComplaintHeader.tsx";
import { Deadlines } from "./Deadlines.tsx";
import { HandlingRecords } from "./HandlingRecords.tsx";
import { Timeline } from "./Timeline.tsx";
import "./complaint-detail.css";

const t = translator({
  back: ["← 投诉台账", "← Complaints"],
  notFound: ["投诉不存在，或不在您的查看范围内", "No such complaint, or it is outside your scope"],
});

/** /complaints/:id — one complaint (SPEC §3-§8): what was registered, its clocks, its history, and what may be done next. */
export default function ComplaintDetailPage(props: { params: Record<string, string> }) {
  const [result, reexecute] = createQuery({
    query: ComplaintDetailQuery,
    variables: () => ({ id: props.params.id ?? "" }),
    requestPolicy: "cache-and-network",
  });
  const [loadedAt, setLoadedAt] = createSignal(nowMs());
  createEffect(
    on(
      () => result.data,
      () => setLoadedAt(nowMs()),
    ),
  );
  const reload = () => reexecute({ requestPolicy: "network-only" });
  // The complaint of this URL only: never the previous one while the next loads.
  const complaint = (): ComplaintDetail | undefined => {
    const node = result.data?.node;
    return node?.__typename === "Complaint" && node.id === props.params.id ? node : undefined;
  };
  return (
    <section class="complaint-detail" data-testid="complaint-detail">
      <Link href="/complaints" class="small">
        {t("back")}
      </Link>
      <Switch>
        <Match when={complaint()}>
          {(c) => (
            <>
              <ComplaintHeader complaint={c()} />
              <ActionBar complaint={c()} onChanged={reload} />
              <div class="cd-body">
                <div class="cd-main">
                  <Deadlines
                    open={c().openDeadlines}
                    all={c().slaStages}
                    overdue={c().overdue}
                    paused={clockPaused(c())}
                    loadedAt={loadedAt()}
                  />
                  <HandlingRecords complaint={c()} />
                  <CaseRecords complaint={c()} />
                </div>
                <aside class="cd-side">
                  <Timeline complaintId={c().id} version={c().version} />
                </aside>
              </div>
            </>
          )}
        </Match>
        <Match when={result.error}>
          <ErrorBox error={result.error} retry={reload} />
        </Match>
        <Match when={result.fetching || !result.data}>
          <Loading />
        </Match>
        <Match when={true}>
          <p class="state error" role="alert" data-testid="complaint-not-found">
            {t("notFound")}
          </p>
        </Match>
      </Switch>
    </section>
  );
}
