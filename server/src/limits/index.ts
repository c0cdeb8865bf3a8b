/** Issue 15 item 2: query limits (plugin.ts registers them; settings.ts lists them). */
export { useQueryLimits } from "./plugin.ts";
export { checkOperation, INTROSPECTION_WEIGHT, UNPAGED_LIST_SIZE, type OperationCheck } from "./cost.ts";
export { measureShape, shapeErrors, type Shape } from "./shape.ts";
export {
  COST_PAGE_HINTS,
  DEFAULT_CONNECTION_SIZE,
  DEFAULT_LIMITS,
  PAGE_SIZE_CEILING,
  LIMIT_VARIABLES,
  PAGE_SIZE_EXCEPTIONS,
  REPORT_FIELDS,
  maxPageSizeOf,
  queryLimitsFromEnv,
  type QueryLimits,
} from "./settings.ts";
export { statementTimeoutFor, statementTimeoutOf, isStatementTimeout } from "./statement-timeout.ts";
export { checkRequest, type RequestCheck } from "./check.ts";
export { boundedDocumentCaches } from "./document-cache.ts";
