import { createQuery } from "@urql/solid";
import { createEffect, on, Show } from "solid-js";
import { CallbackStatisticsQuery, type Ratio } from "../../graphql/callbacks.ts";
import { formatNumber, formatPercent } from "../../i18n/locale.ts";
import { monthBounds } from "../../components/calendar/month.ts";
import { t } from "./text.ts";

/** One figure with its numerator and denominator (SPEC §11: every rate shows both). */
function Figure(props: { label: string; ratio: Ratio; note?: string; bad?: boolean; testid: string }) {
  return (
    <div class="card stat" data-testid={props.testid} classList={{ overdue: !!props.bad }}>
      <span class="muted">{props.label}</span>
      <strong>{formatPercent(props.ratio.rate)}</strong>
      <span class="muted">
        {formatNumber(props.ratio.numerator)} / {formatNumber(props.ratio.denominator)}
        {props.note ? ` · ${props.note}` : ""}
      </span>
    </div>
  );
}

function Count(props: { label: string; value: number; testid: string }) {
  return (
    <div class="card stat" data-testid={props.testid}>
      <span class="muted">{props.label}</span>
      <strong>{formatNumber(props.value)}</strong>
    </div>
  );
}

/** CB-10's monthly statistics with CB-5's phone share, above the grid (reports:read only). */
export function CallbackStats(props: { month: string; estateId: string; refresh: number }) {
  const [stats, reload] = createQuery({
    query: CallbackStatisticsQuery,
    variables: () => ({ month: props.month, estateId: props.estateId || null, ...monthBounds(props.month) }),
  });
  // CB-5.phoneShareMax in force at the month's start (a policy value, 50% by default).
  const max = () => stats.data?.callbackMethodShare.max ?? null;
  // A callback recorded on the page changes the month's figures.
  createEffect(
    on(
      () => props.refresh,
      () => reload({ requestPolicy: "network-only" }),
      { defer: true },
    ),
  );
  return (
    <section aria-label={t("statsTitle", { month: props.month })} data-testid="callback-stats">
      <Show when={!stats.error} fallback={<p class="muted">{t("statsFailed")}</p>}>
        <Show when={stats.data?.callbackStatistics}>
          {(s) => (
            <>
              <h2>{t("statsTitle", { month: s().month })}</h2>
              <div class="stats">
                <Count label={t("made")} value={s().made} testid="stat-made" />
                <Figure
                  label={t("callbackRate")}
                  ratio={s().callbackRate}
                  bad={s().targetMet === false}
                  testid="stat-rate"
                  note={s().target != null ? t("target", { target: `${s().target}%` }) : undefined}
                />
                {/* CB-5: phone callbacks may not exceed the policy share of the callbacks made. */}
                <Figure
                  label={t("phoneShare")}
                  ratio={s().phoneShare}
                  bad={max() != null && (s().phoneShare.rate ?? 0) > max()!}
                  note={max() != null ? t("phoneLimit", { max: formatPercent(max(), 0) }) : undefined}
                  testid="stat-phone"
                />
                <Figure label={t("satisfaction")} ratio={s().satisfaction} testid="stat-satisfaction" />
                <Figure label={t("issues")} ratio={s().issues} testid="stat-issues" />
                <Count label={t("unreviewed")} value={s().unreviewed} testid="stat-unreviewed" />
                <Count label={t("overdueCount")} value={s().overdue} testid="stat-overdue" />
              </div>
            </>
          )}
        </Show>
      </Show>
    </section>
  );
}
