import type { Operation } from '../test-app.ts';

// Query factories for capability matching: which offerings meet an organisation's requirements.

/** The match with each offering's price and the offerings its kind may not take. */
export const capabilityMatchQuery = (input: Record<string, unknown>): Operation => ({
  query: `query M($input: CapabilityMatchInput!) { capabilityMatch(input: $input) { fitPercent
    requirements { requirement status offerings { code unitPrice { amount currency } } notAllowedForKind { code } } } }`,
  variables: { input },
});

/** The match with the offerings' codes only. */
export const capabilityMatchCodesQuery = (input: Record<string, unknown>): Operation => ({
  query: `query M($input: CapabilityMatchInput!) { capabilityMatch(input: $input) { fitPercent
      requirements { requirement status offerings { code } } } }`,
  variables: { input },
});
