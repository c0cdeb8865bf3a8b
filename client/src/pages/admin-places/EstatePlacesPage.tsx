import { useClient } from "@urql/solid";
import { createSignal, For, Match, Show, Switch } from "solid-js";
import { Empty, ErrorBox, Loading } from "../../components/States.tsx";
import { createLoader } from "../../components/connection/loader.ts";
import {
  CreateBuildingMutation,
  CreateOfficeMutation,
  EstatePlacesQuery,
  SetOfficeActiveMutation,
  UpdateOfficeMutation,
  type EstatePlaces,
  type PlacesOffice,
} from "../../graphql/admin-places.ts";
import { Link } from "../../router/router.tsx";
import { ActiveToggle, StateBadge } from "./ActiveToggle.tsx";
import { AdminForm, mutate, numberOrNull, orNull, type FieldSpec, type Values } from "./AdminForm.tsx";
import { BuildingCard } from "./BuildingCard.tsx";
import { t, useTitle } from "./text.ts";
import "./admin.css";

const officeFields = (creating: boolean): FieldSpec[] => [
  ...(creating ? [{ name: "code", label: t("code"), required: true, placeholder: "LX-OFFICE" }] : []),
  { name: "name", label: t("name"), required: true },
  { name: "phone", label: t("phone") },
  { name: "address", label: t("address") },
  { name: "onDuty24h", label: t("onDuty24h"), kind: "checkbox" },
];
const officeValues = (o?: PlacesOffice): Values => ({
  code: o?.code ?? "",
  name: o?.name ?? "",
  phone: o?.phone ?? "",
  address: o?.address ?? "",
  onDuty24h: o?.onDuty24h === false ? "" : "true",
});

function OfficeCard(props: { office: PlacesOffice; reload: () => void }) {
  const client = useClient();
  const [editing, setEditing] = createSignal(false);
  const o = () => props.office;
  const save = (v: Values) =>
    mutate(client, UpdateOfficeMutation, {
      id: o().id,
      version: o().version,
      name: v.name!,
      phone: orNull(v.phone),
      address: orNull(v.address),
      onDuty24h: v.onDuty24h === "true",
    });
  return (
    <li class={`admin-card${o().active ? "" : " inactive"}`} data-testid={`office-${o().code}`}>
      <h3>
        <span>{o().name}</span> <span class="muted">{o().code}</span> <StateBadge active={o().active} />
      </h3>
      <p class="muted">{[o().phone, o().address].filter(Boolean).join(" · ")}</p>
      <Show when={editing()}>
        <AdminForm
          fields={officeFields(false)}
          initial={officeValues(o())}
          testid="edit-office"
          onSubmit={save}
          onCancel={() => setEditing(false)}
          onDone={() => {
            setEditing(false);
            props.reload();
          }}
        />
      </Show>
      <div class="actions">
        <Show when={o().active && !editing()}>
          <button type="button" onClick={() => setEditing(true)}>
            {t("edit")}
          </button>
        </Show>
        <ActiveToggle
          active={o().active}
          testid="office-active"
          onDone={props.reload}
          run={(active) => mutate(client, SetOfficeActiveMutation, { id: o().id, version: o().version, active })}
        />
      </div>
    </li>
  );
}

function Offices(props: { estate: EstatePlaces; reload: () => void }) {
  const client = useClient();
  const [adding, setAdding] = createSignal(false);
  const create = (v: Values) =>
    mutate(client, CreateOfficeMutation, {
      estateId: props.estate.id,
      code: v.code!,
      name: v.name!,
      phone: orNull(v.phone),
      address: orNull(v.address),
      onDuty24h: v.onDuty24h === "true",
    });
  return (
    <>
      <div class="toolbar">
        <h2>{t("offices")}</h2>
        <Show when={props.estate.active}>
          <button type="button" data-testid="add-office" onClick={() => setAdding(!adding())}>
            {t("addOffice")}
          </button>
        </Show>
      </div>
      <Show when={adding()}>
        <AdminForm
          fields={officeFields(true)}
          initial={officeValues()}
          testid="new-office"
          submitLabel={t("add")}
          onSubmit={create}
          onCancel={() => setAdding(false)}
          onDone={() => {
            setAdding(false);
            props.reload();
          }}
        />
      </Show>
      <Show when={props.estate.offices.length} fallback={<Empty>{t("none")}</Empty>}>
        <ul class="admin-list" data-testid="offices">
          <For each={props.estate.offices}>{(o) => <OfficeCard office={o} reload={props.reload} />}</For>
        </ul>
      </Show>
    </>
  );
}

function Buildings(props: { estate: EstatePlaces; reload: () => void }) {
  const client = useClient();
  const [adding, setAdding] = createSignal(false);
  const fields: FieldSpec[] = [
    { name: "name", label: t("name"), required: true, placeholder: "3栋" },
    { name: "sortOrder", label: t("sortOrder"), kind: "number" },
  ];
  const create = (v: Values) =>
    mutate(client, CreateBuildingMutation, { estateId: props.estate.id, name: v.name!, sortOrder: numberOrNull(v.sortOrder) });
  return (
    <>
      <div class="toolbar">
        <h2>{t("buildings")}</h2>
        <Show when={props.estate.active}>
          <button type="button" data-testid="add-building" onClick={() => setAdding(!adding())}>
            {t("addBuilding")}
          </button>
        </Show>
      </div>
      <Show when={adding()}>
        <AdminForm
          fields={fields}
          initial={{ name: "", sortOrder: "" }}
          testid="new-building"
          submitLabel={t("add")}
          onSubmit={create}
          onCancel={() => setAdding(false)}
          onDone={() => {
            setAdding(false);
            props.reload();
          }}
        />
      </Show>
      <Show when={props.estate.buildings.length} fallback={<Empty>{t("none")}</Empty>}>
        <ul class="admin-list" data-testid="buildings">
          <For each={props.estate.buildings}>{(b) => <BuildingCard estateId={props.estate.id} building={b} reload={props.reload} />}</For>
        </ul>
      </Show>
    </>
  );
}

/** Issue 17 item 2: one estate's offices and buildings (with their units); add, edit, deactivate. */
export default function EstatePlacesPage(props: { params: Record<string, string> }) {
  const client = useClient();
  const [version, setVersion] = createSignal(0);
  const data = createLoader(
    () => `${props.params.estate}#${version()}`,
    async () => {
      const r = await client.query(EstatePlacesQuery, { id: props.params.estate! }, { requestPolicy: "network-only" }).toPromise();
      if (r.error) throw r.error;
      const node = r.data?.node;
      return node && "code" in node ? (node as EstatePlaces) : null;
    },
  );
  const reload = () => setVersion((n) => n + 1);
  useTitle(() => `${data.value()?.name ?? t("estate")} · ${t("places")}`);
  return (
    <section class="admin">
      <nav class="breadcrumb" aria-label="breadcrumb">
        <Link href="/admin/places">{t("places")}</Link>
        <span>/</span>
      </nav>
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
          {(e) => (
            <>
              <h1>
                {e().name} <span class="muted">{e().code}</span> <StateBadge active={e().active} />
              </h1>
              <Offices estate={e()} reload={reload} />
              <Buildings estate={e()} reload={reload} />
            </>
          )}
        </Match>
      </Switch>
    </section>
  );
}
