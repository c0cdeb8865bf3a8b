import { createEffect, createSignal, Show } from "solid-js";
import { translator } from "../../i18n/locale.ts";
import type { ReasonRequest } from "./cell-editing.ts";
import { Modal } from "./Modal.tsx";
import "./cell-editing.css";

const t = translator({
  title: ["修改原因", "Reason for the change"],
  intro: [
    "修改 {row} 的「{field}」。原值会保留在记录的修改历史中，并记下修改人、时间和原因。",
    "Changing “{field}” of {row}. The previous value stays in the record's history with who changed it, when and why.",
  ],
  from: ["原值", "Was"],
  to: ["新值", "Now"],
  empty: ["（空）", "(empty)"],
  reason: ["原因（必填）", "Reason (required)"],
  save: ["保存", "Save"],
  cancel: ["取消修改", "Cancel the change"],
});

/** SEC-6: an amendment says why; cancelling reverts the cell. */
export function ReasonDialog(props: { request: ReasonRequest | null }) {
  const [reason, setReason] = createSignal("");
  let input!: HTMLTextAreaElement;
  createEffect(() => {
    if (props.request) {
      setReason("");
      setTimeout(() => input?.focus(), 0);
    }
  });
  const done = (value: string | null) => props.request?.resolve(value);
  return (
    <Modal open={!!props.request} onCancel={() => done(null)} title={t("title")} data-testid="reason-dialog">
      <Show when={props.request}>
        {(r) => (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (reason().trim()) done(reason().trim());
            }}
          >
            <p class="muted">{t("intro", { row: r().rowLabel, field: r().fieldLabel })}</p>
            <dl class="change">
              <dt>{t("from")}</dt>
              <dd data-testid="reason-from">{r().from || t("empty")}</dd>
              <dt>{t("to")}</dt>
              <dd data-testid="reason-to">{r().to || t("empty")}</dd>
            </dl>
            <label>
              {t("reason")}
              <textarea
                ref={input}
                autofocus
                name="reason"
                rows={2}
                maxLength={500}
                value={reason()}
                onInput={(e) => setReason(e.currentTarget.value)}
              />
            </label>
            <div class="actions">
              <button type="button" data-testid="reason-cancel" onClick={() => done(null)}>
                {t("cancel")}
              </button>
              <button type="submit" class="primary" data-testid="reason-save" disabled={!reason().trim()}>
                {t("save")}
              </button>
            </div>
          </form>
        )}
      </Show>
    </Modal>
  );
}
