import { useClient } from "@urql/solid";
import { createSignal, For, onCleanup, Show } from "solid-js";
import { kindLabel } from "../../components/interchange/kinds.ts";
import "../../components/interchange/interchange.css";
import { ErrorBox } from "../../components/States.tsx";
import { thrownErrorText } from "../../graphql/error-text.ts";
import { ImportJobQuery, type ImportJob, type ImportOutcome, type InterchangeKind } from "../../graphql/interchange.ts";
import { translator } from "../../i18n/locale.ts";
import { ImportProgress } from "./ImportProgress.tsx";
import { ImportResult } from "./ImportResult.tsx";
import { newJobId, uploadImport } from "./upload.ts";

const t = translator({
  kind: ["文件类型", "File"],
  file: ["CSV 或 XLSX 文件", "CSV or XLSX file"],
  dryRun: ["试运行（只检查，不保存）", "Dry run (check only, keep nothing)"],
  hint: [
    "表头可用英文列名或中文别名；任何一行有问题则整个文件都不导入。",
    "Headers may be the English names or the Chinese aliases; if any row has a problem, nothing in the file is imported.",
  ],
  submit: ["导入", "Import"],
  importing: ["导入中…", "Importing…"],
});

const POLL_MS = 300;

/**
 * Upload a file with a job id of our choosing and follow `importJob(id)` every 300 ms while the
 * server checks and writes it; then the counts, or the problems (all or nothing).
 */
export function ImportForm(props: { kinds: InterchangeKind[] }) {
  const client = useClient();
  const [kind, setKind] = createSignal<InterchangeKind>(props.kinds[0]!);
  const [file, setFile] = createSignal<File | undefined>();
  const [dryRun, setDryRun] = createSignal(false);
  const [running, setRunning] = createSignal(false);
  const [job, setJob] = createSignal<ImportJob | null | undefined>();
  const [outcome, setOutcome] = createSignal<ImportOutcome | undefined>();
  const [error, setError] = createSignal<Error | undefined>();
  let timer: ReturnType<typeof setInterval> | undefined;
  onCleanup(() => clearInterval(timer));

  const poll = async (id: string) => {
    const r = await client.query(ImportJobQuery, { id }, { requestPolicy: "network-only" }).toPromise();
    if (r.data?.importJob) setJob(r.data.importJob);
  };

  async function submit(e: Event) {
    e.preventDefault();
    const f = file();
    if (!f) return;
    const jobId = newJobId();
    setRunning(true);
    setJob(null);
    setOutcome(undefined);
    setError(undefined);
    timer = setInterval(() => void poll(jobId), POLL_MS);
    try {
      setOutcome(await uploadImport({ kind: kind(), file: f, dryRun: dryRun(), jobId }));
      clearInterval(timer);
      await poll(jobId); // the final state (DONE or REJECTED), however fast the import was
    } catch (err) {
      setError(new Error(thrownErrorText(err)));
    } finally {
      clearInterval(timer);
      setRunning(false);
    }
  }

  return (
    <form class="import-form" onSubmit={submit} data-testid="import-form">
      <p class="muted">{t("hint")}</p>
      <div class="form-grid">
        <label>
          {t("kind")}
          <select name="kind" value={kind()} onChange={(e) => setKind(e.currentTarget.value as InterchangeKind)}>
            <For each={props.kinds}>{(k) => <option value={k}>{kindLabel(k)}</option>}</For>
          </select>
        </label>
        <label class="wide">
          {t("file")}
          <input
            type="file"
            name="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => setFile(e.currentTarget.files?.[0])}
          />
        </label>
        <label class="check">
          <input type="checkbox" name="dryRun" checked={dryRun()} onChange={(e) => setDryRun(e.currentTarget.checked)} />
          {t("dryRun")}
        </label>
      </div>
      <div class="actions">
        <button type="submit" class="primary" disabled={!file() || running()} data-testid="import-submit">
          {running() ? t("importing") : t("submit")}
        </button>
      </div>
      <Show when={job() !== undefined}>
        <ImportProgress job={job()} />
      </Show>
      <Show when={error()}>
        <ErrorBox error={error()} />
      </Show>
      <Show when={outcome()}>{(o) => <ImportResult outcome={o()} />}</Show>
    </form>
  );
}
