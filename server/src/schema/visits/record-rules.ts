import { VisitKind } from "@tingjian/prisma/client";
import { builder } from "../../builder.ts";
import { describedValues } from "./enum-values.ts";

/**
 * VIS-1's kinds of visits (000 §6 4.3.1). The rules of recording and amending a visit are the
 * services' (services/visits/record-rules.ts); this is their GraphQL face.
 */
export const VisitKindEnum = builder.enumType("VisitKind", {
  description: "VIS-1 kinds of visits",
  values: describedValues(VisitKind, {
    ROUTINE: "VIS-1: an ordinary household visit of the month",
    DOOR_TO_DOOR: "VIS-1: door-to-door visits of a building or area",
    AREA: "VIS-1: a visit to an area (no household), e.g. a lobby",
    COMMERCIAL: "VIS-1: a visit to a commercial tenant (001 §1)",
    HOLIDAY: "VIS-1: a holiday visit",
    MOVE_IN: "VIS-1: a visit after a household moved in",
    EMERGENCY: "VIS-1: a visit after an emergency",
  }),
});
