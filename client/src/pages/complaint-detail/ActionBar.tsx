import { createSignal, For, Show } from "solid-js";
import type { ComplaintDetail } from "../../graphql/complaint-detail.ts";
import { pick, translator } from "../../i18n/locale.ts";
import { Link } from "../../router/router.tsx";
import { useSession } from "../../session/session.tsx";
import { ActionDialog } from "./ActionDialog.tsx";
import { ACTIONS, offeredActions } from "./actions.ts";
import { draft } from "./drafts.ts";

const t = translator({
  title: ["操作", "Actions"],
  none: ["当前状态下没有可执行的操作", "Nothing can be done in this status"],
  verify: ["回访核实 (CB-6)：在回访台账记录回访结果", "Verification (CB-6): record the callback's outcome in the callbacks ledger"],
  deemed: ["开发商逾期未答复时系统自动视为接受 (WF-5)", "If the developer does not answer in time, the system deems it accepted (WF-5)"],
  draftKept: ["有未提交的内容", "has unsent input"],
  done: ["已保存：{action}", "Saved: {action}"],
});

/** The actions the complaint's status allows, for accounts that may change complaints (complaints:write). */
export function ActionBar(props: { complaint: ComplaintDetail; onChanged: () => void }) {
  const session = useSession();
  const [open, setOpen] = createSignal<string | null>(null);
  const [done, setDone] = createSignal<string>();
  const offered = () => offeredActions(props.complaint);
  const openAction = () => (open() ? ACTIONS[open()!] : undefined);
  return (
    <Show when={session.can("complaints:write")}>
      <section class="card cd-actions" data-testid="actions">
        <strong>{t("title")}</strong>
        <For each={offered()} fallback={<span class="muted">{t("none")}</span>}>
          {(a) => (
            <button
              type="button"
              data-testid={`action-${a.key}`}
              classList={{ primary: props.complaint.availableActions.includes(a.key) }}
              onClick={() => {
                setDone(undefined);
                setOpen(a.key);
              }}
            >
              {pick(a.label)}
              <Show when={draft(props.complaint.id, a.key)}>
                <span class="cd-dot" title={t("draftKept")}>
                  •
                </span>
              </Show>
            </button>
          )}
        </For>
        <Show when={props.complaint.availableActions.includes("VERIFY")}>
          <Link href="/callbacks" class="small">
            {t("verify")}
          </Link>
        </Show>
        <Show when={props.complaint.availableActions.includes("DEEM_ACCEPTED")}>
          <span class="muted small">{t("deemed")}</span>
        </Show>
        <Show when={done()}>
          <span class="ok" role="status" data-testid="action-done">
            {done()}
          </span>
        </Show>
      </section>
      <Show when={openAction()}>
        {(a) => (
          <ActionDialog
            action={a()}
            complaint={props.complaint}
            onClose={() => setOpen(null)}
            onChanged={() => {
              props.onChanged();
            }}
            onSaved={() => setDone(t("done", { action: pick(a().label) }))}
          />
        )}
      </Show>
    </Show>
  );
}
