import type { Classification } from "@tingjian/prisma/client";
import { inEstateScope, type Viewer } from "./viewer.ts";

const RANK: Record<Classification, number> = { INTERNAL: 0, SECRET: 1, CONFIDENTIAL: 2, TOP_SECRET: 3 };

export function atLeast(level: Classification, floor: Classification): boolean {
  return RANK[level] >= RANK[floor];
}

/** A protected record as the SEC-2 rule sees it. */
export interface ProtectedRecord {
  classification: Classification;
  /** The estates the record belongs to (a customer may own households in several). */
  estateIds: readonly string[];
  /** Staff assigned to the case (e.g. the receiver of a complaint): "the people concerned". */
  assignedStaffIds?: readonly string[];
}

/**
 * SEC-2 need to know. Executives know everything; TOP_SECRET only those the executive designates;
 * CONFIDENTIAL the responsible supervisors (clearance CONFIDENTIAL on the record's estate) and
 * those designated; SECRET the people concerned: cleared staff of the estate or assigned to the
 * case. `designatedLevel` is the highest active designation the viewer holds for this record.
 */
export function knows(viewer: Viewer, record: ProtectedRecord, designatedLevel: Classification | null): boolean {
  if (viewer.role === "EXECUTIVE") return true;
  const level = record.classification;
  if (designatedLevel && atLeast(designatedLevel, level)) return true;
  if (level === "TOP_SECRET") return false;
  if (!atLeast(viewer.clearance, level)) return false;
  if (level === "INTERNAL") return true;
  const concerned = record.estateIds.some((e) => inEstateScope(viewer, e)) || !!record.assignedStaffIds?.includes(viewer.staffId);
  return concerned;
}
