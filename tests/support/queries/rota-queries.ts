import type { Operation } from '../test-app.ts';

// Query factories for the out-of-hours rota: shifts, cover, shares and swaps.

export const addRotaShiftMutation = (input: Record<string, unknown>): Operation => ({
  query: `mutation A($input: AddRotaShiftInput!) { addRotaShift(input: $input) { __typename
    ... on RotaShiftPayload { shift { id hours holderMemberName holder { fullName } } }
    ... on Error { message code } ... on ValidationError { field } } }`,
  variables: { input },
});

/** The rota's cover report and its shifts between two dates. */
export const rotaCoverQuery = (partnershipId: string, from: string, to: string): Operation => ({
  query: `query C($p: ID!, $from: String!, $to: String!) { sharedSupport(partnershipId: $p) {
    rotaCover(from: $from, to: $to) {
      outOfHoursHours uncoveredHours heldHours uncoveredPeriods { startsAt endsAt hours }
      members { name nation outOfHoursHours coveredHours uncoveredHours heldHours sharePercent expectedHeldHours uncoveredPeriods { startsAt endsAt } }
    }
    rota(from: $from, to: $to) { nodes { id startsAt endsAt hours holderMemberName holder { fullName } } }
  } }`,
  variables: { p: partnershipId, from, to },
});

export const setRotaShareMutation = (memberId: string, weight: number): Operation => ({
  query: `mutation S($input: SetRotaShareInput!) { setRotaShare(input: $input) { __typename ... on RotaSharePayload { weight } ... on Error { message } } }`,
  variables: { input: { memberId, weight } },
});

export const proposeRotaSwapMutation = (input: {
  partnershipId: string;
  shiftId: string;
  toPersonId: string;
}): Operation => ({
  query: `mutation P($input: ProposeRotaSwapInput!) { proposeRotaSwap(input: $input) { __typename ... on RotaSwapPayload { swap { id status } } ... on Error { message } } }`,
  variables: { input },
});

/** `acceptRotaSwap` or `declineRotaSwap`. */
export const decideRotaSwapMutation = (name: string, input: { partnershipId: string; swapId: string }): Operation => ({
  query: `mutation D($input: DecideRotaSwapInput!) { ${name}(input: $input) { __typename ... on Error { message } } }`,
  variables: { input },
});

/** Who was on call for each of the caller's service requests. */
export const requestsOnCallQuery = (): Operation => ({
  query: `query { serviceRequests(first: 50) { nodes { reference onCall { holder { fullName } holderMemberName } } } }`,
});
