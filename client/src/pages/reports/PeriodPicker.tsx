import { For, Show } from "solid-js";
import { translator } from "../../i18n/locale.ts";
import { keyOf, lastDay, PERIOD_KINDS, periodDays, periodLabel, periodsUpTo, today, type Period, type PeriodKind } from "./period.ts";

const t = translator({
  kind: ["周期", "Period"],
  which: ["期间", "Which"],
  from: ["起", "From"],
  to: ["止", "To"],
  MONTH: ["月度", "Month"],
  QUARTER: ["季度", "Quarter"],
  HALF_YEAR: ["半年", "Half-year"],
  YEAR: ["年度", "Year"],
  CUSTOM: ["自定义", "Custom range"],
});

/** How many periods of each kind the picker offers, newest first. */
const OFFERED: Record<Exclude<PeriodKind, "CUSTOM">, number> = { MONTH: 36, QUARTER: 16, HALF_YEAR: 8, YEAR: 6 };

/** §11 periods: a kind (month, quarter, half-year, year, custom) and which one. */
export function PeriodPicker(props: { period: Period; timeZone: string; kinds?: PeriodKind[]; onChange: (p: Period) => void }) {
  const kinds = () => props.kinds ?? PERIOD_KINDS;
  const offered = () => {
    const kind = props.period.kind;
    if (kind === "CUSTOM") return [];
    const list = periodsUpTo(kind, today(props.timeZone), OFFERED[kind]).reverse();
    return list.some((p) => p.key === props.period.key) ? list : [props.period, ...list];
  };
  const switchKind = (kind: PeriodKind) => {
    // Keep the days in view: a month of the quarter shown, the quarter holding the range's end …
    const end = lastDay(props.period);
    if (kind === "CUSTOM") props.onChange({ kind, key: `${periodDays(props.period).first}..${end}` });
    else props.onChange({ kind, key: keyOf(kind, end) });
  };
  const custom = () => props.period.key.split("..") as [string, string];
  const setCustom = (from: string, to: string) => {
    if (from && to && from <= to) props.onChange({ kind: "CUSTOM", key: `${from}..${to}` });
  };
  return (
    <span class="picker" data-testid="period-picker">
      <Show when={kinds().length > 1}>
        <label>
          <span class="muted">{t("kind")}</span>
          <select data-testid="period-kind" value={props.period.kind} onChange={(e) => switchKind(e.currentTarget.value as PeriodKind)}>
            <For each={kinds()}>
              {(k) => (
                <option value={k} selected={k === props.period.kind}>
                  {t(k)}
                </option>
              )}
            </For>
          </select>
        </label>
      </Show>
      <Show
        when={props.period.kind !== "CUSTOM"}
        fallback={
          <>
            <label>
              <span class="muted">{t("from")}</span>
              <input
                type="date"
                data-testid="period-from"
                value={custom()[0]}
                onChange={(e) => setCustom(e.currentTarget.value, custom()[1])}
              />
            </label>
            <label>
              <span class="muted">{t("to")}</span>
              <input
                type="date"
                data-testid="period-to"
                value={custom()[1]}
                onChange={(e) => setCustom(custom()[0], e.currentTarget.value)}
              />
            </label>
          </>
        }
      >
        <label>
          <span class="muted">{kinds().length > 1 ? t("which") : t("QUARTER")}</span>
          <select
            data-testid="period-key"
            value={props.period.key}
            onChange={(e) => props.onChange({ kind: props.period.kind, key: e.currentTarget.value })}
          >
            <For each={offered()}>
              {(p) => (
                <option value={p.key} selected={p.key === props.period.key}>
                  {periodLabel(p)}
                </option>
              )}
            </For>
          </select>
        </label>
      </Show>
    </span>
  );
}
