import { For, Show } from "solid-js";
import { translator } from "../../i18n/locale.ts";
import type { CellError } from "./cell-editing.ts";
import "./cell-editing.css";

const t = translator({
  saving: ["保存中…", "Saving…"],
  refused: ["{row} 的「{field}」未保存：{message}", "{field} of {row} was not saved: {message}"],
  typed: ["您输入的值：", "You typed: "],
  dismiss: ["知道了", "Dismiss"],
});

/** Under the grid: edits being saved, and every refused edit with the value that was typed. */
export function CellEditStatus(props: { errors: CellError[]; saving: number; onDismiss: (key: string) => void }) {
  return (
    <div class="cell-edit-status" aria-live="polite">
      <Show when={props.saving > 0}>
        <span class="muted" data-testid="cell-saving">
          {t("saving")}
        </span>
      </Show>
      <For each={props.errors}>
        {(e) => (
          <p class="cell-edit-error" role="alert" data-testid="cell-error">
            <span>{t("refused", { row: e.rowLabel, field: e.fieldLabel, message: e.message })}</span>
            <Show when={e.value}>
              <span class="muted">
                {" "}
                {t("typed")}
                <q>{e.value}</q>
              </span>
            </Show>
            <button type="button" class="link" onClick={() => props.onDismiss(e.key)}>
              {t("dismiss")}
            </button>
          </p>
        )}
      </For>
    </div>
  );
}
