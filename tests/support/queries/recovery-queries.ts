import type { Operation } from '../test-app.ts';

// Query factories for disaster recovery: the partnership's models (templates) and members' plans.

const ERRORS = '... on Error { message } ... on ValidationError { field }';
const ITEM =
  'id name category priority owner rtoHours rpoHours testIntervalDays lastTestedOn lastOutcome nextTestDue overdue failedLastTest';
const PLAN = `id name overdue failedLastTest items { ${ITEM} } itemsNeedingAttention { name }`;

export const recoveryTemplatesQuery = (partnershipId: string): Operation => ({
  query: `query T($p: ID!) { sharedSupport(partnershipId: $p) { recoveryTemplates(first: 10) { nodes { id name testIntervalDays items { id name category priority } } } } }`,
  variables: { p: partnershipId },
});

export const recoveryPlansQuery = (asOf: string): Operation => ({
  query: `query P($asOf: String) { recoveryPlans(first: 10, asOf: $asOf) { nodes { ${PLAN} } } }`,
  variables: { asOf },
});

export const recordRecoveryTestMutation = (input: {
  planItemId: string;
  testedOn: string;
  outcome: string;
  idempotencyKey: string;
}): Operation => ({
  query: `mutation R($input: RecordRecoveryTestInput!) { recordRecoveryTest(input: $input) { __typename ... on RecoveryPlanPayload { plan { id } } ${ERRORS} } }`,
  variables: { input },
});

export const adoptRecoveryPlanMutation = (input: Record<string, unknown>): Operation => ({
  query: `mutation A($input: AdoptRecoveryPlanInput!) { adoptRecoveryPlan(input: $input) { __typename ... on RecoveryPlanPayload { plan { ${PLAN} } } ${ERRORS} } }`,
  variables: { input },
});

export const createRecoveryTemplateMutation = (input: Record<string, unknown>): Operation => ({
  query: `mutation C($input: CreateRecoveryTemplateInput!) { createRecoveryTemplate(input: $input) { __typename ... on RecoveryTemplatePayload { templateId } ${ERRORS} } }`,
  variables: { input },
});

/** `node` for a recovery plan: its name, or null. */
export const recoveryPlanNodeQuery = (id: string): Operation => ({
  query: `query N($id: ID!) { node(id: $id) { ... on RecoveryPlan { name } } }`,
  variables: { id },
});
