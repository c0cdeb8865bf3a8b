import { useClient } from "@urql/solid";
import { createSignal, For, Match, Show, Switch } from "solid-js";
import { Empty, ErrorBox, Loading } from "../../components/States.tsx";
import { createLoader } from "../../components/connection/loader.ts";
import {
  CreateEstateMutation,
  PlacesEstatesQuery,
  SetEstateActiveMutation,
  UpdateEstateMutation,
  type CalendarChoice,
  type PlacesEstate,
} from "../../graphql/admin-places.ts";
import { formatNumber } from "../../i18n/locale.ts";
import { Link } from "../../router/router.tsx";
import { ActiveToggle, StateBadge } from "./ActiveToggle.tsx";
import { AdminForm, mutate, orNull, type FieldSpec, type Values } from "./AdminForm.tsx";
import { ESTATE_KINDS, seg, t, useTitle } from "./text.ts";
import "./admin.css";

function estateFields(calendars: readonly CalendarChoice[], creating: boolean): FieldSpec[] {
  return [
    ...(creating ? [{ name: "code", label: t("code"), required: true, placeholder: "LX" }] : []),
    { name: "name", label: t("name"), required: true },
    { name: "kind", label: t("kind"), kind: "select", options: ESTATE_KINDS.map((k) => ({ value: k, label: t(k) })) },
    { name: "timezone", label: t("timezone"), placeholder: "Asia/Shanghai" },
    { name: "address", label: t("address") },
    {
      name: "calendarId",
      label: t("calendar"),
      kind: "select",
      options: [{ value: "", label: t("defaultCalendar") }, ...calendars.map((c) => ({ value: c.id, label: c.name }))],
    },
  ];
}

const estateValues = (e?: PlacesEstate): Values => ({
  code: e?.code ?? "",
  name: e?.name ?? "",
  kind: e?.kind ?? "RESIDENTIAL",
  timezone: e?.timezone ?? "Asia/Shanghai",
  address: e?.address ?? "",
  calendarId: e?.calendar?.id ?? "",
});

function EstateCard(props: { estate: PlacesEstate; calendars: readonly CalendarChoice[]; reload: () => void }) {
  const client = useClient();
  const [editing, setEditing] = createSignal(false);
  const e = () => props.estate;
  const save = (v: Values) =>
    mutate(client, UpdateEstateMutation, {
      id: e().id,
      version: e().version,
      name: v.name!,
      kind: v.kind as PlacesEstate["kind"],
      timezone: v.timezone!,
      address: orNull(v.address),
      calendarId: orNull(v.calendarId),
    });
  return (
    <li class={`admin-card${e().active ? "" : " inactive"}`} data-testid={`estate-${e().code}`}>
      <h3>
        <span>{e().name}</span> <span class="muted">{e().code}</span> <StateBadge active={e().active} />
      </h3>
      <p class="muted">
        {t(e().kind as (typeof ESTATE_KINDS)[number])} · {t("count", { n: formatNumber(e().households.totalCount) })} ·{" "}
        {t("occupiedCount", { n: formatNumber(e().occupiedHouseholds) })}
      </p>
      <p class="muted">
        {e().calendar?.name ?? t("defaultCalendar")} · {e().timezone}
      </p>
      <Show when={editing()}>
        <AdminForm
          fields={estateFields(props.calendars, false)}
          initial={estateValues(e())}
          testid="edit-estate"
          onSubmit={save}
          onCancel={() => setEditing(false)}
          onDone={() => {
            setEditing(false);
            props.reload();
          }}
        />
      </Show>
      <div class="actions">
        <Link href={`/admin/places/${seg(e().id)}`} class="button" data-testid="open-estate">
          {t("open")}
        </Link>
        <Show when={e().active && !editing()}>
          <button type="button" onClick={() => setEditing(true)}>
            {t("edit")}
          </button>
        </Show>
        <ActiveToggle
          active={e().active}
          testid="estate-active"
          onDone={props.reload}
          run={(active) => mutate(client, SetEstateActiveMutation, { id: e().id, version: e().version, active })}
        />
      </div>
    </li>
  );
}

/** Issue 17 item 2: the organisation's estates, with their deactivated ones; add, edit, deactivate, open one. */
export default function PlacesPage(_props: { params: Record<string, string> }) {
  const client = useClient();
  const [version, setVersion] = createSignal(0);
  const [adding, setAdding] = createSignal(false);
  const data = createLoader(version, async () => {
    const r = await client.query(PlacesEstatesQuery, {}, { requestPolicy: "network-only" }).toPromise();
    if (r.error) throw r.error;
    return r.data!;
  });
  const reload = () => setVersion((n) => n + 1);
  const create = (v: Values) =>
    mutate(client, CreateEstateMutation, {
      code: v.code!,
      name: v.name!,
      kind: v.kind as PlacesEstate["kind"],
      timezone: orNull(v.timezone),
      address: orNull(v.address),
      calendarId: orNull(v.calendarId),
    });
  useTitle(() => t("places"));
  return (
    <section class="admin">
      <h1>{t("places")}</h1>
      <p class="help">{t("help")}</p>
      <div class="toolbar">
        <button type="button" class="primary" data-testid="add-estate" onClick={() => setAdding(!adding())}>
          {t("addEstate")}
        </button>
        <span class="muted">{t("bulk")}</span>{" "}
        <Link href="/import" class="button">
          {t("bulkLink")}
        </Link>
      </div>
      <Switch>
        <Match when={data.error()}>
          <ErrorBox error={data.error()} retry={data.reload} />
        </Match>
        <Match when={!data.value()}>
          <Loading />
        </Match>
        <Match when={data.value()}>
          {(d) => (
            <>
              <Show when={adding()}>
                <AdminForm
                  fields={estateFields(d().workingCalendars, true)}
                  initial={estateValues()}
                  testid="new-estate"
                  submitLabel={t("add")}
                  onSubmit={create}
                  onCancel={() => setAdding(false)}
                  onDone={() => {
                    setAdding(false);
                    reload();
                  }}
                />
              </Show>
              <h2>{t("estates")}</h2>
              <Show when={d().estates.edges.length} fallback={<Empty>{t("none")}</Empty>}>
                <ul class="admin-list" data-testid="estates">
                  <For each={d().estates.edges}>
                    {(edge) => <EstateCard estate={edge.node} calendars={d().workingCalendars} reload={reload} />}
                  </For>
                </ul>
              </Show>
            </>
          )}
        </Match>
      </Switch>
    </section>
  );
}
