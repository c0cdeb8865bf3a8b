import { useClient } from "@urql/solid";
import { createEffect, createSignal, For, on, Show } from "solid-js";
import { ComplaintTimelineQuery, type TimelineEvent } from "../../graphql/complaint-detail.ts";
import { label } from "../../i18n/labels.ts";
import { formatDateTime, translator } from "../../i18n/locale.ts";
import { Empty, ErrorBox, Loading } from "../../components/States.tsx";
import { detailLabel } from "./detail-labels.ts";

const t = translator({
  title: ["处理记录", "Timeline"],
  none: ["暂无记录", "No events yet"],
  older: ["加载更早的记录", "Load earlier events"],
  system: ["系统", "System"],
  notFound: ["投诉不存在或不在您的范围内", "No such complaint in your scope"],
});

const PAGE = 20;

/** SPEC §5: the append-only event log, newest first, paged backwards ("load earlier"). */
export function Timeline(props: { complaintId: string; version: number }) {
  const { events, total, older, loading, error, fetchPage } = createTimelinePages(props);
  return (
    <section class="card cd-section" data-testid="timeline">
      <h2>
        {t("title")}{" "}
        <span class="muted" data-testid="timeline-total" data-total={total()}>
          ({total()})
        </span>
      </h2>
      <Show when={error()}>
        <ErrorBox error={error()} retry={() => void fetchPage(Math.max(PAGE, events().length), null, true)} />
      </Show>
      <Show when={!loading() && !error() && events().length === 0}>
        <Empty>{t("none")}</Empty>
      </Show>
      <ol class="cd-timeline">
        <For each={events()}>{(e) => <TimelineEntry event={e} />}</For>
      </ol>
      <Show when={loading()}>
        <Loading />
      </Show>
      <Show when={older() && !loading()}>
        <button type="button" data-testid="timeline-more" onClick={() => void fetchPage(PAGE, older(), false)}>
          {t("older")}
        </button>
      </Show>
    </section>
  );
}

/** The pages of the timeline loaded so far, newest first; reloaded from the newest when the complaint's version changes. */
function createTimelinePages(props: { complaintId: string; version: number }) {
  const client = useClient();
  const [events, setEvents] = createSignal<TimelineEvent[]>([]);
  const [total, setTotal] = createSignal(0);
  const [older, setOlder] = createSignal<string | null>(null);
  const [loading, setLoading] = createSignal(false);
  const [error, setError] = createSignal<Error | string>();

  let latest = 0;
  async function fetchPage(last: number, before: string | null, replace: boolean) {
    const request = ++latest;
    setLoading(true);
    setError(undefined);
    const r = await client
      .query(ComplaintTimelineQuery, { id: props.complaintId, last, before }, { requestPolicy: "network-only" })
      .toPromise();
    if (request !== latest) return; // a newer request (a reload after a change) supersedes this one
    setLoading(false);
    if (r.error) return setError(r.error);
    const node = r.data?.node;
    const page = node && "timeline" in node ? node.timeline : undefined;
    if (!page) return setError(t("notFound"));
    const newestFirst = page.edges.map((e) => e.node).reverse();
    setEvents(replace ? newestFirst : [...events(), ...newestFirst]);
    setTotal(page.totalCount);
    setOlder(page.pageInfo.hasPreviousPage ? page.pageInfo.startCursor : null);
  }

  // A new version means new events: reload as many as are shown (at least a page) from the newest.
  createEffect(
    on(
      () => [props.complaintId, props.version] as const,
      () => void fetchPage(Math.max(PAGE, events().length), null, true),
    ),
  );
  return { events, total, older, loading, error, fetchPage };
}

/** One event: when, what, the transition it made, who, the summary and a person's note. */
function TimelineEntry(props: { event: TimelineEvent }) {
  const e = () => props.event;
  return (
    <li data-testid="timeline-event" data-kind={e().kind}>
      <time class="muted">{formatDateTime(e().at)}</time>
      <span class="cd-event">
        <strong>{detailLabel("ComplaintEventKind", e().kind)}</strong>
        <Show when={e().toStatus && e().fromStatus !== e().toStatus}>
          {" "}
          <span class="badge" data-testid="timeline-transition">
            {e().fromStatus ? `${label("ComplaintStatus", e().fromStatus)} → ` : ""}
            {label("ComplaintStatus", e().toStatus)}
          </span>
        </Show>
        {" · "}
        <span class="muted">{e().actor?.displayName ?? t("system")}</span>
        <Show when={e().summary}>
          <div class="cd-summary muted" data-testid="timeline-summary">
            {e().summary}
          </div>
        </Show>
        <Show when={e().note}>
          <div class="cd-note">{e().note}</div>
        </Show>
      </span>
    </li>
  );
}
