import { AG_GRID_LOCALE_CN } from "@ag-grid-community/locale";
import { createGrid, themeQuartz, type GridApi, type GridOptions } from "ag-grid-community";
import { createEffect, on, onCleanup, onMount } from "solid-js";
import { locale } from "../../i18n/locale.ts";
import { useSession } from "../../session/session.tsx";
import { cachedGridState, fetchGridState, saveGridState } from "./grid-state.ts";
import { registerGridModules } from "./modules.ts";

const theme = themeQuartz.withParams({ fontFamily: "inherit", headerFontWeight: 600, spacing: 6, accentColor: "#1f6feb" });

export interface GridProps<T> {
  /** Read when the grid is created (and re-created when the language changes). */
  options: GridOptions<T>;
  /** Client-side rows, applied as a delta (getRowId) so edits and scroll survive updates. */
  rows?: T[];
  /** Persist column layout, sort and filters per user under this name. */
  stateKey?: string;
  onReady?: (api: GridApi<T>) => void;
  height?: string;
  "data-testid"?: string;
}

/** A thin Solid wrapper around ag-grid-community's vanilla createGrid (STACK.md). */
export function Grid<T>(props: GridProps<T>) {
  let el!: HTMLDivElement;
  let api: GridApi<T> | undefined;
  const session = useSession();
  const user = () => session.me()?.staff.login ?? "anonymous";

  const persist = () => {
    if (api && props.stateKey && !api.isDestroyed()) saveGridState(user(), props.stateKey, api.getState());
  };

  const build = () => {
    const previous = api && !api.isDestroyed() ? api.getState() : props.stateKey ? cachedGridState(user(), props.stateKey) : undefined;
    api?.destroy();
    api = createGrid<T>(el, {
      theme,
      localeText: locale() === "zh-CN" ? AG_GRID_LOCALE_CN : undefined,
      ...props.options,
      ...(props.rows ? { rowData: props.rows } : {}),
      initialState: previous,
      ...persistingHandlers(props.options, persist),
    });
    props.onReady?.(api);
  };

  onMount(() => {
    registerGridModules();
    build();
    if (props.stateKey) adoptServerState(props.stateKey, user, () => api);
  });
  createEffect(on(locale, () => build(), { defer: true }));
  createEffect(
    on(
      () => props.rows,
      (rows) => {
        if (api && rows) api.setGridOption("rowData", rows);
      },
      { defer: true },
    ),
  );
  onCleanup(() => api?.destroy());

  return (
    <div
      ref={el}
      class="grid"
      style={{ height: props.height ?? "calc(100vh - 220px)", "min-height": "320px" }}
      data-testid={props["data-testid"]}
    />
  );
}

/** The layout events save the grid's state, then call the page's own handler if any. */
function persistingHandlers<T>(options: GridOptions<T>, persist: () => void): GridOptions<T> {
  return {
    onSortChanged: (e) => {
      persist();
      options.onSortChanged?.(e);
    },
    onFilterChanged: (e) => {
      persist();
      options.onFilterChanged?.(e);
    },
    onColumnMoved: (e) => {
      if (e.finished) persist();
      options.onColumnMoved?.(e);
    },
    onColumnResized: (e) => {
      if (e.finished) persist();
      options.onColumnResized?.(e);
    },
    onColumnVisible: (e) => {
      persist();
      options.onColumnVisible?.(e);
    },
    onColumnPinned: (e) => {
      persist();
      options.onColumnPinned?.(e);
    },
  };
}

/** The layout saved on the server (e.g. from another browser) replaces the local copy. */
function adoptServerState<T>(key: string, user: () => string, api: () => GridApi<T> | undefined) {
  void fetchGridState(key)
    .then((saved) => {
      const grid = api();
      if (!saved || !grid || grid.isDestroyed()) return;
      if (JSON.stringify(saved) === JSON.stringify(cachedGridState(user(), key))) return;
      grid.setState({ ...grid.getState(), ...saved });
    })
    .catch(() => {
      /* the local copy stands */
    });
}
