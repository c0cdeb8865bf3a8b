import { useClient } from "@urql/solid";
import { createSignal, For, Match, Show, Switch } from "solid-js";
import { Empty, ErrorBox, Loading } from "../../components/States.tsx";
import { createLoader } from "../../components/connection/loader.ts";
import {
  BuildingHouseholdsQuery,
  CreateHouseholdMutation,
  SetHouseholdActiveMutation,
  UpdateHouseholdMutation,
  type BuildingHouseholds,
  type PlacesHousehold,
} from "../../graphql/admin-places.ts";
import { formatDate, formatNumber, translator } from "../../i18n/locale.ts";
import { Link } from "../../router/router.tsx";
import { ActiveToggle, StateBadge } from "./ActiveToggle.tsx";
import { AdminForm, mutate, numberOrNull, orNull, type FieldSpec, type Values } from "./AdminForm.tsx";
import { HOUSEHOLD_KINDS, seg, t, useTitle } from "./text.ts";
import "./admin.css";

const kinds = translator({ RESIDENTIAL: ["住宅", "Home"], COMMERCIAL: ["商铺", "Shop"], OFFICE: ["办公", "Office unit"] });
type Kind = (typeof HOUSEHOLD_KINDS)[number];

function householdFields(b: BuildingHouseholds, creating: boolean): FieldSpec[] {
  return [
    ...(creating ? [{ name: "code", label: t("code"), required: true, placeholder: `${b.estate.code}-…` }] : []),
    { name: "room", label: t("room"), required: true, placeholder: "1201" },
    {
      name: "unitId",
      label: t("unit"),
      kind: "select",
      options: [{ value: "", label: t("noUnit") }, ...b.units.filter((u) => u.active).map((u) => ({ value: u.id, label: u.name }))],
    },
    { name: "kind", label: t("kind"), kind: "select", options: HOUSEHOLD_KINDS.map((k) => ({ value: k, label: kinds(k) })) },
    { name: "area", label: t("area"), kind: "number" },
    { name: "moveInDate", label: t("moveInDate"), kind: "date" },
    { name: "occupied", label: t("occupied"), kind: "checkbox" },
  ];
}

const householdValues = (h?: PlacesHousehold): Values => ({
  code: h?.code ?? "",
  room: h?.room ?? "",
  unitId: h?.unit?.id ?? "",
  kind: h?.kind ?? "RESIDENTIAL",
  area: h?.area == null ? "" : String(h.area),
  moveInDate: h?.moveInDate ?? "",
  occupied: h && !h.occupied ? "" : "true",
});

const fieldsToInput = (v: Values) => ({
  room: v.room!,
  unitId: orNull(v.unitId),
  kind: v.kind as Kind,
  area: numberOrNull(v.area),
  moveInDate: orNull(v.moveInDate),
  occupied: v.occupied === "true",
});

function HouseholdCard(props: { household: PlacesHousehold; building: BuildingHouseholds; reload: () => void }) {
  const client = useClient();
  const [editing, setEditing] = createSignal(false);
  const h = () => props.household;
  const save = (v: Values) => mutate(client, UpdateHouseholdMutation, { id: h().id, version: h().version, ...fieldsToInput(v) });
  const details = () =>
    [
      kinds(h().kind as Kind),
      h().unit?.name,
      h().area == null ? null : `${formatNumber(h().area!, 2)} m²`,
      h().moveInDate ? formatDate(h().moveInDate) : null,
    ]
      .filter(Boolean)
      .join(" · ");
  return (
    <li class={`admin-card${h().active ? "" : " inactive"}`} data-testid={`household-${h().code}`}>
      <h3>
        <span>{h().code}</span> <span class="muted">{h().room}</span> <StateBadge active={h().active} />
      </h3>
      <p class="muted">
        {details()} · {h().occupied ? t("resident") : t("notResident")}
      </p>
      <Show when={editing()}>
        <AdminForm
          fields={householdFields(props.building, false)}
          initial={householdValues(h())}
          testid="edit-household"
          onSubmit={save}
          onCancel={() => setEditing(false)}
          onDone={() => {
            setEditing(false);
            props.reload();
          }}
        />
      </Show>
      <div class="actions">
        <Show when={h().active && !editing()}>
          <button type="button" onClick={() => setEditing(true)}>
            {t("edit")}
          </button>
        </Show>
        <ActiveToggle
          active={h().active}
          testid="household-active"
          onDone={props.reload}
          run={(active) => mutate(client, SetHouseholdActiveMutation, { id: h().id, version: h().version, active })}
        />
      </div>
    </li>
  );
}

function Households(props: { building: BuildingHouseholds; reload: () => void; more: () => void }) {
  const client = useClient();
  const [adding, setAdding] = createSignal(false);
  const b = () => props.building;
  const create = (v: Values) =>
    mutate(client, CreateHouseholdMutation, { estateId: b().estate.id, buildingId: b().id, code: v.code!, ...fieldsToInput(v) });
  return (
    <>
      <div class="toolbar">
        <h2>
          {t("households")} <span class="muted">{formatNumber(b().households.totalCount)}</span>
        </h2>
        <Show when={b().active}>
          <button type="button" class="primary" data-testid="add-household" onClick={() => setAdding(!adding())}>
            {t("addHousehold")}
          </button>
        </Show>
        <Link href="/import" class="button">
          {t("bulkLink")}
        </Link>
      </div>
      <Show when={adding()}>
        <AdminForm
          fields={householdFields(b(), true)}
          initial={householdValues()}
          testid="new-household"
          submitLabel={t("add")}
          onSubmit={create}
          onCancel={() => setAdding(false)}
          onDone={() => {
            setAdding(false);
            props.reload();
          }}
        />
      </Show>
      <Show when={b().households.edges.length} fallback={<Empty>{t("none")}</Empty>}>
        <ul class="admin-list" data-testid="households">
          <For each={b().households.edges}>{(e) => <HouseholdCard household={e.node} building={b()} reload={props.reload} />}</For>
        </ul>
      </Show>
      <Show when={b().households.pageInfo.hasNextPage}>
        <p>
          <button type="button" onClick={() => props.more()}>
            {t("more")}
          </button>
        </p>
      </Show>
    </>
  );
}

/** Issue 17 item 2: the households of one building; add, edit, deactivate (in bulk: the import). */
export default function BuildingHouseholdsPage(props: { params: Record<string, string> }) {
  const client = useClient();
  const [version, setVersion] = createSignal(0);
  const [first, setFirst] = createSignal(200);
  const data = createLoader(
    () => `${props.params.building}#${version()}#${first()}`,
    async () => {
      const r = await client
        .query(BuildingHouseholdsQuery, { id: props.params.building!, first: first() }, { requestPolicy: "network-only" })
        .toPromise();
      if (r.error) throw r.error;
      const node = r.data?.node;
      return node && "estate" in node ? (node as BuildingHouseholds) : null;
    },
  );
  const reload = () => setVersion((n) => n + 1);
  useTitle(() => `${data.value() ? `${data.value()!.estate.name} ${data.value()!.name}` : t("households")} · ${t("places")}`);
  return (
    <section class="admin">
      <Switch>
        <Match when={data.error()}>
          <ErrorBox error={data.error()} retry={data.reload} />
        </Match>
        <Match when={data.value() === undefined}>
          <Loading />
        </Match>
        <Match when={data.value() === null}>
          <Empty>{t("notFound")}</Empty>
        </Match>
        <Match when={data.value()}>
          {(b) => (
            <>
              <nav class="breadcrumb" aria-label="breadcrumb">
                <Link href="/admin/places">{t("places")}</Link>
                <span>/</span>
                <Link href={`/admin/places/${seg(b().estate.id)}`}>{b().estate.name}</Link>
                <span>/</span>
              </nav>
              <h1>
                {b().estate.name} {b().name} <StateBadge active={b().active} />
              </h1>
              <Households building={b()} reload={reload} more={() => setFirst((n) => n + 200)} />
            </>
          )}
        </Match>
      </Switch>
    </section>
  );
}
