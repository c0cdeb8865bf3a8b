import { searchParams } from "../../router/router.tsx";

export type Show = "pending" | "entered" | "all";
export const SHOWS: Show[] = ["pending", "entered", "all"];

/** The entry page's choices, kept in the address: campaign, estate, which questionnaires, a household search. */
export interface EntryFilters {
  campaignId: string;
  estateId: string;
  show: Show;
  search: string;
}

export function readFilters(): EntryFilters {
  const p = searchParams();
  const show = p.get("show") as Show | null;
  return {
    campaignId: p.get("campaign") ?? "",
    estateId: p.get("estate") ?? "",
    show: show && SHOWS.includes(show) ? show : "pending",
    search: p.get("q") ?? "",
  };
}
