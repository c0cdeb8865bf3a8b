import { graphql, type ResultOf } from "./graphql.ts";

/**
 * Issue 17 item 2: the administrator's places — estates, their offices, buildings and units,
 * and the households of a building — with the deactivated ones (kept for history).
 */

export const PlacesEstatesQuery = graphql(`
  query PlacesEstates {
    estates(first: 500, includeInactive: true) {
      edges {
        node {
          id code name kind timezone address active version
          calendar { id name }
          households(first: 0) { totalCount }
          occupiedHouseholds
        }
      }
    }
    workingCalendars { id name isDefault }
  }
`);

export type PlacesEstate = ResultOf<typeof PlacesEstatesQuery>["estates"]["edges"][number]["node"];
export type CalendarChoice = ResultOf<typeof PlacesEstatesQuery>["workingCalendars"][number];

export const EstatePlacesQuery = graphql(`
  query EstatePlaces($id: ID!) {
    node(id: $id) {
      ... on Estate {
        id code name active version
        offices(includeInactive: true) { id code name phone address onDuty24h active version }
        buildings(includeInactive: true) {
          id name sortOrder active version
          units(includeInactive: true) { id name sortOrder active version }
          households(first: 0) { totalCount }
        }
      }
    }
  }
`);

export type EstatePlaces = Extract<NonNullable<ResultOf<typeof EstatePlacesQuery>["node"]>, { code: string }>;
export type PlacesOffice = EstatePlaces["offices"][number];
export type PlacesBuilding = EstatePlaces["buildings"][number];
export type PlacesUnit = PlacesBuilding["units"][number];

export const BuildingHouseholdsQuery = graphql(`
  query BuildingHouseholds($id: ID!, $first: Int, $after: String) {
    node(id: $id) {
      ... on Building {
        id name active version
        estate { id code name }
        units(includeInactive: true) { id name active }
        households(first: $first, after: $after, includeInactive: true) {
          totalCount
          pageInfo { hasNextPage endCursor }
          edges { node { id code room kind occupied area moveInDate active version unit { id name } } }
        }
      }
    }
  }
`);

export type BuildingHouseholds = Extract<NonNullable<ResultOf<typeof BuildingHouseholdsQuery>["node"]>, { estate: unknown }>;
export type PlacesHousehold = BuildingHouseholds["households"]["edges"][number]["node"];

export const CreateEstateMutation = graphql(`
  mutation CreateEstate($input: CreateEstateInput!) { createEstate(input: $input) { __typename ... on Error { message } ... on InputError { problems { field message } } ... on MutationCreateEstateSuccess { data { id } } } }
`);
export const UpdateEstateMutation = graphql(`
  mutation UpdateEstate($input: UpdateEstateInput!) { updateEstate(input: $input) { __typename ... on Error { message } ... on InputError { problems { field message } } ... on MutationUpdateEstateSuccess { data { id } } } }
`);
export const SetEstateActiveMutation = graphql(`
  mutation SetEstateActive($input: SetEstateActiveInput!) { setEstateActive(input: $input) { __typename ... on Error { message } ... on InputError { problems { field message } } ... on MutationSetEstateActiveSuccess { data { id } } } }
`);
export const CreateOfficeMutation = graphql(`
  mutation CreateOffice($input: CreateOfficeInput!) { createOffice(input: $input) { __typename ... on Error { message } ... on InputError { problems { field message } } ... on MutationCreateOfficeSuccess { data { id } } } }
`);
export const UpdateOfficeMutation = graphql(`
  mutation UpdateOffice($input: UpdateOfficeInput!) { updateOffice(input: $input) { __typename ... on Error { message } ... on InputError { problems { field message } } ... on MutationUpdateOfficeSuccess { data { id } } } }
`);
export const SetOfficeActiveMutation = graphql(`
  mutation SetOfficeActive($input: SetOfficeActiveInput!) { setOfficeActive(input: $input) { __typename ... on Error { message } ... on InputError { problems { field message } } ... on MutationSetOfficeActiveSuccess { data { id } } } }
`);
export const CreateBuildingMutation = graphql(`
  mutation CreateBuilding($input: CreateBuildingInput!) { createBuilding(input: $input) { __typename ... on Error { message } ... on InputError { problems { field message } } ... on MutationCreateBuildingSuccess { data { id } } } }
`);
export const UpdateBuildingMutation = graphql(`
  mutation UpdateBuilding($input: UpdateBuildingInput!) { updateBuilding(input: $input) { __typename ... on Error { message } ... on InputError { problems { field message } } ... on MutationUpdateBuildingSuccess { data { id } } } }
`);
export const SetBuildingActiveMutation = graphql(`
  mutation SetBuildingActive($input: SetBuildingActiveInput!) { setBuildingActive(input: $input) { __typename ... on Error { message } ... on InputError { problems { field message } } ... on MutationSetBuildingActiveSuccess { data { id } } } }
`);
export const CreateUnitMutation = graphql(`
  mutation CreateUnit($input: CreateUnitInput!) { createUnit(input: $input) { __typename ... on Error { message } ... on InputError { problems { field message } } ... on MutationCreateUnitSuccess { data { id } } } }
`);
export const UpdateUnitMutation = graphql(`
  mutation UpdateUnit($input: UpdateUnitInput!) { updateUnit(input: $input) { __typename ... on Error { message } ... on InputError { problems { field message } } ... on MutationUpdateUnitSuccess { data { id } } } }
`);
export const SetUnitActiveMutation = graphql(`
  mutation SetUnitActive($input: SetUnitActiveInput!) { setUnitActive(input: $input) { __typename ... on Error { message } ... on InputError { problems { field message } } ... on MutationSetUnitActiveSuccess { data { id } } } }
`);
export const CreateHouseholdMutation = graphql(`
  mutation CreateHousehold($input: CreateHouseholdInput!) { createHousehold(input: $input) { __typename ... on Error { message } ... on InputError { problems { field message } } ... on MutationCreateHouseholdSuccess { data { id } } } }
`);
export const UpdateHouseholdMutation = graphql(`
  mutation UpdateHousehold($input: UpdateHouseholdInput!) { updateHousehold(input: $input) { __typename ... on Error { message } ... on InputError { problems { field message } } ... on MutationUpdateHouseholdSuccess { data { id } } } }
`);
export const SetHouseholdActiveMutation = graphql(`
  mutation SetHouseholdActive($input: SetHouseholdActiveInput!) { setHouseholdActive(input: $input) { __typename ... on Error { message } ... on InputError { problems { field message } } ... on MutationSetHouseholdActiveSuccess { data { id } } } }
`);
