import type { Client, CombinedError } from "@urql/core";
import type { IDatasource, IGetRowsParams } from "ag-grid-community";
import { ComplaintPageQuery, ComplaintRowsQuery, type ComplaintFilter, type ComplaintRow } from "../../graphql/complaints.ts";
import { toOrderBy } from "./filters.ts";

export interface PageListener {
  /** Every counted block: the total of the filter (the grid's row count). */
  onPage: (totalCount: number) => void;
  onError: (error: CombinedError | Error) => void;
}

/**
 * The infinite row model's source: one `complaintPage` request per block of rows, with the
 * toolbar's filter and the grid's sort as `orderBy` (ComplaintOrder). The first block also counts the filter's
 * rows, which sizes the scrollbar at once (a jump to row 90,000 asks for that block only); later
 * blocks reuse the count instead of asking the server to count again.
 */
export function complaintDatasource(client: Client, filter: ComplaintFilter, listener: PageListener): IDatasource {
  let total: number | undefined;
  const answer = (params: IGetRowsParams, rows: ComplaintRow[], count: number) => {
    // A short block is the end, whatever the count said when it was taken.
    const last = rows.length < params.endRow - params.startRow ? params.startRow + rows.length : count;
    params.successCallback(rows, last);
  };
  const fail = (params: IGetRowsParams, error: CombinedError | Error) => {
    listener.onError(error);
    params.failCallback();
  };
  return {
    getRows(params) {
      const variables = { filter, orderBy: toOrderBy(params.sortModel), offset: params.startRow, limit: params.endRow - params.startRow };
      const options = { requestPolicy: "network-only" } as const;
      if (total === undefined || params.startRow === 0) {
        client
          .query(ComplaintPageQuery, variables, options)
          .toPromise()
          .then(
            (r) => {
              if (r.error || !r.data) return fail(params, r.error ?? new Error("No data"));
              total = r.data.complaintPage.totalCount;
              listener.onPage(total);
              answer(params, r.data.complaintPage.rows, total);
            },
            (e: Error) => fail(params, e),
          );
        return;
      }
      const known = total;
      client
        .query(ComplaintRowsQuery, variables, options)
        .toPromise()
        .then(
          (r) => {
            if (r.error || !r.data) return fail(params, r.error ?? new Error("No data"));
            listener.onPage(known);
            answer(params, r.data.complaintPage.rows, known);
          },
          (e: Error) => fail(params, e),
        );
    },
  };
}
