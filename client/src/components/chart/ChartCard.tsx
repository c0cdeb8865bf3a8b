import type { CombinedError } from "@urql/core";
import { Chart as ChartJS, type ChartConfiguration, type ChartType } from "chart.js";
import { createSignal, createUniqueId, For, Match, onCleanup, Show, Switch } from "solid-js";
import { translator } from "../../i18n/locale.ts";
import { Link } from "../../router/router.tsx";
import { Empty, ErrorBox, Loading } from "../States.tsx";
import { Chart, downloadChartPng, type ChartPick } from "./Chart.tsx";
import "./chart-card.css";

const t = translator({
  showTable: ["数据表", "Data table"],
  hideTable: ["隐藏数据表", "Hide data table"],
  png: ["PNG", "PNG"],
  pngTitle: ["下载图表图片", "Download the chart as an image"],
});

// Charts speak the page's font (CJK labels included) instead of chart.js's Helvetica.
if (globalThis.document)
  ChartJS.defaults.font.family = getComputedStyle(document.documentElement).fontFamily || ChartJS.defaults.font.family;

/** A table cell: text, or text linking somewhere (a drill-down). */
export type TableCell = string | { text: string; href: string };

export interface ChartTable {
  headers: string[];
  rows: TableCell[][];
}

export interface ChartCardProps<K extends ChartType> {
  title: string;
  /** The PNG's file name, without extension. */
  fileName: string;
  config: () => ChartConfiguration<K>;
  /** The chart's figures as a table (accessible alternative; numbers an analyst can copy). */
  table: () => ChartTable;
  onPick?: (pick: ChartPick) => void;
  loading?: boolean;
  error?: CombinedError | Error;
  retry?: () => void;
  empty?: boolean;
  emptyText?: string;
  height?: string;
  /** More classes for the card (e.g. to span the report's grid). */
  class?: string;
  "data-testid": string;
}

/**
 * A chart with its title, a PNG button and a data-table toggle, and its loading, error and empty
 * states. The chart.js instance is kept on the canvas (`__chart`) for the browser tests, which
 * compute where a bar is drawn to click it.
 */
export function ChartCard<K extends ChartType>(props: ChartCardProps<K>) {
  const [chart, setChart] = createSignal<ChartJS<K>>();
  const [tableShown, setTableShown] = createSignal(false);
  const tableId = createUniqueId();
  const ready = (c: ChartJS<K>) => {
    (c.canvas as HTMLCanvasElement & { __chart?: unknown }).__chart = c;
    setChart(() => c);
  };
  return (
    <figure class={`card chart-card ${props.class ?? ""}`} data-testid={props["data-testid"]} aria-busy={props.loading ? "true" : "false"}>
      <header class="chart-card-head">
        <figcaption>{props.title}</figcaption>
        <span class="chart-card-actions">
          <button
            type="button"
            class="link"
            aria-expanded={tableShown()}
            aria-controls={tableId}
            data-testid="toggle-table"
            onClick={() => setTableShown(!tableShown())}
          >
            {tableShown() ? t("hideTable") : t("showTable")}
          </button>
          <button
            type="button"
            title={t("pngTitle")}
            data-testid="png"
            disabled={!chart()}
            onClick={() => chart() && downloadChartPng(chart() as unknown as ChartJS, props.fileName)}
          >
            {t("png")}
          </button>
        </span>
      </header>
      <Switch
        fallback={
          <ChartView
            config={props.config}
            onPick={props.onPick}
            onReady={ready}
            onGone={() => setChart(undefined)}
            height={props.height}
            title={props.title}
          />
        }
      >
        <Match when={props.error}>
          <ErrorBox error={props.error} retry={props.retry} />
        </Match>
        <Match when={props.loading}>
          <Loading />
        </Match>
        <Match when={props.empty}>
          <Empty>{props.emptyText}</Empty>
        </Match>
      </Switch>
      <Show when={tableShown()}>
        <DataTable id={tableId} title={props.title} table={props.table()} />
      </Show>
    </figure>
  );
}

/** The chart's figures as a table: the first column the labels, the others numbers (a cell may link to a drill-down). */
function DataTable(props: { id: string; title: string; table: ChartTable }) {
  return (
    <div class="chart-card-table" id={props.id}>
      <table class="table" data-testid="chart-table">
        <caption class="sr-only">{props.title}</caption>
        <thead>
          <tr>
            <For each={props.table.headers}>{(h) => <th scope="col">{h}</th>}</For>
          </tr>
        </thead>
        <tbody>
          <For each={props.table.rows}>
            {(row) => (
              <tr>
                <For each={row}>
                  {(cell, i) => {
                    const text = typeof cell === "string" ? cell : cell.text;
                    return <td classList={{ num: i() > 0 }}>{typeof cell === "string" ? text : <Link href={cell.href}>{text}</Link>}</td>;
                  }}
                </For>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}

/** The chart itself, present only while there is something to draw. */
function ChartView<K extends ChartType>(props: {
  config: () => ChartConfiguration<K>;
  onPick?: (pick: ChartPick) => void;
  onReady: (c: ChartJS<K>) => void;
  onGone: () => void;
  height?: string;
  title: string;
}) {
  onCleanup(() => props.onGone());
  return <Chart config={props.config} onPick={props.onPick} onReady={props.onReady} height={props.height} aria-label={props.title} />;
}
