import { designatedIds } from "../grants.ts";
import type { Viewer } from "../../domain/access/viewer.ts";
import type { VisibleTopSecret } from "../../domain/metrics/visibility.ts";

/**
 * SEC-2, SEC-7, issue 15 items 8 and 9: the TOP_SECRET complaints a viewer may know exist — every
 * one for the executive (null: no restriction), else those designated to them at TOP_SECRET. The
 * figures' SQL (domain/metrics/visibility.ts) takes the result as a parameter: the read policy
 * stays above the pure rules (issue 16 layering: domain/ does not import access/).
 */
export function visibleTopSecretOf(viewer: Viewer | null): VisibleTopSecret {
  return viewer?.role === "EXECUTIVE" ? null : designatedIds(viewer, "COMPLAINT", "TOP_SECRET");
}
