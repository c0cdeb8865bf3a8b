/**
 * China's statutory holidays and make-up working days (调休) as published by the State Council
 * for 2024-2026. Shipped as data: the working calendar rows are editable, so 2027's schedule is
 * entered when it is published (usually in November or December).
 */
export const statutoryHolidays: { year: number; name: string; off: [string, string]; makeup: string[] }[] = [
  { year: 2024, name: "元旦", off: ["2024-01-01", "2024-01-01"], makeup: [] },
  { year: 2024, name: "春节", off: ["2024-02-10", "2024-02-17"], makeup: ["2024-02-04", "2024-02-18"] },
  { year: 2024, name: "清明节", off: ["2024-04-04", "2024-04-06"], makeup: ["2024-04-07"] },
  { year: 2024, name: "劳动节", off: ["2024-05-01", "2024-05-05"], makeup: ["2024-04-28", "2024-05-11"] },
  { year: 2024, name: "端午节", off: ["2024-06-10", "2024-06-10"], makeup: [] },
  { year: 2024, name: "中秋节", off: ["2024-09-15", "2024-09-17"], makeup: ["2024-09-14"] },
  { year: 2024, name: "国庆节", off: ["2024-10-01", "2024-10-07"], makeup: ["2024-09-29", "2024-10-12"] },
  { year: 2025, name: "元旦", off: ["2025-01-01", "2025-01-01"], makeup: [] },
  { year: 2025, name: "春节", off: ["2025-01-28", "2025-02-04"], makeup: ["2025-01-26", "2025-02-08"] },
  { year: 2025, name: "清明节", off: ["2025-04-04", "2025-04-06"], makeup: [] },
  { year: 2025, name: "劳动节", off: ["2025-05-01", "2025-05-05"], makeup: ["2025-04-27"] },
  { year: 2025, name: "端午节", off: ["2025-05-31", "2025-06-02"], makeup: [] },
  { year: 2025, name: "国庆节、中秋节", off: ["2025-10-01", "2025-10-08"], makeup: ["2025-09-28", "2025-10-11"] },
  { year: 2026, name: "元旦", off: ["2026-01-01", "2026-01-03"], makeup: ["2026-01-04"] },
  { year: 2026, name: "春节", off: ["2026-02-15", "2026-02-23"], makeup: ["2026-02-14", "2026-02-28"] },
  { year: 2026, name: "清明节", off: ["2026-04-04", "2026-04-06"], makeup: [] },
  { year: 2026, name: "劳动节", off: ["2026-05-01", "2026-05-05"], makeup: ["2026-05-09"] },
  { year: 2026, name: "端午节", off: ["2026-06-19", "2026-06-21"], makeup: [] },
  { year: 2026, name: "中秋节", off: ["2026-09-25", "2026-09-27"], makeup: [] },
  { year: 2026, name: "国庆节", off: ["2026-10-01", "2026-10-07"], makeup: ["2026-09-20", "2026-10-10"] },
];

/** Every holiday and make-up day as single dates. */
export function calendarDays(): { date: string; kind: "HOLIDAY" | "MAKEUP_WORKDAY"; name: string }[] {
  const days: { date: string; kind: "HOLIDAY" | "MAKEUP_WORKDAY"; name: string }[] = [];
  for (const h of statutoryHolidays) {
    for (let d = new Date(`${h.off[0]}T00:00:00Z`); d <= new Date(`${h.off[1]}T00:00:00Z`); d = new Date(d.getTime() + 86_400_000)) {
      days.push({ date: d.toISOString().slice(0, 10), kind: "HOLIDAY", name: h.name });
    }
    for (const m of h.makeup) days.push({ date: m, kind: "MAKEUP_WORKDAY", name: `${h.name}调休上班` });
  }
  return days;
}
