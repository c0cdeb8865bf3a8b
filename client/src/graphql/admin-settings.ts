import { graphql, type ResultOf } from "./graphql.ts";

/**
 * Issue 17 item 2, SPEC §6, CLS-4: the settings the administrator keeps in the app — working
 * calendars (a year's holidays and make-up days), policy values with effective dates (the
 * organisation's default and estate overrides) and the category tree.
 */

export const CalendarsQuery = graphql(`
  query AdminCalendars($year: Int!) {
    workingCalendars {
      id name timezone isDefault version years
      days(year: $year) { date kind name followsWeekday }
    }
    estates(first: 500) { edges { node { id name calendar { id } } } }
  }
`);

export type AdminCalendar = ResultOf<typeof CalendarsQuery>["workingCalendars"][number];
export type AdminCalendarDay = AdminCalendar["days"][number];

export const SetCalendarYearMutation = graphql(`
  mutation AdminSetCalendarYear($input: SetCalendarYearInput!) {
    setCalendarYear(input: $input) { __typename ... on Error { message } ... on InputError { problems { field message } } ... on MutationSetCalendarYearSuccess { data { id version } } }
  }
`);

export const PolicyValuesQuery = graphql(`
  query AdminPolicyValues {
    policyValues { id key value unit clock effectiveFrom effectiveTo note estate { id name } createdBy { displayName } }
    estates(first: 500) { edges { node { id name } } }
  }
`);

export type AdminPolicyValue = ResultOf<typeof PolicyValuesQuery>["policyValues"][number];

export const SetPolicyValueMutation = graphql(`
  mutation AdminSetPolicyValue($input: SetPolicyValueInput!) {
    setPolicyValue(input: $input) { __typename ... on Error { message } ... on InputError { problems { field message } } ... on MutationSetPolicyValueSuccess { data { id } } }
  }
`);

export const CategoryTreeQuery = graphql(`
  query AdminCategoryTree {
    categories { id code name active version sortOrder children { id code name active version sortOrder } }
  }
`);

export type AdminCategory = ResultOf<typeof CategoryTreeQuery>["categories"][number];

export const CreateCategoryMutation = graphql(`
  mutation AdminCreateCategory($input: CreateCategoryInput!) {
    createCategory(input: $input) { __typename ... on Error { message } ... on InputError { problems { field message } } ... on MutationCreateCategorySuccess { data { id } } }
  }
`);

export const UpdateCategoryMutation = graphql(`
  mutation AdminUpdateCategory($input: UpdateCategoryInput!) {
    updateCategory(input: $input) { __typename ... on Error { message } ... on InputError { problems { field message } } ... on MutationUpdateCategorySuccess { data { id } } }
  }
`);
