import { For, Match, Show, Switch } from "solid-js";
import { downloadTable } from "../../components/export/export-grid.ts";
import type { ImportOutcome, ImportProblem } from "../../graphql/interchange.ts";
import { formatNumber, translator } from "../../i18n/locale.ts";

const t = translator({
  done: ["导入完成：共 {total} 行。", "Imported: {total} rows."],
  dryRun: [
    "试运行：已检查全部 {total} 行，未保存任何数据。正式导入将：",
    "Dry run: all {total} rows checked, nothing was kept. A real import would:",
  ],
  created: ["新增", "Created"],
  updated: ["更新", "Updated"],
  unchanged: ["未变", "Unchanged"],
  ignored: ["以下列不属于交换格式，已忽略：{cols}", "These columns are not part of the layout and were ignored: {cols}"],
  rejected: [
    "文件中有 {rows} 行存在 {n} 个问题。导入是全部或全不：未写入任何数据。请修改文件后重新导入。",
    "{n} problems in {rows} rows. An import is all or nothing: nothing was written. Correct the file and import it again.",
  ],
  line: ["行号", "Line"],
  column: ["列", "Column"],
  reason: ["原因", "Reason"],
  wholeFile: ["（整个文件）", "(the whole file)"],
  more: ["另有 {n} 个问题未列出，请下载问题清单。", "{n} more problems are not listed: download the list."],
  downloadProblems: ["下载问题清单（CSV）", "Download the problems (CSV)"],
  refused: ["导入被拒绝：{message}", "Import refused: {message}"],
  problemsFile: ["导入问题", "import-problems"],
});

const SHOWN = 500;

/** SPEC §13: the counts of an import, or every bad row (line, column, reason) with nothing written. */
export function ImportResult(props: { outcome: ImportOutcome }) {
  const o = () => props.outcome;
  return (
    <div class="import-result" data-testid="import-result" data-outcome={o().__typename}>
      <Switch>
        <Match when={o().__typename === "MutationImportFileSuccess" && (o() as Extract<ImportOutcome, { data: unknown }>).data}>
          {(d) => <ImportCounts data={d()} />}
        </Match>
        <Match when={o().__typename === "ImportRejected" && (o() as Extract<ImportOutcome, { __typename: "ImportRejected" }>)}>
          {(r) => <ImportProblems rejected={r()} />}
        </Match>
        <Match when={true}>
          <p class="error" role="alert">
            {t("refused", { message: (o() as { message: string }).message })}
          </p>
        </Match>
      </Switch>
    </div>
  );
}

type ImportData = NonNullable<Extract<ImportOutcome, { data: unknown }>["data"]>;

/** A file taken (or checked in a dry run): rows created, updated and unchanged, and the columns ignored. */
function ImportCounts(props: { data: ImportData }) {
  const d = () => props.data;
  return (
    <>
      <p class="ok">
        {d().dryRun ? t("dryRun", { total: formatNumber(d().totalRows) }) : t("done", { total: formatNumber(d().totalRows) })}
      </p>
      <div class="stats import-counts">
        <div class="card stat" data-testid="count-created">
          <span class="muted">{t("created")}</span>
          <strong>{formatNumber(d().created)}</strong>
        </div>
        <div class="card stat" data-testid="count-updated">
          <span class="muted">{t("updated")}</span>
          <strong>{formatNumber(d().updated)}</strong>
        </div>
        <div class="card stat" data-testid="count-unchanged">
          <span class="muted">{t("unchanged")}</span>
          <strong>{formatNumber(d().unchanged)}</strong>
        </div>
      </div>
      <Show when={d().ignoredColumns.length}>
        <p class="warn">{t("ignored", { cols: d().ignoredColumns.join(", ") })}</p>
      </Show>
    </>
  );
}

/** A file refused: the first problems by line and column, and all of them as a CSV to download. */
function ImportProblems(props: { rejected: Extract<ImportOutcome, { __typename: "ImportRejected" }> }) {
  const r = () => props.rejected;
  const problems = (): ImportProblem[] => r().problems;
  const downloadProblems = () =>
    void downloadTable(
      { headers: [t("line"), t("column"), t("reason")], rows: problems().map((p) => [String(p.line), p.column, p.reason]) },
      t("problemsFile"),
      "csv",
    );
  return (
    <>
      <p class="error" role="alert" data-testid="import-rejected">
        {t("rejected", { n: formatNumber(r().problemCount), rows: formatNumber(r().rowsWithProblems) })}
      </p>
      <table class="table problems" data-testid="import-problems">
        <thead>
          <tr>
            <th class="num">{t("line")}</th>
            <th>{t("column")}</th>
            <th>{t("reason")}</th>
          </tr>
        </thead>
        <tbody>
          <For each={r().problems.slice(0, SHOWN)}>
            {(p) => (
              <tr>
                <td class="num">{p.line}</td>
                <td>{p.column || t("wholeFile")}</td>
                <td>{p.reason}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
      <Show when={r().problemCount > SHOWN}>
        <p class="muted">{t("more", { n: formatNumber(r().problemCount - SHOWN) })}</p>
      </Show>
      <p>
        <button type="button" onClick={downloadProblems}>
          {t("downloadProblems")}
        </button>
      </p>
    </>
  );
}
