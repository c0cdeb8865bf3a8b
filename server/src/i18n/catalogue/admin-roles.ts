import type { Bilingual } from "../bilingual.ts";

/**
 * Messages of company administration (issue 17): roles. [zh, en], `{name}` placeholders
 * (i18n/messages.ts merges the areas). Keys are unique across areas; an input error's stable code
 * is its key in upper snake case.
 */
export const adminRolesMessages = {
} as const satisfies Record<string, Bilingual>;
