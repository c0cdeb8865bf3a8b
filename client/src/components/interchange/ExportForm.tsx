import type { Client } from "@urql/core";
import { createQuery, useClient } from "@urql/solid";
import { createSignal, For, Show } from "solid-js";
import { base64ToBlob, saveBlob } from "../export/export-grid.ts";
import { EstateOptionsQuery } from "../../graphql/complaints.ts";
import {
  ExportFileQuery,
  MyApprovalsQuery,
  type ExportedFile,
  type ExportInput,
  type InterchangeFormat,
  type InterchangeKind,
} from "../../graphql/interchange.ts";
import { formatDate, formatNumber, translator } from "../../i18n/locale.ts";
import { ErrorBox } from "../States.tsx";
import { dayStart } from "./period.ts";
import { kindLabel } from "./kinds.ts";
import "./interchange.css";

const t = translator({
  kind: ["文件", "File"],
  format: ["格式", "Format"],
  estate: ["项目", "Estate"],
  allEstates: ["我范围内的全部项目", "All estates in my scope"],
  from: ["从（含）", "From (inclusive)"],
  to: ["至（含）", "To (inclusive)"],
  purpose: ["导出用途（必填，记入访问日志）", "Purpose (required, written to the access log)"],
  approval: ["导出审批", "Export approval"],
  noApproval: ["不使用审批：个人信息脱敏导出", "None: personal data exported masked"],
  approvalsFailed: ["无法加载您的审批申请", "Could not load your approval requests"],
  until: ["有效至 {date}", "valid until {date}"],
  chinese: ["使用中文表头", "Chinese column headers"],
  submit: ["导出并下载", "Export and download"],
  exporting: ["导出中…", "Exporting…"],
  done: ["已导出 {n} 行到 {file}。", "Exported {n} rows to {file}."],
  masked: ["个人信息已脱敏（未使用导出审批）。", "Personal data is masked (no export approval applied)."],
  raw: ["以下字段按审批未脱敏导出：{fields}", "Exported unmasked under the approval: {fields}"],
});

export interface ExportDefaults {
  estateId?: string;
  from?: string;
  to?: string;
}

/** The user's approved EXPORT_CLASSIFIED requests to export under, or none (masked). */
function ApprovalSelect(props: { value: string; onChange: (id: string) => void }) {
  const [approvals] = createQuery({ query: MyApprovalsQuery });
  const usable = () =>
    approvals.data?.approvals.edges.map((e) => e.node).filter((a) => a.kind === "EXPORT_CLASSIFIED" && a.status === "APPROVED") ?? [];
  return (
    <label class="wide">
      {t("approval")}
      <select name="approval" value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)} data-testid="export-approval">
        <option value="">{t("noApproval")}</option>
        <For each={usable()}>
          {(a) => (
            <option value={a.id}>
              {a.purpose}
              {a.grantedUntil ? ` (${t("until", { date: formatDate(a.grantedUntil) })})` : ""}
            </option>
          )}
        </For>
      </select>
      <Show when={approvals.error}>
        <span class="error">{t("approvalsFailed")}</span>
      </Show>
    </label>
  );
}

/** What the export wrote: its rows and file, and whether personal data came out masked. */
function ExportResult(props: { file: ExportedFile }) {
  return (
    <div class="export-result" data-testid="export-result">
      <p class="ok">{t("done", { n: formatNumber(props.file.rowCount), file: props.file.fileName })}</p>
      <p data-testid="export-raw" classList={{ muted: props.file.rawFields.length === 0 }}>
        {props.file.rawFields.length === 0 ? t("masked") : t("raw", { fields: props.file.rawFields.join(", ") })}
      </p>
    </div>
  );
}

/**
 * SPEC §13, SEC-3: the interchange export of one file. Personal data comes out masked unless the
 * user names one of their approved EXPORT_CLASSIFIED requests; the server decides and says which
 * fields it wrote unmasked (`rawFields`), and logs the export with its purpose.
 */
export function ExportForm(props: { kinds: InterchangeKind[]; defaults?: ExportDefaults; "data-testid"?: string }) {
  const client = useClient();
  const [kind, setKind] = createSignal<InterchangeKind>(props.kinds[0]!);
  const [format, setFormat] = createSignal<InterchangeFormat>("CSV");
  const [estateId, setEstateId] = createSignal(props.defaults?.estateId ?? "");
  const [from, setFrom] = createSignal(props.defaults?.from ?? "");
  const [to, setTo] = createSignal(props.defaults?.to ?? "");
  const [purpose, setPurpose] = createSignal("");
  const [approvalId, setApprovalId] = createSignal("");
  const [chinese, setChinese] = createSignal(false);
  const { busy, error, result, run } = createExport(client);

  function submit(e: Event) {
    e.preventDefault();
    void run(
      exportInput({
        kind: kind(),
        format: format(),
        purpose: purpose(),
        chinese: chinese(),
        estateId: estateId(),
        approvalId: approvalId(),
        from: from(),
        to: to(),
      }),
    );
  }

  return (
    <form class="export-form" onSubmit={submit} data-testid={props["data-testid"] ?? "export-form"}>
      <div class="form-grid">
        <Show when={props.kinds.length > 1}>
          <KindSelect kinds={props.kinds} value={kind()} onChange={setKind} />
        </Show>
        <label>
          {t("format")}
          <select name="format" value={format()} onChange={(e) => setFormat(e.currentTarget.value as InterchangeFormat)}>
            <option value="CSV">CSV</option>
            <option value="XLSX">XLSX</option>
          </select>
        </label>
        <EstateSelect value={estateId()} onChange={setEstateId} />
        <label>
          {t("from")}
          <input type="date" name="from" value={from()} onInput={(e) => setFrom(e.currentTarget.value)} />
        </label>
        <label>
          {t("to")}
          <input type="date" name="to" value={to()} onInput={(e) => setTo(e.currentTarget.value)} />
        </label>
        <ApprovalSelect value={approvalId()} onChange={setApprovalId} />
        <label class="wide">
          {t("purpose")}
          <input name="purpose" required maxLength={500} value={purpose()} onInput={(e) => setPurpose(e.currentTarget.value)} />
        </label>
        <label class="check">
          <input type="checkbox" name="chinese" checked={chinese()} onChange={(e) => setChinese(e.currentTarget.checked)} />
          {t("chinese")}
        </label>
      </div>
      <div class="actions">
        <button type="submit" class="primary" disabled={busy() || !purpose().trim()} data-testid="export-submit">
          {busy() ? t("exporting") : t("submit")}
        </button>
      </div>
      <Show when={error()}>
        <ErrorBox error={error()} />
      </Show>
      <Show when={result()}>{(r) => <ExportResult file={r()} />}</Show>
    </form>
  );
}

/** Asks the server for the file and saves it; what it said (the file's facts, or the error) stays for the form to show. */
function createExport(client: Client) {
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<Error | undefined>();
  const [result, setResult] = createSignal<ExportedFile | undefined>();
  async function run(input: ExportInput) {
    setBusy(true);
    setError(undefined);
    setResult(undefined);
    const r = await client.query(ExportFileQuery, { input }, { requestPolicy: "network-only" }).toPromise();
    setBusy(false);
    if (r.error || !r.data) return setError(r.error ?? new Error("No data"));
    const file = r.data.exportFile;
    setResult(file);
    saveBlob(base64ToBlob(file.contentBase64, file.mimeType), file.fileName);
  }
  return { busy, error, result, run };
}

/** The form's values as the exportFile input: the dates as the start of the day (the end's next day), empty ones left out. */
function exportInput(v: {
  kind: InterchangeKind;
  format: InterchangeFormat;
  purpose: string;
  chinese: boolean;
  estateId: string;
  approvalId: string;
  from: string;
  to: string;
}): ExportInput {
  const input: ExportInput = { kind: v.kind, format: v.format, purpose: v.purpose.trim(), chineseHeaders: v.chinese };
  if (v.estateId) input.estateId = v.estateId;
  if (v.approvalId) input.approvalId = v.approvalId;
  if (dayStart(v.from)) input.from = dayStart(v.from);
  if (dayStart(v.to, 1)) input.to = dayStart(v.to, 1);
  return input;
}

/** Which file of the layout to write, when the page offers more than one. */
function KindSelect(props: { kinds: InterchangeKind[]; value: InterchangeKind; onChange: (k: InterchangeKind) => void }) {
  return (
    <label>
      {t("kind")}
      <select name="kind" value={props.value} onChange={(e) => props.onChange(e.currentTarget.value as InterchangeKind)}>
        <For each={props.kinds}>{(k) => <option value={k}>{kindLabel(k)}</option>}</For>
      </select>
    </label>
  );
}

/** One estate of the user's scope, or all of them. */
function EstateSelect(props: { value: string; onChange: (id: string) => void }) {
  const [estates] = createQuery({ query: EstateOptionsQuery });
  return (
    <label>
      {t("estate")}
      <select name="estate" value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
        <option value="">{t("allEstates")}</option>
        <For each={estates.data?.estates.edges}>{(e) => <option value={e.node.id}>{e.node.name}</option>}</For>
      </select>
    </label>
  );
}
