import type { Caller, MatrixContext, MatrixSubjects, MatrixTable } from './caller-matrix.ts';
import { mutationOf } from './caller-matrix.ts';
import { keyOf, organisationIdOf, outcomes, setUp } from './matrix-operations.ts';

// The billing domain: the partnership serving a customer (its finance people, by delegation)
// sets the charge and proposes and records savings; the customer's own finance people ask for
// reductions and decide on savings; its finance people and tenant admins read its billing.
// Lancashire is the customer; BT Lancashire Services serves it.

export const BILLING_SUBJECTS: MatrixSubjects = {
  subject: 'lancashire-county-council',
  outsider: 'liverpool-city-council',
  delegatedTo: 'bt-lancashire-services',
};

/** A fresh savings opportunity for the subject, proposed by the serving partnership (and accepted by the customer). */
async function opportunity(context: MatrixContext, caller: Caller, accepted = false): Promise<string> {
  const partner = await context.token(context.subjects.delegatedTo, ['finance']);
  const proposed = await setUp<{ savingsOpportunity: { id: string } }>(
    context,
    withSelection(
      mutationOf('proposeSavingsOpportunity', proposal(context, caller)),
      '... on SavingsOpportunityPayload { savingsOpportunity { id } }',
    ),
    partner,
  );
  const opportunityId = proposed.savingsOpportunity.id;
  if (accepted) {
    await setUp(
      context,
      mutationOf('decideSavingsOpportunity', { opportunityId, decision: 'ACCEPT' }),
      await context.token(context.subjects.subject, ['finance']),
    );
  }
  return opportunityId;
}

function proposal(context: MatrixContext, caller: Caller): Record<string, unknown> {
  return {
    organisationId: organisationIdOf(context),
    title: keyOf('Matrix printing saving', caller.unique),
    category: 'PRINTING',
    cashable: true,
    recurrence: 'RECURRING',
    countsAgainst: 'AFFORDABILITY_CHARGE',
    estimatedAnnualSaving: '10000.00',
    idempotencyKey: keyOf('propose', caller.unique),
  };
}

/** A fresh business case of the subject with one saving line; gives its id and the line's. */
async function businessCase(context: MatrixContext, caller: Caller): Promise<{ caseId: string; lineId: string }> {
  const created = await setUp<{ businessCase: { id: string; lines: { id: string }[] } }>(
    context,
    withSelection(
      mutationOf('createBusinessCase', caseInput(context, caller)),
      '... on BusinessCasePayload { businessCase { id lines { id } } }',
    ),
    await context.token(context.subjects.subject, ['finance']),
  );
  return { caseId: created.businessCase.id, lineId: created.businessCase.lines[0]?.id as string };
}

function caseInput(context: MatrixContext, caller: Caller): Record<string, unknown> {
  return {
    organisationId: organisationIdOf(context),
    title: keyOf('Matrix shared payroll', caller.unique),
    firstFiscalYear: '2017/18',
    termYears: 3,
    workstreams: [{ key: 'payroll', name: 'Payroll', savingsLow: '100000', savingsHigh: '200000' }],
    lines: [
      {
        key: 'saving',
        workstreamKey: 'payroll',
        name: 'Payroll consolidation',
        kind: 'SAVING',
        recurrence: 'RECURRING',
        cashable: true,
        profile: [{ year: 1, amount: '100000' }],
      },
    ],
    idempotencyKey: keyOf('case', caller.unique),
  };
}

/** The operation with `selection` beside the matrix's own (for set-up that needs ids back). */
function withSelection(operation: { query: string; variables?: Record<string, unknown> }, selection: string) {
  return { ...operation, query: operation.query.replace('__typename', `__typename ${selection}`) };
}

let fiscalYear = 2040;

/** A fiscal year no other call has charged. */
function freshFiscalYear(): string {
  fiscalYear += 1;
  return `${fiscalYear}/${String((fiscalYear + 1) % 100).padStart(2, '0')}`;
}

/** What the serving partnership does for its customer. */
const SERVING_PARTNER = outcomes(['platform_admin', 'delegated_finance'], {
  finance: 'SERVING_PARTNERSHIP_ONLY',
  outsider: 'ROLE_REQUIRED',
});

/** What the customer's finance people decide alone (not the partnership, not a platform admin). */
const CUSTOMER_DECISION = outcomes(['finance'], {
  platform_admin: 'CUSTOMER_DECISION_ONLY',
  delegated_finance: 'CUSTOMER_DECISION_ONLY',
  outsider: 'ROLE_REQUIRED',
});

/** A decision on a row the outsider cannot see: not found, before any role is asked about. */
const CUSTOMER_DECISION_ON_ROW = { ...CUSTOMER_DECISION, outsider: 'NOT_FOUND' };

/** What the customer's finance people and tenant admins (and those serving it) may read. */
const BILLING_READERS = outcomes(
  ['tenant_admin', 'finance', 'platform_admin', 'delegated_admin', 'delegated_finance'],
  { outsider: 'NOT_FOUND' },
);

export const BILLING_MATRIX: MatrixTable = {
  setAffordabilityCharge: {
    operation: (context) =>
      mutationOf('setAffordabilityCharge', {
        organisationId: organisationIdOf(context),
        fiscalYear: freshFiscalYear(),
        annualAmount: '21500000.00',
        contractSchedule: 'Schedule 11',
        paymentProfile: 'MONTHLY',
      }),
    outcomes: SERVING_PARTNER,
  },
  requestAffordabilityReduction: {
    operation: (context, caller) =>
      mutationOf('requestAffordabilityReduction', {
        organisationId: organisationIdOf(context),
        fromFiscalYear: '2019/20',
        amount: '1000.00',
        reason: 'The caller matrix asks for a small reduction',
        idempotencyKey: keyOf('reduce', caller.unique),
      }),
    outcomes: CUSTOMER_DECISION,
  },
  proposeSavingsOpportunity: {
    operation: (context, caller) => mutationOf('proposeSavingsOpportunity', proposal(context, caller)),
    outcomes: SERVING_PARTNER,
  },
  decideSavingsOpportunity: {
    operation: async (context, caller) =>
      mutationOf('decideSavingsOpportunity', {
        opportunityId: await opportunity(context, caller),
        decision: 'REJECT',
        reason: 'The caller matrix rejects it',
      }),
    outcomes: CUSTOMER_DECISION_ON_ROW,
  },
  recordSavingsLedgerEntry: {
    operation: async (context, caller) =>
      mutationOf('recordSavingsLedgerEntry', {
        kind: 'ESTIMATE',
        opportunityId: await opportunity(context, caller, true),
        fiscalYear: '2019/20',
        amount: '5000.00',
        idempotencyKey: keyOf('ledger', caller.unique),
      }),
    // Any finance member who can see the accepted opportunity records its savings: the
    // customer's own accounts close the year too (unlike the charge and the proposals).
    outcomes: outcomes(['finance', 'platform_admin', 'delegated_finance'], { outsider: 'ROLE_REQUIRED' }),
  },
  recordStatementCredit: {
    operation: (context, caller) =>
      mutationOf('recordStatementCredit', {
        organisationId: organisationIdOf(context),
        month: '2018-05',
        amount: '250.00',
        reason: 'The caller matrix credits a missed SLA',
        idempotencyKey: keyOf('credit', caller.unique),
      }),
    outcomes: SERVING_PARTNER,
  },
  createBusinessCase: {
    operation: (context, caller) => mutationOf('createBusinessCase', caseInput(context, caller)),
    outcomes: outcomes(['finance', 'platform_admin', 'delegated_finance'], { outsider: 'ROLE_REQUIRED' }),
  },
  linkBusinessCaseLineToSavingsOpportunity: {
    operation: async (context, caller) =>
      mutationOf('linkBusinessCaseLineToSavingsOpportunity', {
        lineId: (await businessCase(context, caller)).lineId,
        savingsOpportunityId: await opportunity(context, caller),
      }),
    outcomes: outcomes(['finance', 'platform_admin', 'delegated_finance'], { outsider: 'ROLE_REQUIRED' }),
  },
  savingsReconciliation: {
    operation: (context) => ({
      query:
        'query Matrix($id: ID!) { savingsReconciliation(organisationId: $id, fiscalYear: "2017/18") { fiscalYear } }',
      variables: { id: organisationIdOf(context) },
    }),
    outcomes: BILLING_READERS,
  },
  monthlyStatement: {
    operation: (context) => ({
      query: 'query Matrix($id: ID!) { monthlyStatement(organisationId: $id, month: "2018-05") { month } }',
      variables: { id: organisationIdOf(context) },
    }),
    outcomes: BILLING_READERS,
  },
  benefitsRealisation: {
    operation: async (context, caller) => ({
      query: 'query Matrix($id: ID!) { benefitsRealisation(businessCaseId: $id) { __typename } }',
      variables: { id: (await businessCase(context, caller)).caseId },
    }),
    // A business case the caller may not see is null (the field is nullable), not an error.
    outcomes: { ...BILLING_READERS, outsider: 'null' },
  },
};
