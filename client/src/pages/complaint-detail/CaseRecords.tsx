import { For } from "solid-js";
import type { ComplaintDetail } from "../../graphql/complaint-detail.ts";
import { formatDateTime, formatNumber, translator } from "../../i18n/locale.ts";
import { detailLabel } from "./detail-labels.ts";
import { RecordTable, yesNo } from "./RecordTable.tsx";

const t = translator({
  attachments: ["附件 (INT-2)", "Attachments (INT-2)"],
  noAttachments: ["没有附件", "No attachments"],
  file: ["文件名", "File"],
  kind: ["类型", "Kind"],
  size: ["大小", "Size"],
  uploaded: ["上传", "Uploaded"],
  callbacks: ["回访 (CB-1…CB-7)", "Callbacks (CB-1…CB-7)"],
  noCallbacks: ["尚无回访", "No callbacks yet"],
  no: ["编号", "No."],
  seq: ["次序", "#"],
  status: ["状态", "Status"],
  method: ["方式", "Method"],
  due: ["应回访", "Due"],
  called: ["已回访", "Made"],
  who: ["回访人", "By"],
  reached: ["联系上", "Reached"],
  satisfied: ["满意", "Satisfied"],
  comment: ["意见", "Comment"],
  yes: ["是", "Yes"],
  noWord: ["否", "No"],
  overdue: ["（已逾期）", " (overdue)"],
  history: ["修订记录 (SEC-6)", "Revisions (SEC-6)"],
  noHistory: ["没有修订", "Never amended"],
  when: ["时间", "When"],
  changedBy: ["修改人", "Who"],
  reason: ["原因", "Why"],
  fields: ["字段（原值 → 新值）", "Fields (before → after)"],
});

function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${formatNumber(bytes / 1024 / 1024, 1)} MB` : `${formatNumber(Math.max(1, Math.round(bytes / 1024)))} KB`;
}

/** INT-2 evidence (names only, never the bytes), CB-* callbacks, SEC-6 revisions. */
export function CaseRecords(props: { complaint: ComplaintDetail }) {
  const c = () => props.complaint;
  return (
    <>
      <RecordTable
        title={t("attachments")}
        testid="attachments"
        rows={c().attachments}
        empty={t("noAttachments")}
        columns={[
          { head: t("file"), cell: (a) => a.fileName },
          { head: t("kind"), cell: (a) => detailLabel("AttachmentKind", a.kind) },
          { head: t("size"), cell: (a) => size(a.sizeBytes), class: "num" },
          { head: t("uploaded"), cell: (a) => `${a.uploadedBy?.displayName ?? ""} ${formatDateTime(a.uploadedAt)}` },
        ]}
      />
      <RecordTable
        title={t("callbacks")}
        testid="callbacks"
        rows={c().callbacks}
        empty={t("noCallbacks")}
        rowClass={(x) => (x.overdue ? "late" : "")}
        columns={[
          { head: t("no"), cell: (x) => x.no },
          { head: t("seq"), cell: (x) => x.sequence, class: "num" },
          { head: t("status"), cell: (x) => `${detailLabel("CallbackStatus", x.status)}${x.overdue ? t("overdue") : ""}` },
          { head: t("method"), cell: (x) => detailLabel("CallbackMethod", x.method) || "—" },
          { head: t("due"), cell: (x) => formatDateTime(x.dueAt) || "—" },
          { head: t("called"), cell: (x) => formatDateTime(x.calledAt) || "—" },
          { head: t("who"), cell: (x) => x.staff?.displayName ?? x.assignedTo?.displayName ?? "—" },
          { head: t("reached"), cell: (x) => yesNo(x.reached, t("yes"), t("noWord")) },
          { head: t("satisfied"), cell: (x) => yesNo(x.satisfied, t("yes"), t("noWord")) },
          { head: t("comment"), cell: (x) => x.comment ?? "—" },
        ]}
      />
      <RecordTable
        title={t("history")}
        testid="history"
        rows={c().history}
        empty={t("noHistory")}
        columns={[
          { head: t("when"), cell: (r) => formatDateTime(r.changedAt) },
          { head: t("changedBy"), cell: (r) => r.changedBy?.displayName ?? "—" },
          { head: t("reason"), cell: (r) => r.reason ?? "—" },
          {
            head: t("fields"),
            cell: (r) => (
              <ul class="cd-changes">
                <For each={r.changes}>
                  {(f) => (
                    <li data-field={f.field}>
                      <strong>{detailLabel("ComplaintField", f.field)}</strong>: {f.before ?? "—"} → {f.after ?? "—"}
                    </li>
                  )}
                </For>
              </ul>
            ),
          },
        ]}
      />
    </>
  );
}
