import type { GridApi, IRowNode } from "ag-grid-community";

/** The rows an infinite grid holds now (its loaded blocks, in order); all rows for the client-side model. */
export function loadedRows<T>(api: GridApi<T>): IRowNode<T>[] {
  const nodes: IRowNode<T>[] = [];
  api.forEachNode((n) => {
    if (n.data) nodes.push(n);
  });
  return nodes;
}
