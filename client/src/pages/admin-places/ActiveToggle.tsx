import { createSignal, Show } from "solid-js";
import type { Outcome } from "./AdminForm.tsx";
import { t } from "./text.ts";

/**
 * Deactivates or reactivates one place at the version read; a refusal (what is under it is still
 * active, a stale version) is shown beside the button.
 */
export function ActiveToggle(props: { active: boolean; testid: string; run: (active: boolean) => Promise<Outcome>; onDone: () => void }) {
  const [error, setError] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  const click = async () => {
    setBusy(true);
    setError("");
    const outcome = await props.run(!props.active).finally(() => setBusy(false));
    if (outcome.ok) props.onDone();
    else setError(Object.values(outcome.problems)[0] ?? outcome.message);
  };
  return (
    <>
      <button type="button" data-testid={props.testid} disabled={busy()} onClick={() => void click()}>
        {props.active ? t("deactivate") : t("reactivate")}
      </button>
      <Show when={error()}>
        <span class="error" role="alert">
          {error()}
        </span>
      </Show>
    </>
  );
}

/** The state badge of a place. */
export function StateBadge(props: { active: boolean }) {
  return <span class={props.active ? "badge met" : "badge off"}>{props.active ? t("active") : t("inactive")}</span>;
}
