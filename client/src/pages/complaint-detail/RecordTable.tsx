import { For, Show, type JSX } from "solid-js";
import { Empty } from "../../components/States.tsx";

export interface Column<T> {
  head: string;
  cell: (row: T) => JSX.Element;
  class?: string;
}

/** One titled section of the complaint's records: a table, or the empty state when there are none. */
export function RecordTable<T>(props: {
  title: string;
  rows: T[];
  columns: Column<T>[];
  empty: string;
  testid: string;
  rowClass?: (row: T) => string;
}) {
  return (
    <section class="card cd-section" classList={{ empty: props.rows.length === 0 }} data-testid={props.testid}>
      <h2>
        {props.title} <span class="muted">({props.rows.length})</span>
      </h2>
      <Show when={props.rows.length > 0} fallback={<Empty>{props.empty}</Empty>}>
        <table class="table">
          <thead>
            <tr>
              <For each={props.columns}>{(c) => <th class={c.class}>{c.head}</th>}</For>
            </tr>
          </thead>
          <tbody>
            <For each={props.rows}>
              {(row) => (
                <tr class={props.rowClass?.(row) ?? ""} data-testid={`${props.testid}-row`}>
                  <For each={props.columns}>{(c) => <td class={c.class}>{c.cell(row)}</td>}</For>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
    </section>
  );
}

/** Yes / no / unknown in the page's language. */
export function yesNo(v: boolean | null | undefined, yes: string, no: string, unknown = "—"): string {
  return v == null ? unknown : v ? yes : no;
}
