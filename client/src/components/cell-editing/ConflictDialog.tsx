import { Show } from "solid-js";
import { translator } from "../../i18n/locale.ts";
import type { ConflictRequest } from "./cell-editing.ts";
import { Modal } from "./Modal.tsx";
import "./cell-editing.css";

const t = translator({
  title: ["记录已被他人修改", "Someone else changed this record"],
  intro: [
    "您编辑 {row} 的「{field}」期间，这条记录已被修改，您的值尚未保存。请选择保留哪一个。",
    "While you were editing “{field}” of {row}, the record was changed; your value has not been saved yet. Choose which to keep.",
  ],
  mine: ["您的值", "Your value"],
  theirs: ["服务器上的当前值", "Current value on the server"],
  empty: ["（空）", "(empty)"],
  keepMine: ["保留我的值", "Keep mine"],
  takeTheirs: ["采用服务器的值", "Take the server's value"],
});

/**
 * A stale version (optimistic concurrency): the user's value beside the server's current one.
 * "Keep mine" saves it again on the current version; "take theirs" drops the edit. Escape does
 * nothing: the choice must be made, so nothing typed is lost silently.
 */
export function ConflictDialog(props: { conflict: ConflictRequest | null }) {
  return (
    <Modal open={!!props.conflict} onCancel={() => {}} title={t("title")} data-testid="conflict-dialog">
      <Show when={props.conflict}>
        {(c) => (
          <>
            <p class="muted">{t("intro", { row: c().rowLabel, field: c().fieldLabel })}</p>
            <table class="table conflict">
              <thead>
                <tr>
                  <th>{t("mine")}</th>
                  <th>{t("theirs")}</th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <td data-testid="conflict-mine">{c().mine || t("empty")}</td>
                  <td data-testid="conflict-theirs">{c().theirs || t("empty")}</td>
                </tr>
              </tbody>
            </table>
            <div class="actions">
              <button type="button" data-testid="conflict-theirs-button" onClick={() => c().resolve("theirs")}>
                {t("takeTheirs")}
              </button>
              <button type="button" class="primary" data-testid="conflict-mine-button" onClick={() => c().resolve("mine")}>
                {t("keepMine")}
              </button>
            </div>
          </>
        )}
      </Show>
    </Modal>
  );
}
