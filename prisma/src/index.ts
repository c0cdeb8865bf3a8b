export { openDatabase, type Database, type DatabaseOptions } from "./database.ts";
export { StartupError, describeUrl } from "./startup-error.ts";
export { applyMigrations, readMigrations, migrationsDir } from "./migrations/apply.ts";
export { createPrisma } from "./prisma-client.ts";
export { seedDemoData, isEmpty, FIXED_DEMO_NOW, type SeedOptions } from "./seed/index.ts";
export { DEMO_PASSWORD, ARCHIVE_DOCUMENTS } from "./seed/access.ts";
export { hashPassword, verifyPassword } from "./passwords.ts";
export { calendarDays, statutoryHolidays } from "./seed/holidays.ts";
export { openAppRolePool } from "./app-role.ts";
export {
  DEFAULT_POLICY_VALUES,
  DEMO_ORGANIZATION_CODE,
  STANDARD_CALENDAR_NAME,
  STANDARD_WORKING_SLOTS,
  type DefaultPolicyValue,
  type WorkingSlot,
} from "./company-defaults.ts";
