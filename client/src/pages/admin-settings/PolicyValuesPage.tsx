import { useClient } from "@urql/solid";
import { createMemo, createSignal, For, Match, Show, Switch } from "solid-js";
import { ErrorBox, Loading } from "../../components/States.tsx";
import { createLoader } from "../../components/connection/loader.ts";
import { nowMs } from "../../clock.ts";
import { PolicyValuesQuery, SetPolicyValueMutation, type AdminPolicyValue } from "../../graphql/admin-settings.ts";
import { formatDateTime, formatNumber } from "../../i18n/locale.ts";
import { AdminForm, mutate, orNull, type FieldSpec, type Outcome, type Values } from "../admin-places/AdminForm.tsx";
import { useTitle } from "../admin-places/text.ts";
import { t } from "./text.ts";
import "../admin-places/admin.css";

const UNITS = ["MINUTES", "HOURS", "DAYS", "WORKING_HOURS", "WORKING_DAYS", "PERCENT", "COUNT", "DAY_OF_MONTH"] as const;
type Unit = (typeof UNITS)[number];

const amount = (v: AdminPolicyValue) =>
  v.value == null ? "—" : `${formatNumber(v.value, Number.isInteger(v.value) ? 0 : 2)} ${v.unit ? t(v.unit as Unit) : ""}`;

function state(v: AdminPolicyValue): "inForce" | "scheduled" | "ended" {
  const from = Date.parse(v.effectiveFrom);
  const to = v.effectiveTo ? Date.parse(v.effectiveTo) : Number.POSITIVE_INFINITY;
  return from > nowMs() ? "scheduled" : to <= nowMs() ? "ended" : "inForce";
}

function ValueRow(props: { value: AdminPolicyValue }) {
  const v = () => props.value;
  const s = () => state(v());
  return (
    <li class={`admin-card${s() === "ended" ? " inactive" : ""}`}>
      <h3>
        <span>{v().estate?.name ?? t("organisation")}</span> <strong>{amount(v())}</strong>{" "}
        <span class={s() === "inForce" ? "badge met" : "badge"}>{t(s())}</span>
      </h3>
      <p class="muted">
        {formatDateTime(v().effectiveFrom)} – {v().effectiveTo ? formatDateTime(v().effectiveTo) : t("untilFurther")}
      </p>
      <Show when={v().note}>
        <p>{v().note}</p>
      </Show>
      <p class="muted">
        {t("by")}: {v().createdBy?.displayName ?? t("seed")}
      </p>
    </li>
  );
}

/** One key: the organisation default and the estate overrides, each with its period, newest last. */
function KeyCard(props: { key: string; values: AdminPolicyValue[]; pick: (key: string, unit: string) => void }) {
  return (
    <section class="card" data-testid={`policy-${props.key}`}>
      <div class="toolbar">
        <h2>{props.key}</h2>
        <button type="button" onClick={() => props.pick(props.key, props.values.at(-1)?.unit ?? "PERCENT")}>
          {t("addValue")}
        </button>
      </div>
      <ul class="admin-list">
        <For each={props.values}>{(v) => <ValueRow value={v} />}</For>
      </ul>
    </section>
  );
}

/** Issue 17 item 2, SPEC preamble and §6: policy values with their effective dates, per estate or for the organisation; a new value from a date. */
export default function PolicyValuesPage(_props: { params: Record<string, string> }) {
  const client = useClient();
  const [version, setVersion] = createSignal(0);
  const [initial, setInitial] = createSignal<Values>({ key: "", estateId: "", value: "", unit: "PERCENT", effectiveFrom: "", note: "" });
  const data = createLoader(version, async () => {
    const r = await client.query(PolicyValuesQuery, {}, { requestPolicy: "network-only" }).toPromise();
    if (r.error) throw r.error;
    return r.data!;
  });
  const byKey = createMemo(() => {
    const groups = new Map<string, AdminPolicyValue[]>();
    for (const v of data.value()?.policyValues ?? []) groups.set(v.key, [...(groups.get(v.key) ?? []), v]);
    return [...groups.entries()];
  });
  const fields = (): FieldSpec[] => [
    { name: "key", label: t("key"), kind: "select", required: true, options: byKey().map(([k]) => ({ value: k, label: k })) },
    {
      name: "estateId",
      label: t("scope"),
      kind: "select",
      options: [
        { value: "", label: t("organisation") },
        ...(data.value()?.estates.edges ?? []).map((e) => ({ value: e.node.id, label: e.node.name })),
      ],
    },
    { name: "value", label: t("value"), kind: "number", required: true },
    { name: "unit", label: t("unit"), kind: "select", options: UNITS.map((u) => ({ value: u, label: t(u) })) },
    { name: "effectiveFrom", label: `${t("from")} (${t("fromHelp")})`, kind: "datetime" },
    { name: "note", label: t("note") },
  ];
  const submit = async (v: Values): Promise<Outcome> => {
    if (!v.value?.trim() || !Number.isFinite(Number(v.value))) return { ok: false, problems: { value: t("valueRequired") }, message: "" };
    return mutate(client, SetPolicyValueMutation, {
      key: v.key || byKey()[0]?.[0] || "",
      estateId: orNull(v.estateId),
      value: Number(v.value),
      unit: v.unit as Unit,
      effectiveFrom: v.effectiveFrom ? new Date(v.effectiveFrom).toISOString() : null,
      note: orNull(v.note),
    });
  };
  useTitle(() => t("policies"));
  return (
    <section class="admin">
      <h1>{t("policies")}</h1>
      <p class="help">{t("policyHelp")}</p>
      <Switch>
        <Match when={data.error()}>
          <ErrorBox error={data.error()} retry={data.reload} />
        </Match>
        <Match when={!data.value()}>
          <Loading />
        </Match>
        <Match when={data.value()}>
          <h2 id="new-value">{t("addValue")}</h2>
          <AdminForm
            fields={fields()}
            initial={initial()}
            testid="new-policy"
            submitLabel={t("addValue")}
            onSubmit={submit}
            onDone={() => setVersion((n) => n + 1)}
          />
          <For each={byKey()}>
            {([key, values]) => (
              <KeyCard
                key={key}
                values={values}
                pick={(k, unit) => {
                  setInitial({ ...initial(), key: k, unit });
                  document.getElementById("new-value")?.scrollIntoView();
                }}
              />
            )}
          </For>
        </Match>
      </Switch>
    </section>
  );
}
