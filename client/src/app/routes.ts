import { lazy, type Component } from "solid-js";
import type { Message } from "../i18n/locale.ts";

export interface Route {
  path: string;
  /** In the navigation bar (detail pages are reached from their ledger). */
  nav?: Message;
  /** Shown only to accounts holding one of these permissions. */
  anyOf: string[];
  page: Component<{ params: Record<string, string> }>;
}

/** Every page, each loaded with its own chunk (the grid and chart libraries load with the pages that use them). */
export const ROUTES: Route[] = [
  { path: "/", anyOf: [], page: lazy(() => import("../pages/home/HomePage.tsx")) },
  { path: "/setup", anyOf: [], page: lazy(() => import("../pages/setup/SetupDonePage.tsx")) },
  { path: "/complaints", nav: ["投诉台账", "Complaints"], anyOf: ["complaints:read"], page: lazy(() => import("../pages/complaints/ComplaintLedgerPage.tsx")) },
  { path: "/complaints/:id", anyOf: ["complaints:read"], page: lazy(() => import("../pages/complaint-detail/ComplaintDetailPage.tsx")) },
  { path: "/callbacks", nav: ["回访", "Callbacks"], anyOf: ["complaints:read"], page: lazy(() => import("../pages/callbacks/CallbacksPage.tsx")) },
  { path: "/visits", nav: ["走访", "Visits"], anyOf: ["customers:read"], page: lazy(() => import("../pages/visits/VisitsPage.tsx")) },
  { path: "/surveys/entry", nav: ["问卷录入", "Survey entry"], anyOf: ["complaints:write"], page: lazy(() => import("../pages/survey-entry/SurveyEntryPage.tsx")) },
  { path: "/reports", nav: ["报表", "Reports"], anyOf: ["reports:read"], page: lazy(() => import("../pages/reports/ReportsPage.tsx")) },
  { path: "/reports/quarterly", nav: ["季度满意度报告", "Quarterly report"], anyOf: ["reports:read"], page: lazy(() => import("../pages/quarterly-report/QuarterlyReportPage.tsx")) },
  { path: "/reports/rows", anyOf: ["reports:read"], page: lazy(() => import("../pages/drill-down/DrillDownPage.tsx")) },
  { path: "/import", nav: ["导入导出", "Import / export"], anyOf: ["complaints:write", "reports:read"], page: lazy(() => import("../pages/import/ImportPage.tsx")) },
  { path: "/estates", nav: ["项目", "Estates"], anyOf: [], page: lazy(() => import("../pages/estates/EstatesPage.tsx")) },
  { path: "/admin/staff", nav: ["员工账号", "Staff accounts"], anyOf: ["accounts:manage"], page: lazy(() => import("../pages/admin-staff/StaffPage.tsx")) },
  { path: "/admin/departments", nav: ["部门", "Departments"], anyOf: ["accounts:manage"], page: lazy(() => import("../pages/admin-departments/DepartmentsPage.tsx")) },
  { path: "/admin/roles", nav: ["角色权限", "Roles"], anyOf: ["accounts:manage", "audit:read"], page: lazy(() => import("../pages/admin-roles/RolesPage.tsx")) },
  { path: "/admin/changes", nav: ["变更记录", "Change log"], anyOf: ["audit:read", "accounts:manage"], page: lazy(() => import("../pages/admin-changes/AdminChangesPage.tsx")) },
  { path: "/account", nav: ["我的账号", "My account"], anyOf: [], page: lazy(() => import("../pages/account/AccountPage.tsx")) },
  { path: "/admin/places", nav: ["场所管理", "Places"], anyOf: ["places:manage"], page: lazy(() => import("../pages/admin-places/PlacesPage.tsx")) },
  { path: "/admin/places/:estate", anyOf: ["places:manage"], page: lazy(() => import("../pages/admin-places/EstatePlacesPage.tsx")) },
  { path: "/admin/places/:estate/:building", anyOf: ["places:manage"], page: lazy(() => import("../pages/admin-places/BuildingHouseholdsPage.tsx")) },
  { path: "/admin/calendars", nav: ["工作日历", "Calendars"], anyOf: ["policies:manage"], page: lazy(() => import("../pages/admin-settings/CalendarsPage.tsx")) },
  { path: "/admin/policies", nav: ["政策值", "Policy values"], anyOf: ["policies:manage"], page: lazy(() => import("../pages/admin-settings/PolicyValuesPage.tsx")) },
  { path: "/admin/categories", nav: ["投诉类别", "Categories"], anyOf: ["categories:manage"], page: lazy(() => import("../pages/admin-settings/CategoriesPage.tsx")) },
];

export function allowed(route: Route, can: (permission: string) => boolean): boolean {
  return route.anyOf.length === 0 || route.anyOf.some(can);
}
