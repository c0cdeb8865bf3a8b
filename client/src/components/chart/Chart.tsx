import {
  BarController,
  BarElement,
  CategoryScale,
  Chart as ChartJS,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
  type ChartType,
} from "chart.js";
import { createEffect, onCleanup, onMount } from "solid-js";

ChartJS.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip, Legend, Filler);

/** Where a click landed: the dataset and the index of the bar or point. */
export interface ChartPick {
  datasetIndex: number;
  index: number;
}

export interface ChartProps<K extends ChartType> {
  config: () => ChartConfiguration<K>;
  /** Clicking a bar or point (drill-down). */
  onPick?: (pick: ChartPick) => void;
  onReady?: (chart: ChartJS<K>) => void;
  height?: string;
  "aria-label": string;
  "data-testid"?: string;
}

/** A thin wrapper around chart.js; the chart is rebuilt when its configuration changes. */
export function Chart<K extends ChartType>(props: ChartProps<K>) {
  let canvas!: HTMLCanvasElement;
  let chart: ChartJS<K> | undefined;
  onMount(() => {
    createEffect(() => {
      const config = props.config();
      chart?.destroy();
      chart = new ChartJS(canvas, {
        ...config,
        options: {
          responsive: true,
          maintainAspectRatio: false,
          ...config.options,
          onClick: (_e, elements) => {
            const hit = elements[0];
            if (hit && props.onPick) props.onPick({ datasetIndex: hit.datasetIndex, index: hit.index });
          },
          onHover: (e, elements) => {
            const target = e.native?.target as HTMLElement | undefined;
            if (target) target.style.cursor = elements.length && props.onPick ? "pointer" : "default";
          },
        },
      } as ChartConfiguration<K>);
      props.onReady?.(chart);
    });
  });
  onCleanup(() => chart?.destroy());
  return (
    <div class="chart" style={{ height: props.height ?? "320px" }} data-testid={props["data-testid"]}>
      <canvas ref={canvas} role="img" aria-label={props["aria-label"]} />
    </div>
  );
}

/** Saves a chart as a PNG file named after what it shows (on a white background, not transparent). */
export function downloadChartPng(chart: ChartJS, name: string): void {
  const src = chart.canvas;
  const copy = document.createElement("canvas");
  copy.width = src.width;
  copy.height = src.height;
  const g = copy.getContext("2d")!;
  g.fillStyle = "#fff";
  g.fillRect(0, 0, copy.width, copy.height);
  g.drawImage(src, 0, 0);
  const a = document.createElement("a");
  a.href = copy.toDataURL("image/png");
  a.download = `${name}.png`;
  a.click();
}
