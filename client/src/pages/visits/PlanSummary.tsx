import { Show } from "solid-js";
import type { VisitPlan } from "../../graphql/visits.ts";
import { formatDateTime, formatNumber, formatPercent } from "../../i18n/locale.ts";
import { enumLabel, t } from "./text.ts";

/** VIS-1's coverage against the month's target and VIS-2's review state of the chosen plan. */
export function PlanSummary(props: { plan: VisitPlan }) {
  const p = () => props.plan.progress;
  return (
    <div class="stats" data-testid="plan-summary">
      <div class="card stat" classList={{ overdue: !p().targetMet }} data-testid="plan-coverage">
        <span class="muted">{t("coverage")}</span>
        <strong>{formatPercent(p().coverage.rate)}</strong>
        <span class="muted">
          <span data-testid="coverage-numerator">{formatNumber(p().coverage.numerator)}</span> / {formatNumber(p().coverage.denominator)}
          <Show when={props.plan.targetVisits != null}>
            {" "}
            · {t("target", { n: formatNumber(props.plan.targetVisits!) })} · {p().targetMet ? t("met") : t("missed")}
          </Show>
        </span>
      </div>
      <div class="card stat" data-testid="plan-visits">
        <span class="muted">{t("visits")}</span>
        <strong>{formatNumber(p().visits)}</strong>
      </div>
      <div class="card stat" classList={{ overdue: p().unresolvedWithoutReport > 0 }} data-testid="plan-unresolved">
        <span class="muted">{t("unresolved")}</span>
        <strong>{formatNumber(p().unresolvedWithoutReport)}</strong>
      </div>
      <div class="card stat" data-testid="plan-status">
        <span class="muted">{t("planStatus")}</span>
        <strong style={{ "font-size": "18px" }}>{enumLabel("VisitPlanStatus", props.plan.status)}</strong>
        <Show when={props.plan.reviewedBy}>
          <span class="muted">
            {t("signedBy", { name: props.plan.reviewedBy!.displayName, at: formatDateTime(props.plan.reviewedAt) })}
          </span>
        </Show>
      </div>
    </div>
  );
}
