import { useClient } from "@urql/solid";
import { createSignal, For, Show } from "solid-js";
import {
  CreateUnitMutation,
  SetBuildingActiveMutation,
  SetUnitActiveMutation,
  UpdateBuildingMutation,
  UpdateUnitMutation,
  type PlacesBuilding,
  type PlacesUnit,
} from "../../graphql/admin-places.ts";
import { formatNumber } from "../../i18n/locale.ts";
import { Link } from "../../router/router.tsx";
import { ActiveToggle, StateBadge } from "./ActiveToggle.tsx";
import { AdminForm, mutate, numberOrNull, type FieldSpec, type Values } from "./AdminForm.tsx";
import { seg, t } from "./text.ts";

const nameFields = (placeholder: string): FieldSpec[] => [
  { name: "name", label: t("name"), required: true, placeholder },
  { name: "sortOrder", label: t("sortOrder"), kind: "number" },
];

function UnitChip(props: { unit: PlacesUnit; reload: () => void }) {
  const client = useClient();
  const [editing, setEditing] = createSignal(false);
  const u = () => props.unit;
  const save = (v: Values) =>
    mutate(client, UpdateUnitMutation, { id: u().id, version: u().version, name: v.name!, sortOrder: numberOrNull(v.sortOrder) });
  return (
    <li class={u().active ? "" : "inactive"} data-testid={`unit-${u().name}`}>
      <span>{u().name}</span>
      <Show when={u().active}>
        <button type="button" class="link" onClick={() => setEditing(!editing())}>
          {t("edit")}
        </button>
      </Show>
      <ActiveToggle
        active={u().active}
        testid="unit-active"
        onDone={props.reload}
        run={(active) => mutate(client, SetUnitActiveMutation, { id: u().id, version: u().version, active })}
      />
      <Show when={editing()}>
        <AdminForm
          fields={nameFields("2单元")}
          initial={{ name: u().name, sortOrder: String(u().sortOrder) }}
          testid="edit-unit"
          onSubmit={save}
          onCancel={() => setEditing(false)}
          onDone={() => {
            setEditing(false);
            props.reload();
          }}
        />
      </Show>
    </li>
  );
}

/** One building of an estate: rename, reorder, deactivate; its units (add, rename, deactivate); a link to its households. */
export function BuildingCard(props: { estateId: string; building: PlacesBuilding; reload: () => void }) {
  const client = useClient();
  const [editing, setEditing] = createSignal(false);
  const [addingUnit, setAddingUnit] = createSignal(false);
  const b = () => props.building;
  const save = (v: Values) =>
    mutate(client, UpdateBuildingMutation, { id: b().id, version: b().version, name: v.name!, sortOrder: numberOrNull(v.sortOrder) });
  const addUnit = (v: Values) =>
    mutate(client, CreateUnitMutation, { buildingId: b().id, name: v.name!, sortOrder: numberOrNull(v.sortOrder) });
  return (
    <li class={`admin-card${b().active ? "" : " inactive"}`} data-testid={`building-${b().name}`}>
      <h3>
        <span>{b().name}</span> <StateBadge active={b().active} />
      </h3>
      <p class="muted">{t("count", { n: formatNumber(b().households.totalCount) })}</p>
      <Show when={editing()}>
        <AdminForm
          fields={nameFields("3栋")}
          initial={{ name: b().name, sortOrder: String(b().sortOrder) }}
          testid="edit-building"
          onSubmit={save}
          onCancel={() => setEditing(false)}
          onDone={() => {
            setEditing(false);
            props.reload();
          }}
        />
      </Show>
      <Show when={b().units.length}>
        <ul class="chips" aria-label={t("units")}>
          <For each={b().units}>{(u) => <UnitChip unit={u} reload={props.reload} />}</For>
        </ul>
      </Show>
      <Show when={addingUnit()}>
        <AdminForm
          fields={nameFields("2单元")}
          initial={{ name: "", sortOrder: "" }}
          testid="new-unit"
          submitLabel={t("add")}
          onSubmit={addUnit}
          onCancel={() => setAddingUnit(false)}
          onDone={() => {
            setAddingUnit(false);
            props.reload();
          }}
        />
      </Show>
      <div class="actions">
        <Link href={`/admin/places/${seg(props.estateId)}/${seg(b().id)}`} class="button" data-testid="open-building">
          {t("openHouseholds", { n: formatNumber(b().households.totalCount) })}
        </Link>
        <Show when={b().active && !editing()}>
          <button type="button" onClick={() => setEditing(true)}>
            {t("edit")}
          </button>
        </Show>
        <Show when={b().active}>
          <button type="button" data-testid="add-unit" onClick={() => setAddingUnit(!addingUnit())}>
            {t("addUnit")}
          </button>
        </Show>
        <ActiveToggle
          active={b().active}
          testid="building-active"
          onDone={props.reload}
          run={(active) => mutate(client, SetBuildingActiveMutation, { id: b().id, version: b().version, active })}
        />
      </div>
    </li>
  );
}
