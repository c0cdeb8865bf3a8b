import type { CallbackFilter } from "../../graphql/callbacks.ts";
import { currentMonth, monthBounds } from "../../components/calendar/month.ts";
import { searchParams } from "../../router/router.tsx";
import { customerText, type CallbackLine } from "./record.ts";

export type CallbackView = "due" | "overdue" | "done";
export const VIEWS: CallbackView[] = ["due", "overdue", "done"];

/** The ledger's filters, kept in the address so that a view can be bookmarked and shared. */
export interface CallbackFilters {
  view: CallbackView;
  estateId: string;
  /** YYYY-MM, local calendar. */
  month: string;
  /** Narrows the loaded rows: callback or complaint number, household, customer, who calls back. */
  search: string;
}

export function readFilters(): CallbackFilters {
  const p = searchParams();
  const view = p.get("view") as CallbackView | null;
  const month = p.get("month");
  return {
    view: view && VIEWS.includes(view) ? view : "due",
    estateId: p.get("estate") ?? "",
    month: month && /^\d{4}-\d{2}$/.test(month) ? month : currentMonth(),
    search: p.get("q") ?? "",
  };
}

/**
 * The API filter of a view (CB-1): due = planned and due by the month's end (the overdue ones
 * included); overdue = planned and past due now; done = made in the month, reached or not.
 */
export function apiFilter(f: Omit<CallbackFilters, "search">): CallbackFilter {
  const { from, to } = monthBounds(f.month);
  const estate = f.estateId ? { estateId: f.estateId } : {};
  if (f.view === "overdue") return { ...estate, overdue: true };
  if (f.view === "done") return { ...estate, status: ["DONE", "NOT_REACHED"], calledFrom: from, calledBefore: to };
  return { ...estate, status: ["PLANNED"], dueBefore: to };
}

/** The loaded lines that contain the search text in a number, the household, the customer (as shown: "匿名" finds the anonymous) or a staff name. */
export function narrow(lines: CallbackLine[], search: string): CallbackLine[] {
  const q = search.trim().toLowerCase();
  if (!q) return lines;
  return lines.filter((l) =>
    [
      l.no,
      l.complaint?.no,
      l.household?.code,
      customerText(l, "customerName"),
      customerText(l, "customerPhone"),
      l.assignedTo?.displayName,
      l.staff?.displayName,
    ].some((v) => v?.toLowerCase().includes(q)),
  );
}

/** Made callbacks newest first; planned ones as the server orders them (by due date). */
export function ordered(view: CallbackView, lines: CallbackLine[]): CallbackLine[] {
  if (view !== "done") return lines;
  return [...lines].sort((a, b) => (b.calledAt ?? "").localeCompare(a.calledAt ?? ""));
}
