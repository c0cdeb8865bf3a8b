import type { GridState } from "ag-grid-community";
import { client } from "../../graphql/client.ts";
import { graphql } from "../../graphql/graphql.ts";

/**
 * Column layout, sort and filters of one grid, saved per user on the server (`savePreference`)
 * so that a ledger opens the way its user left it in any browser. A copy in localStorage lets the
 * grid open at once in the last layout; the server's copy wins when it arrives. Scroll and focus
 * are not kept: they belong to a visit.
 */
const PreferenceQuery = graphql(`
  query GridPreference($key: String!) { preference(key: $key) }
`);
const SavePreference = graphql(`
  mutation SaveGridPreference($key: String!, $value: String) { savePreference(input: { key: $key, value: $value }) { __typename } }
`);

type Saved = Pick<GridState, "columnOrder" | "columnSizing" | "columnVisibility" | "columnPinning" | "sort" | "filter">;

export function preferenceKey(grid: string): string {
  return `grid.${grid.toLowerCase().replace(/[^a-z0-9.:_-]/g, "-")}`.slice(0, 80);
}

/** The copy kept in this browser (immediate, possibly older than the server's). */
export function cachedGridState(user: string, grid: string): Saved | undefined {
  try {
    const raw = localStorage.getItem(cacheKey(user, grid));
    return raw ? (JSON.parse(raw) as Saved) : undefined;
  } catch {
    return undefined;
  }
}

/** The server's copy; undefined when none is saved or the server cannot be reached. */
export async function fetchGridState(grid: string): Promise<Saved | undefined> {
  const r = await client.query(PreferenceQuery, { key: preferenceKey(grid) }, { requestPolicy: "network-only" }).toPromise();
  const raw = r.data?.preference;
  return raw ? (JSON.parse(raw) as Saved) : undefined;
}

const pending = new Map<string, ReturnType<typeof setTimeout>>();

/** Saves at once in this browser and, a moment after the last change, on the server. */
export function saveGridState(user: string, grid: string, state: GridState): void {
  const { columnOrder, columnSizing, columnVisibility, columnPinning, sort, filter } = state;
  const value = JSON.stringify({ columnOrder, columnSizing, columnVisibility, columnPinning, sort, filter });
  localStorage.setItem(cacheKey(user, grid), value);
  clearTimeout(pending.get(grid));
  pending.set(
    grid,
    setTimeout(() => {
      pending.delete(grid);
      void client.mutation(SavePreference, { key: preferenceKey(grid), value }).toPromise();
    }, 600),
  );
}

function cacheKey(user: string, grid: string) {
  return `tj.grid.${user}.${grid}`;
}
