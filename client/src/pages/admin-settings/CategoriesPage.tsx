import { useClient } from "@urql/solid";
import { createSignal, For, Match, Show, Switch } from "solid-js";
import { ErrorBox, Loading } from "../../components/States.tsx";
import { createLoader } from "../../components/connection/loader.ts";
import { CategoryTreeQuery, CreateCategoryMutation, UpdateCategoryMutation, type AdminCategory } from "../../graphql/admin-settings.ts";
import { AdminForm, mutate, type FieldSpec, type Outcome, type Values } from "../admin-places/AdminForm.tsx";
import { useTitle } from "../admin-places/text.ts";
import { t } from "./text.ts";
import "../admin-places/admin.css";

type Node = Pick<AdminCategory, "id" | "code" | "name" | "active" | "version" | "sortOrder">;

const newFields: FieldSpec[] = [
  { name: "code", label: t("code"), required: true, placeholder: "ENG-LEAK" },
  { name: "name", label: t("name"), required: true },
];
const renameFields: FieldSpec[] = [{ name: "name", label: t("name"), required: true }];

/** One category: rename, deactivate or reactivate (deactivating a first-level one needs its subcategories deactivated first). */
function CategoryLine(props: { node: Node; reload: () => void }) {
  const client = useClient();
  const [renaming, setRenaming] = createSignal(false);
  const [error, setError] = createSignal("");
  const n = () => props.node;
  const update = (input: { name?: string; active?: boolean }) =>
    mutate(client, UpdateCategoryMutation, { id: n().id, version: n().version, ...input });
  const toggle = async () => {
    setError("");
    const outcome: Outcome = await update({ active: !n().active });
    if (outcome.ok) props.reload();
    else setError(Object.values(outcome.problems)[0] ?? outcome.message);
  };
  return (
    <div class="actions" data-testid={`category-${n().code}`}>
      <strong class={n().active ? "" : "muted"}>{n().name}</strong> <span class="muted">{n().code}</span>
      <Show when={!n().active}>
        <span class="badge off">{t("inactive")}</span>
      </Show>
      <button type="button" class="link" onClick={() => setRenaming(!renaming())}>
        {t("rename")}
      </button>
      <button type="button" class="link" onClick={() => void toggle()}>
        {n().active ? t("deactivate") : t("reactivate")}
      </button>
      <Show when={error()}>
        <span class="error" role="alert">
          {error()}
        </span>
      </Show>
      <Show when={renaming()}>
        <AdminForm
          fields={renameFields}
          initial={{ name: n().name }}
          testid="rename-category"
          onSubmit={(v) => update({ name: v.name! })}
          onCancel={() => setRenaming(false)}
          onDone={() => {
            setRenaming(false);
            props.reload();
          }}
        />
      </Show>
    </div>
  );
}

function TopCard(props: { top: AdminCategory; reload: () => void }) {
  const client = useClient();
  const [adding, setAdding] = createSignal(false);
  const add = (v: Values) => mutate(client, CreateCategoryMutation, { parentId: props.top.id, code: v.code!, name: v.name! });
  return (
    <li class={`admin-card${props.top.active ? "" : " inactive"}`}>
      <CategoryLine node={props.top} reload={props.reload} />
      <ul class="admin-tree">
        <For each={props.top.children}>
          {(c) => (
            <li>
              <CategoryLine node={c} reload={props.reload} />
            </li>
          )}
        </For>
      </ul>
      <Show when={props.top.active}>
        <div class="actions">
          <button type="button" onClick={() => setAdding(!adding())}>
            {t("addChild")}
          </button>
        </div>
      </Show>
      <Show when={adding()}>
        <AdminForm
          fields={newFields}
          initial={{ code: `${props.top.code}-`, name: "" }}
          testid="new-subcategory"
          submitLabel={t("add")}
          onSubmit={add}
          onCancel={() => setAdding(false)}
          onDone={() => {
            setAdding(false);
            props.reload();
          }}
        />
      </Show>
    </li>
  );
}

/** Issue 17 item 2, CLS-4: the two-level category tree edited in the app — add, rename, deactivate, reactivate. */
export default function CategoriesPage(_props: { params: Record<string, string> }) {
  const client = useClient();
  const [version, setVersion] = createSignal(0);
  const [adding, setAdding] = createSignal(false);
  const data = createLoader(version, async () => {
    const r = await client.query(CategoryTreeQuery, {}, { requestPolicy: "network-only" }).toPromise();
    if (r.error) throw r.error;
    return r.data!.categories;
  });
  const reload = () => setVersion((n) => n + 1);
  const add = (v: Values) => mutate(client, CreateCategoryMutation, { code: v.code!, name: v.name! });
  useTitle(() => t("categories"));
  return (
    <section class="admin">
      <h1>{t("categories")}</h1>
      <p class="help">{t("categoryHelp")}</p>
      <div class="toolbar">
        <button type="button" class="primary" onClick={() => setAdding(!adding())}>
          {t("addTop")}
        </button>
      </div>
      <Show when={adding()}>
        <AdminForm
          fields={newFields}
          initial={{ code: "", name: "" }}
          testid="new-category"
          submitLabel={t("add")}
          onSubmit={add}
          onCancel={() => setAdding(false)}
          onDone={() => {
            setAdding(false);
            reload();
          }}
        />
      </Show>
      <Switch>
        <Match when={data.error()}>
          <ErrorBox error={data.error()} retry={data.reload} />
        </Match>
        <Match when={!data.value()}>
          <Loading />
        </Match>
        <Match when={data.value()}>
          <ul class="admin-list" data-testid="categories">
            <For each={data.value()}>{(top) => <TopCard top={top} reload={reload} />}</For>
          </ul>
        </Match>
      </Switch>
    </section>
  );
}
