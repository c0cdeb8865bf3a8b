import { createQuery } from "@urql/solid";
import { For, Match, Show, Switch } from "solid-js";
import { LikelyDuplicatesQuery, type ComplaintDetail } from "../../graphql/complaint-detail.ts";
import { label } from "../../i18n/labels.ts";
import { formatDateTime, translator } from "../../i18n/locale.ts";
import { Link } from "../../router/router.tsx";
import { useSession } from "../../session/session.tsx";
import { ErrorBox } from "../../components/States.tsx";

const t = translator({
  title: ["可能重复 (INT-4)：", "Likely duplicates (INT-4): "],
  none: ["没有可能重复的投诉", "no likely duplicates"],
  checking: ["正在查找可能重复的投诉…", "Looking for likely duplicates…"],
});

export function complaintHref(id: string): string {
  return `/complaints/${encodeURIComponent(id)}`;
}

/** A link to another complaint's detail page, by its number. */
export function ComplaintLink(props: { complaint: { id: string; no: string } }) {
  return (
    <Link href={complaintHref(props.complaint.id)} data-testid="complaint-link">
      {props.complaint.no}
    </Link>
  );
}

/**
 * INT-4: first reports of the same household (or place) and category received shortly before
 * this one, as the server finds them (for accounts with complaints:write); this complaint and
 * the report it is linked to are left out.
 */
export function LikelyDuplicates(props: { complaint: ComplaintDetail }) {
  const session = useSession();
  const c = () => props.complaint;
  // The server offers suggestions to those who register complaints, for a household or a named place.
  const applicable = () => !!c().category && (!!c().household || !!c().location?.trim()) && session.can("complaints:write");
  const [result, reload] = createQuery({
    query: LikelyDuplicatesQuery,
    pause: () => !applicable(),
    variables: () => ({
      input: {
        estateId: c().estate.id,
        householdId: c().household?.id ?? null,
        location: c().household ? null : c().location,
        categoryId: c().category?.id ?? "",
        at: c().receivedAt,
      },
    }),
  });
  const others = () => (result.data?.likelyDuplicates ?? []).filter((d) => d.id !== c().id && d.id !== c().duplicateOf?.id);
  return (
    <Show when={applicable()}>
      <div class="cd-duplicates" data-testid="likely-duplicates">
        <Switch>
          <Match when={result.error}>
            <ErrorBox error={result.error} retry={() => reload({ requestPolicy: "network-only" })} />
          </Match>
          <Match when={!result.data}>
            <span class="muted">{t("checking")}</span>
          </Match>
          <Match when={others().length === 0}>
            <span class="muted">{t("none")}</span>
          </Match>
          <Match when={others().length > 0}>
            <span>{t("title")}</span>
            <For each={others()}>
              {(d) => (
                <span class="flag">
                  <ComplaintLink complaint={d} />{" "}
                  <span class="muted">
                    {formatDateTime(d.receivedAt)} · {label("ComplaintStatus", d.status)}
                  </span>
                </span>
              )}
            </For>
          </Match>
        </Switch>
      </div>
    </Show>
  );
}
