import { nowMs } from "../../clock.ts";
import { createSignal, onCleanup, type Accessor } from "solid-js";
import { translator } from "../../i18n/locale.ts";

const t = translator({
  days: ["{n}天", "{n} d"],
  hours: ["{n}小时", "{n} h"],
  minutes: ["{n}分", "{n} min"],
  seconds: ["{n}秒", "{n} s"],
  left: ["剩余 {d}", "{d} left"],
  over: ["已超 {d}", "{d} overdue"],
});

/** The current instant, ticking every `ms` while the calling component lives. */
export function createNow(ms = 1000): Accessor<number> {
  const [current, setCurrent] = createSignal(nowMs());
  const timer = setInterval(() => setCurrent(nowMs()), ms);
  onCleanup(() => clearInterval(timer));
  return current;
}

/** A duration as its two largest units: "2天3小时", "45 min 12 s". */
export function formatDuration(ms: number): string {
  const s = Math.floor(Math.abs(ms) / 1000);
  const parts: [number, "days" | "hours" | "minutes" | "seconds"][] = [
    [Math.floor(s / 86400), "days"],
    [Math.floor((s % 86400) / 3600), "hours"],
    [Math.floor((s % 3600) / 60), "minutes"],
    [s % 60, "seconds"],
  ];
  const first = parts.findIndex(([n]) => n > 0);
  if (first < 0) return t("seconds", { n: 0 });
  return parts
    .slice(first, first + 2)
    .filter(([n], i) => i === 0 || n > 0)
    .map(([n, unit]) => t(unit, { n }))
    .join(" ");
}

/** Wall time from `now` to `deadline`: "剩余 2天3小时" or "已超 5分". */
export function remaining(deadline: string, now: number): { text: string; late: boolean } {
  const ms = new Date(deadline).getTime() - now;
  return ms >= 0 ? { text: t("left", { d: formatDuration(ms) }), late: false } : { text: t("over", { d: formatDuration(ms) }), late: true };
}
