import { For, Show } from "solid-js";
import type { Figure } from "../../graphql/reports.ts";
import { downloadTable, type ExportFormat } from "../../components/export/export-grid.ts";
import { formatPercent, translator } from "../../i18n/locale.ts";
import { Link } from "../../router/router.tsx";
import { figureHref, fraction, targetText, verdict } from "../reports/figures.ts";

const t = translator({
  csv: ["CSV", "CSV"],
  xlsx: ["XLSX", "XLSX"],
  exportHint: ["导出此表", "Export this table"],
  rate: ["{h} 比率", "{h} rate"],
  numerator: ["{h} 分子", "{h} numerator"],
  denominator: ["{h} 分母", "{h} denominator"],
  target: ["{h} 目标", "{h} target"],
  result: ["{h} 结果", "{h} result"],
});

export interface FigureColumn {
  header: string;
  /** Cells are figures (rate, numerator / denominator, target badge, drill-down link). */
  figure?: boolean;
}
export type FigureCell = string | Figure | null;

/** The figure as the table shows it: the rate linking to its rows, numerator / denominator, met or missed. */
export function FigureValue(props: { figure: Figure; testid?: string }) {
  const v = () => verdict(props.figure);
  return (
    <span
      class="figure-value"
      data-testid={props.testid}
      data-numerator={props.figure.numerator}
      data-denominator={props.figure.denominator}
    >
      <Link href={figureHref(props.figure)}>{formatPercent(props.figure.rate)}</Link>
      <small class="muted">{fraction(props.figure)}</small>
      <Show when={props.figure.target != null}>
        <span class={`badge ${v().cls}`} title={targetText(props.figure)}>
          {v().text}
        </span>
      </Show>
    </span>
  );
}

/**
 * A table of §11 figures as a report shows it, with CSV/XLSX export where each figure becomes
 * its rate, numerator, denominator, target and result (numbers an analyst can compute with).
 */
export function FigureTable(props: {
  title: string;
  fileName: string;
  columns: FigureColumn[];
  rows: FigureCell[][];
  "data-testid": string;
}) {
  const save = (format: ExportFormat) => void downloadTable(exportTable(props.columns, props.rows), props.fileName, format);
  return (
    <div class="figure-table card" data-testid={props["data-testid"]}>
      <div class="figure-table-head">
        <h3>{props.title}</h3>
        <span class="no-print">
          <button type="button" title={t("exportHint")} data-testid="export-csv" onClick={() => save("csv")}>
            {t("csv")}
          </button>{" "}
          <button type="button" title={t("exportHint")} data-testid="export-xlsx" onClick={() => save("xlsx")}>
            {t("xlsx")}
          </button>
        </span>
      </div>
      <div class="figure-table-scroll">
        <table class="table">
          <thead>
            <tr>
              <For each={props.columns}>
                {(c) => (
                  <th scope="col" classList={{ num: c.figure }}>
                    {c.header}
                  </th>
                )}
              </For>
            </tr>
          </thead>
          <tbody>
            <For each={props.rows}>{(row) => <FigureRow row={row} columns={props.columns} />}</For>
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** One row: its label as the row header, then text or figures (a missing figure as a dash). */
function FigureRow(props: { row: FigureCell[]; columns: FigureColumn[] }) {
  return (
    <tr>
      <For each={props.row}>
        {(cell, i) =>
          i() === 0 ? (
            <th scope="row">{typeof cell === "string" ? cell : ""}</th>
          ) : (
            <td classList={{ num: props.columns[i()]?.figure }}>
              {cell == null ? props.columns[i()]?.figure ? "—" : "" : typeof cell === "string" ? cell : <FigureValue figure={cell} />}
            </td>
          )
        }
      </For>
    </tr>
  );
}

/** The table as exported: each figure column becomes rate, numerator, denominator, target and result. */
function exportTable(columns: FigureColumn[], rows: FigureCell[][]) {
  const headers = columns.flatMap((c) =>
    c.figure
      ? [
          t("rate", { h: c.header }),
          t("numerator", { h: c.header }),
          t("denominator", { h: c.header }),
          t("target", { h: c.header }),
          t("result", { h: c.header }),
        ]
      : [c.header],
  );
  const cells = rows.map((r) =>
    columns.flatMap((c, i) => {
      const cell = r[i];
      if (!c.figure) return [typeof cell === "string" ? cell : ""];
      if (!cell || typeof cell === "string") return ["", "", "", "", ""];
      return [
        formatPercent(cell.rate),
        String(cell.numerator),
        String(cell.denominator),
        targetText(cell),
        cell.target != null ? verdict(cell).text : "",
      ];
    }),
  );
  return { headers, rows: cells };
}
