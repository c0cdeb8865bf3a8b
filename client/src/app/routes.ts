import { lazy, type Component } from "solid-js";
import type { Message } from "../i18n/locale.ts";

export interface Route {
  path: string;
  /** In the navigation bar (detail pages are reached from their ledger). */
  nav?: Message;
  /**
   * Issue 17: an administration page. It is listed on the administration page (/admin) with
   * `about`, not in the navigation bar, which keeps the daily work in view.
   */
  admin?: { about: Message };
  /** Shown only to accounts holding one of these permissions. */
  anyOf: string[];
  page: Component<{ params: Record<string, string> }>;
}

/** Every page, each loaded with its own chunk (the grid and chart libraries load with the pages that use them). */
export const ROUTES: Route[] = [
  { path: "/", anyOf: [], page: lazy(() => import("../pages/home/HomePage.tsx")) },
  { path: "/setup", anyOf: [], page: lazy(() => import("../pages/setup/SetupDonePage.tsx")) },
  {
    path: "/complaints",
    nav: ["投诉台账", "Complaints"],
    anyOf: ["complaints:read"],
    page: lazy(() => import("../pages/complaints/ComplaintLedgerPage.tsx")),
  },
  { path: "/complaints/:id", anyOf: ["complaints:read"], page: lazy(() => import("../pages/complaint-detail/ComplaintDetailPage.tsx")) },
  {
    path: "/callbacks",
    nav: ["回访", "Callbacks"],
    anyOf: ["complaints:read"],
    page: lazy(() => import("../pages/callbacks/CallbacksPage.tsx")),
  },
  { path: "/visits", nav: ["走访", "Visits"], anyOf: ["customers:read"], page: lazy(() => import("../pages/visits/VisitsPage.tsx")) },
  {
    path: "/surveys/entry",
    nav: ["问卷录入", "Survey entry"],
    anyOf: ["complaints:write"],
    page: lazy(() => import("../pages/survey-entry/SurveyEntryPage.tsx")),
  },
  { path: "/reports", nav: ["报表", "Reports"], anyOf: ["reports:read"], page: lazy(() => import("../pages/reports/ReportsPage.tsx")) },
  {
    path: "/reports/quarterly",
    nav: ["季度满意度报告", "Quarterly report"],
    anyOf: ["reports:read"],
    page: lazy(() => import("../pages/quarterly-report/QuarterlyReportPage.tsx")),
  },
  { path: "/reports/rows", anyOf: ["reports:read"], page: lazy(() => import("../pages/drill-down/DrillDownPage.tsx")) },
  {
    path: "/import",
    nav: ["导入导出", "Import / export"],
    // policies:manage: the administrator imports estates.csv (the places page links here).
    anyOf: ["complaints:write", "reports:read", "policies:manage"],
    page: lazy(() => import("../pages/import/ImportPage.tsx")),
  },
  { path: "/estates", nav: ["项目", "Estates"], anyOf: [], page: lazy(() => import("../pages/estates/EstatesPage.tsx")) },
  { path: "/admin", nav: ["管理", "Administration"], anyOf: [], page: lazy(() => import("../pages/admin/AdminPage.tsx")) },
  {
    path: "/admin/staff",
    nav: ["员工账号", "Staff accounts"],
    admin: {
      about: ["账号的创建、角色、负责项目、密级、停用与重置密码", "Create accounts; role, estates, clearance; deactivate; reset passwords"],
    },
    anyOf: ["accounts:manage"],
    page: lazy(() => import("../pages/admin-staff/StaffPage.tsx")),
  },
  {
    path: "/admin/departments",
    nav: ["部门", "Departments"],
    admin: { about: ["部门与客户服务中心，部门成员", "Departments and the service centre; who belongs where"] },
    anyOf: ["accounts:manage"],
    page: lazy(() => import("../pages/admin-departments/DepartmentsPage.tsx")),
  },
  {
    path: "/admin/roles",
    nav: ["角色权限", "Roles"],
    admin: { about: ["各角色拥有的权限，在规定范围内调整", "Which permissions each role has, adjusted within the rules"] },
    anyOf: ["accounts:manage", "audit:read"],
    page: lazy(() => import("../pages/admin-roles/RolesPage.tsx")),
  },
  {
    path: "/admin/changes",
    nav: ["变更记录", "Change log"],
    admin: { about: ["每一项管理变更：谁、何时、改前与改后", "Every administrative change: who, when, before and after"] },
    anyOf: ["audit:read", "accounts:manage"],
    page: lazy(() => import("../pages/admin-changes/AdminChangesPage.tsx")),
  },
  { path: "/account", nav: ["我的账号", "My account"], anyOf: [], page: lazy(() => import("../pages/account/AccountPage.tsx")) },
  {
    path: "/admin/places",
    nav: ["场所管理", "Places"],
    admin: { about: ["项目、管理处、楼栋、单元与住户", "Estates, offices, buildings, units and households"] },
    anyOf: ["places:manage"],
    page: lazy(() => import("../pages/admin-places/PlacesPage.tsx")),
  },
  { path: "/admin/places/:estate", anyOf: ["places:manage"], page: lazy(() => import("../pages/admin-places/EstatePlacesPage.tsx")) },
  {
    path: "/admin/places/:estate/:building",
    anyOf: ["places:manage"],
    page: lazy(() => import("../pages/admin-places/BuildingHouseholdsPage.tsx")),
  },
  {
    path: "/admin/calendars",
    nav: ["工作日历", "Calendars"],
    admin: { about: ["节假日与调休工作日，时限按此计算", "Holidays and make-up working days that deadlines count with"] },
    anyOf: ["policies:manage"],
    page: lazy(() => import("../pages/admin-settings/CalendarsPage.tsx")),
  },
  {
    path: "/admin/policies",
    nav: ["政策值", "Policy values"],
    admin: { about: ["时限、目标与比例等政策值及其生效日期", "Time limits, targets and rates, with the dates they take effect"] },
    anyOf: ["policies:manage"],
    page: lazy(() => import("../pages/admin-settings/PolicyValuesPage.tsx")),
  },
  {
    path: "/admin/categories",
    nav: ["投诉类别", "Categories"],
    admin: { about: ["投诉类别树", "The complaint category tree"] },
    anyOf: ["categories:manage"],
    page: lazy(() => import("../pages/admin-settings/CategoriesPage.tsx")),
  },
];

/** The administration pages the viewer may open (the /admin page lists them; issue 17). */
export function adminRoutes(can: (permission: string) => boolean): Route[] {
  return ROUTES.filter((r) => r.admin && allowed(r, can));
}

export function allowed(route: Route, can: (permission: string) => boolean): boolean {
  return route.anyOf.length === 0 || route.anyOf.some(can);
}
