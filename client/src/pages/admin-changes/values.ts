import { label } from "../../i18n/labels.ts";
import { formatDateTime } from "../../i18n/locale.ts";
import { permissionName } from "../admin-roles/text.ts";
import { t } from "./text.ts";

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const PERMISSION = /^[a-z]+(-[a-z]+)?:[a-z]+$/;

/** One stored item in words: a permission by its name, a role by its label, an instant in the reader's locale. */
export function itemText(field: string, v: unknown): string {
  if (v === null || v === undefined) return t("empty");
  if (typeof v === "boolean") return v ? t("yes") : t("no");
  if (typeof v === "number") return String(v);
  if (typeof v !== "string") return JSON.stringify(v);
  if (PERMISSION.test(v)) return permissionName(v.toUpperCase().replace(/[:-]/g, "_"));
  if (field === "role") return label("StaffRole", v);
  if (field === "clearance") return label("Classification", v);
  if (INSTANT.test(v)) return formatDateTime(v);
  return v;
}

/** A field's value as the API gives it (a text, or JSON for anything else) in words. */
export function valueText(field: string, raw: string | null): string {
  if (raw === null) return t("empty");
  let v: unknown = raw;
  if (/^[[{]|^(true|false|null|-?\d)/.test(raw)) {
    try {
      v = JSON.parse(raw);
    } catch {
      v = raw;
    }
  }
  if (Array.isArray(v)) return v.length ? v.map((x) => itemText(field, x)).join("、") : t("empty");
  return itemText(field, v);
}
