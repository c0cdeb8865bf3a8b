import type { GridState } from "ag-grid-community";

/**
 * Column layout, sort and filters of one grid, saved per user (and per browser) so that a
 * ledger opens the way its user left it. Scroll and focus are not kept: they belong to a visit.
 */
export function loadGridState(user: string, grid: string): GridState | undefined {
  try {
    const raw = localStorage.getItem(key(user, grid));
    return raw ? (JSON.parse(raw) as GridState) : undefined;
  } catch {
    return undefined;
  }
}

export function saveGridState(user: string, grid: string, state: GridState): void {
  const { columnOrder, columnSizing, columnVisibility, columnPinning, sort, filter } = state;
  localStorage.setItem(key(user, grid), JSON.stringify({ columnOrder, columnSizing, columnVisibility, columnPinning, sort, filter }));
}

export function clearGridState(user: string, grid: string): void {
  localStorage.removeItem(key(user, grid));
}

function key(user: string, grid: string) {
  return `tj.grid.${user}.${grid}`;
}
