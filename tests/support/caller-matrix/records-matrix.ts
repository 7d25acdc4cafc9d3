import type { Caller, MatrixContext, MatrixTable } from './caller-matrix.ts';
import { mutationOf } from './caller-matrix.ts';
import { keyOf, organisationIdOf, outcomes } from './matrix-operations.ts';

// The services domain's records (payroll and recruitment): who may send them for the subject.
// Imports are dry runs and single records name parents that do not exist, so no caller's call
// changes what the next one finds; what is checked is who gets past the door, and a row problem
// comes back in the payload (an `ok` outcome), not as a refusal.

/** One record of each kind, unique to the call where the kind has a key of its own. */
const RECORDS: Record<string, (unique: string) => Record<string, unknown>> = {
  Payroll: (unique) => ({ code: keyOf('PAY', unique), name: 'Matrix payroll', frequency: 'MONTHLY' }),
  PayPeriod: () => ({
    payrollCode: 'MATRIX-NONE',
    periodStart: '2017-04-01',
    publishedDeadline: '2017-04-12T17:00:00+01:00',
    paymentsMade: 1,
  }),
  PayrollChange: (unique) => ({
    reference: keyOf('CHG', unique),
    payrollCode: 'MATRIX-NONE',
    periodStart: '2017-04-01',
    kind: 'STARTER',
    receivedAt: '2017-04-03T09:00:00+01:00',
  }),
  PayrollError: (unique) => ({
    reference: keyOf('ERR', unique),
    payrollCode: 'MATRIX-NONE',
    periodStart: '2017-04-01',
    causedBy: 'PARTNERSHIP',
    description: 'Paid twice',
  }),
  DbsCheck: (unique) => ({ reference: keyOf('DBS', unique), receivedAt: '2017-05-02T10:00:00+01:00' }),
  ContractLetter: (unique) => ({ reference: keyOf('CL', unique), systemChangeDate: '2017-05-02' }),
  Vacancy: (unique) => ({
    reference: keyOf('VAC', unique),
    title: 'Payroll officer',
    openedOn: '2017-05-01',
    closesOn: '2017-05-31',
  }),
  Application: (unique) => ({
    reference: keyOf('APP', unique),
    vacancyReference: 'MATRIX-NONE',
    receivedAt: '2017-05-10T12:00:00+01:00',
  }),
  ApplicationStage: () => ({
    applicationReference: 'MATRIX-NONE',
    stage: 'SHORTLISTED',
    reachedAt: '2017-06-02T09:00:00+01:00',
  }),
};

const PLURALS: Record<string, string> = {
  Payroll: 'Payrolls',
  PayPeriod: 'PayPeriods',
  PayrollChange: 'PayrollChanges',
  PayrollError: 'PayrollErrors',
  DbsCheck: 'DbsChecks',
  ContractLetter: 'ContractLetters',
  Vacancy: 'Vacancies',
  Application: 'Applications',
  ApplicationStage: 'ApplicationStages',
};

/**
 * The people who keep a customer's records: its own admins and agents, the partnership's, and
 * platform admins (who load a new customer's history).
 */
const RECORD_KEEPERS = outcomes(
  ['tenant_admin', 'service_agent', 'platform_admin', 'delegated_admin', 'delegated_agent'],
  {
    outsider: 'NOT_FOUND',
  },
);

function importRow(kind: string): MatrixTable[string] {
  return {
    operation: (context: MatrixContext, caller: Caller) =>
      mutationOf(`import${PLURALS[kind]}`, {
        organisationId: organisationIdOf(context),
        importKey: keyOf(`import-${kind}`, caller.unique),
        dryRun: true,
        rows: [RECORDS[kind]!(caller.unique)],
      }),
    outcomes: RECORD_KEEPERS,
    writesNothing: 'a dry run',
  };
}

/** The kinds whose matrix record names a parent that does not exist (a row problem, nothing written). */
const ORPHANS = new Set(['PayPeriod', 'PayrollChange', 'PayrollError', 'Application', 'ApplicationStage']);

function recordRow(kind: string): MatrixTable[string] {
  return {
    operation: (context: MatrixContext, caller: Caller) =>
      mutationOf(`record${kind}`, {
        organisationId: organisationIdOf(context),
        idempotencyKey: keyOf(`record-${kind}`, caller.unique),
        record: RECORDS[kind]!(caller.unique),
      }),
    outcomes: RECORD_KEEPERS,
    ...(ORPHANS.has(kind) ? { writesNothing: 'its parent does not exist: a row problem in the payload' } : {}),
  };
}

export const RECORDS_MATRIX: MatrixTable = {
  ...Object.fromEntries(
    Object.keys(RECORDS).flatMap((kind) => [
      [`import${PLURALS[kind]}`, importRow(kind)],
      [`record${kind}`, recordRow(kind)],
    ]),
  ),
  // Service-desk history: a dry run of one request still new (a row problem, if any, is a payload).
  importServiceRequestHistory: {
    operation: (context: MatrixContext, caller: Caller) =>
      mutationOf('importServiceRequestHistory', {
        organisationId: organisationIdOf(context),
        sourceSystem: 'Matrix desk',
        importKey: keyOf('import-history', caller.unique),
        dryRun: true,
        rows: [
          {
            externalReference: keyOf('INC', caller.unique),
            offeringCode: 'ict-user-support',
            title: 'Cannot print',
            raisedAt: '2017-05-02T10:00:00+01:00',
            raisedBy: 'matrix',
          },
        ],
      }),
    outcomes: RECORD_KEEPERS,
    writesNothing: 'a dry run',
  },
  recordImport: {
    operation: (context) => ({
      query:
        'query Matrix($id: ID) { recordImport(importKey: "matrix-no-such-import", organisationId: $id) { __typename } }',
      variables: { id: organisationIdOf(context) },
    }),
    outcomes: RECORD_KEEPERS,
  },
};
