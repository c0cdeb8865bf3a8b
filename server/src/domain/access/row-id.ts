/**
 * A row id as the database keys it (UUID). An id from outside is checked against this before it
 * reaches a query, so a malformed one is bad input, not a database error (issue 15 item 16).
 */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
