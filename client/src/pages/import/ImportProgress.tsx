import { Show } from "solid-js";
import type { ImportJob } from "../../graphql/interchange.ts";
import { formatNumber, translator } from "../../i18n/locale.ts";

const t = translator({
  uploading: ["正在上传文件…", "Uploading the file…"],
  CHECKING: ["检查中", "Checking"],
  WRITING: ["写入中", "Writing"],
  DONE: ["完成", "Done"],
  REJECTED: ["已拒绝", "Rejected"],
  FAILED: ["失败", "Failed"],
  rows: ["{done} / {total} 行", "{done} / {total} rows"],
});

/** The import's progress as the server reports it (importJob), polled while the upload runs. */
export function ImportProgress(props: { job: ImportJob | null | undefined }) {
  return (
    <div class="import-progress" data-testid="import-progress">
      <Show
        when={props.job}
        fallback={
          <>
            <progress aria-label={t("uploading")} /> <span class="muted">{t("uploading")}</span>
          </>
        }
      >
        {(job) => (
          <>
            <progress
              classList={{ failed: job().status === "REJECTED" || job().status === "FAILED" }}
              max={Math.max(job().totalRows, 1)}
              value={job().status === "DONE" ? Math.max(job().totalRows, 1) : job().processedRows}
              aria-label={t(job().status)}
            />
            <span
              data-testid="import-status"
              data-status={job().status}
              classList={{ ok: job().status === "DONE", error: job().status === "REJECTED" || job().status === "FAILED" }}
            >
              {t(job().status)}
            </span>
            <span class="muted">{t("rows", { done: formatNumber(job().processedRows), total: formatNumber(job().totalRows) })}</span>
          </>
        )}
      </Show>
    </div>
  );
}
