import { useClient } from "@urql/solid";
import { createEffect, createMemo, createSignal, For, Match, Show, Switch } from "solid-js";
import { Empty, ErrorBox, Loading } from "../../components/States.tsx";
import { createLoader } from "../../components/connection/loader.ts";
import { now } from "../../clock.ts";
import { CalendarsQuery, SetCalendarYearMutation, type AdminCalendar, type AdminCalendarDay } from "../../graphql/admin-settings.ts";
import { locale } from "../../i18n/locale.ts";
import { AdminForm, mutate, orNull, type FieldSpec, type Outcome, type Values } from "../admin-places/AdminForm.tsx";
import { useTitle } from "../admin-places/text.ts";
import { t } from "./text.ts";
import "../admin-places/admin.css";

type Day = Pick<AdminCalendarDay, "date" | "kind" | "name" | "followsWeekday">;

/** A calendar day in the reader's language, with its weekday (the date is a day, not an instant: read in UTC). */
export const dayLabel = (iso: string) =>
  new Date(`${iso}T00:00:00Z`).toLocaleDateString(locale(), {
    timeZone: "UTC",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    weekday: "short",
  });
const weekdayName = (n: number) => new Date(Date.UTC(2024, 0, n)).toLocaleDateString(locale(), { timeZone: "UTC", weekday: "long" });

function dayFields(year: number): FieldSpec[] {
  return [
    { name: "date", label: t("date"), kind: "date", required: true, placeholder: `${year}-10-01` },
    {
      name: "kind",
      label: t("kind"),
      kind: "select",
      options: [
        { value: "HOLIDAY", label: t("HOLIDAY") },
        { value: "MAKEUP_WORKDAY", label: t("MAKEUP_WORKDAY") },
      ],
    },
    { name: "name", label: t("dayName"), placeholder: "国庆节" },
    {
      name: "followsWeekday",
      label: t("follows"),
      kind: "select",
      options: [1, 2, 3, 4, 5, 6, 7].map((n) => ({ value: String(n), label: weekdayName(n) })),
    },
  ];
}

function DayCard(props: { day: Day; remove: () => void }) {
  return (
    <li class="admin-card" data-testid={`day-${props.day.date}`}>
      <h3>
        <span>{dayLabel(props.day.date)}</span>{" "}
        <span class={props.day.kind === "HOLIDAY" ? "badge off" : "badge met"}>{t(props.day.kind)}</span>
      </h3>
      <p class="muted">
        {[props.day.name, props.day.kind === "MAKEUP_WORKDAY" ? t("worksAs", { day: weekdayName(props.day.followsWeekday ?? 1) }) : null]
          .filter(Boolean)
          .join(" · ")}
      </p>
      <div class="actions">
        <button type="button" onClick={() => props.remove()}>
          {t("remove")}
        </button>
      </div>
    </li>
  );
}

/** The days of one year of one calendar, edited here and saved together (setCalendarYear replaces the year's days). */
function YearEditor(props: { calendar: AdminCalendar; year: number; reload: () => void }) {
  const client = useClient();
  const [draft, setDraft] = createSignal<Day[]>([]);
  const [message, setMessage] = createSignal("");
  const [saved, setSaved] = createSignal(false);
  createEffect(() =>
    setDraft(props.calendar.days.map((d) => ({ date: d.date, kind: d.kind, name: d.name, followsWeekday: d.followsWeekday }))),
  );
  const add = async (v: Values): Promise<Outcome> => {
    const problems: Record<string, string> = {};
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v.date ?? "") || !v.date!.startsWith(`${props.year}-`))
      problems.date = t("dateInYear", { year: props.year });
    else if (draft().some((d) => d.date === v.date)) problems.date = t("dateTwice");
    if (Object.keys(problems).length) return { ok: false, problems, message: "" };
    const day: Day = {
      date: v.date!,
      kind: v.kind as Day["kind"],
      name: orNull(v.name),
      followsWeekday: v.kind === "MAKEUP_WORKDAY" ? Number(v.followsWeekday || 1) : null,
    };
    setDraft([...draft(), day].sort((a, b) => a.date.localeCompare(b.date)));
    setSaved(false);
    return { ok: true };
  };
  const save = async () => {
    setMessage("");
    const outcome = await mutate(client, SetCalendarYearMutation, {
      calendarId: props.calendar.id,
      version: props.calendar.version,
      year: props.year,
      days: draft(),
    });
    if (!outcome.ok) return setMessage(Object.values(outcome.problems)[0] ?? outcome.message);
    setSaved(true);
    props.reload();
  };
  return (
    <>
      <h2>{t("addDay")}</h2>
      <AdminForm
        fields={dayFields(props.year)}
        initial={{ date: "", kind: "HOLIDAY", name: "", followsWeekday: "1" }}
        submitLabel={t("addToList")}
        testid="new-day"
        onSubmit={add}
      />
      <div class="toolbar">
        <h2>{t("daysOf", { year: props.year, n: draft().length })}</h2>
        <button type="button" class="primary" data-testid="save-year" onClick={() => void save()}>
          {t("saveYear", { year: props.year })}
        </button>
        <Show when={saved()}>
          <span class="ok" role="status">
            {t("saved")}
          </span>
        </Show>
        <Show when={message()}>
          <span class="error" role="alert">
            {message()}
          </span>
        </Show>
      </div>
      <Show when={draft().length} fallback={<Empty>{t("noDays", { year: props.year })}</Empty>}>
        <ul class="admin-list" data-testid="days">
          <For each={draft()}>
            {(d) => (
              <DayCard
                day={d}
                remove={() => {
                  setDraft(draft().filter((x) => x.date !== d.date));
                  setSaved(false);
                }}
              />
            )}
          </For>
        </ul>
      </Show>
    </>
  );
}

/** Issue 17 item 2, SPEC §6: a year's statutory holidays and make-up working days of each working calendar, entered in the app. */
export default function CalendarsPage(_props: { params: Record<string, string> }) {
  const client = useClient();
  const thisYear = now().getFullYear();
  const [year, setYear] = createSignal(thisYear + 1);
  const [calendarId, setCalendarId] = createSignal("");
  const [version, setVersion] = createSignal(0);
  const data = createLoader(
    () => `${year()}#${version()}`,
    async () => {
      const r = await client.query(CalendarsQuery, { year: year() }, { requestPolicy: "network-only" }).toPromise();
      if (r.error) throw r.error;
      return r.data!;
    },
  );
  const calendar = createMemo(() => data.value()?.workingCalendars.find((c) => c.id === calendarId()) ?? data.value()?.workingCalendars[0]);
  const years = createMemo(() => [...new Set([...(calendar()?.years ?? []), thisYear - 1, thisYear, thisYear + 1, thisYear + 2])].sort());
  const usesIt = (estate: { calendar: { id: string } | null }, c: AdminCalendar) =>
    estate.calendar ? estate.calendar.id === c.id : c.isDefault;
  const usedBy = createMemo(() =>
    (data.value()?.estates.edges ?? []).filter((e) => calendar() && usesIt(e.node, calendar()!)).map((e) => e.node.name),
  );
  useTitle(() => t("calendars"));
  return (
    <section class="admin">
      <h1>{t("calendars")}</h1>
      <p class="help">{t("calendarHelp")}</p>
      <Switch>
        <Match when={data.error()}>
          <ErrorBox error={data.error()} retry={data.reload} />
        </Match>
        <Match when={!data.value()}>
          <Loading />
        </Match>
        <Match when={calendar()}>
          {(c) => (
            <>
              <div class="toolbar">
                <label>
                  {t("calendar")}{" "}
                  <select data-testid="calendar" onChange={(e) => setCalendarId(e.currentTarget.value)}>
                    <For each={data.value()!.workingCalendars}>
                      {(x) => (
                        <option value={x.id} selected={x.id === c().id}>
                          {x.name}
                        </option>
                      )}
                    </For>
                  </select>
                </label>
                <label>
                  {t("year")}{" "}
                  <select data-testid="year" onChange={(e) => setYear(Number(e.currentTarget.value))}>
                    <For each={years()}>
                      {(y) => (
                        <option value={y} selected={y === year()}>
                          {y}
                        </option>
                      )}
                    </For>
                  </select>
                </label>
              </div>
              <p class="muted">
                {t("entered", { years: c().years.join(", ") || "—" })} · {t("usedBy", { estates: usedBy().join("、") || "—" })}
              </p>
              <Show when={!c().years.includes(year())}>
                <p class="warn" role="status" data-testid="year-missing">
                  {t("yearMissing", { year: year() })}
                </p>
              </Show>
              <YearEditor calendar={c()} year={year()} reload={() => setVersion((n) => n + 1)} />
            </>
          )}
        </Match>
      </Switch>
    </section>
  );
}
