import { createMutation, createQuery } from "@urql/solid";
import { createSignal, For, Show } from "solid-js";
import { CreateVisitPlanMutation, OfficesQuery, type VisitPlan } from "../../graphql/visits.ts";
import { setSearchParams } from "../../router/router.tsx";
import { requestErrorText } from "../../graphql/error-text.ts";
import { currentMonth } from "../../components/calendar/month.ts";
import type { MutationPayload } from "../../components/row-editing/payload.ts";
import { enumLabel, t } from "./text.ts";

export const planLabel = (p: VisitPlan) =>
  `${p.estate.name} · ${p.office.name} · ${p.month.slice(0, 7)} · ${enumLabel("VisitPlanStatus", p.status)}`;

/**
 * The plan whose visits are shown (kept in the address), and for users who may write, a button
 * per office of their estates that has no plan for this month yet (VIS-1).
 */
export function PlanPicker(props: { plans: VisitPlan[]; selected: string; canWrite: boolean; onCreated: (planId: string) => void }) {
  const [offices] = createQuery({ query: OfficesQuery, pause: () => !props.canWrite });
  const [, create] = createMutation(CreateVisitPlanMutation);
  const [error, setError] = createSignal("");
  const month = () => currentMonth();
  const unplanned = () => {
    const planned = new Set(props.plans.filter((p) => p.month.startsWith(month())).map((p) => p.office.id));
    return (offices.data?.estates.edges ?? []).flatMap((e) => e.node.offices).filter((o) => !planned.has(o.id));
  };
  const plan = async (officeId: string) => {
    setError("");
    const r = await create({ input: { officeId, month: `${month()}-01` } });
    const payload: MutationPayload<{ id: string }> | undefined = r.data?.createVisitPlan;
    if (payload?.data) props.onCreated(payload.data.id);
    else setError(payload?.message ?? (r.error ? requestErrorText(r.error) : ""));
  };
  return (
    <>
      <label>
        {t("plan")}{" "}
        <select data-testid="plan" onChange={(e) => setSearchParams({ plan: e.currentTarget.value })}>
          <For each={props.plans}>
            {(p) => (
              <option value={p.id} selected={p.id === props.selected}>
                {planLabel(p)}
              </option>
            )}
          </For>
        </select>
      </label>
      <For each={unplanned()}>
        {(o) => (
          <button type="button" data-testid="create-plan" onClick={() => void plan(o.id)}>
            {t("createPlan", { office: o.name, month: month() })}
          </button>
        )}
      </For>
      <Show when={error()}>
        <span class="error" role="alert">
          {error()}
        </span>
      </Show>
    </>
  );
}
