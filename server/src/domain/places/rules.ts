/**
 * Issue 17: the rules of the places an organisation manages (estates, offices, buildings, units,
 * households), pure. Codes are permanent keys (imports, reports and household codes key on them).
 */

/** Codes as the demo and the importer write them: upper-case letters and digits, parts joined by hyphens (LX, LX-OFFICE, LX-3-2-1201). */
export const PLACE_CODE = /^[A-Z0-9]+(-[A-Z0-9]+)*$/;
export const MAX_CODE = 40;
export const MAX_NAME = 100;
export const MAX_ADDRESS = 200;
export const MAX_PHONE = 30;
export const MAX_ROOM = 20;
export const MAX_SORT_ORDER = 100_000;
export const MAX_AREA = 100_000;

/** An IANA timezone name this runtime knows (SLA clocks run in the estate's timezone, §6). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export function sortOrderOk(n: number): boolean {
  return Number.isInteger(n) && n >= 0 && n <= MAX_SORT_ORDER;
}

export function areaOk(n: number): boolean {
  return Number.isFinite(n) && n > 0 && n <= MAX_AREA;
}

/**
 * A deactivated household is kept for history, offered for nothing new and counted in no
 * denominator: it is no longer resident (§1 常住户, the denominators of §11 count `occupied`).
 */
export function deactivatedHousehold(): { active: false; occupied: false } {
  return { active: false, occupied: false };
}
