import { EmbeddedDatabase, urlForRole } from '@ssp/core';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  decideMutation,
  proposeMutation,
  reconciliationQuery,
  recordEntryMutation,
} from '../support/queries/billing-operation-queries.ts';
import { savingsLedgerQuery } from '../support/queries/billing-read-queries.ts';
import { nodeIdQuery } from '../support/queries/business-case-queries.ts';
import { organisationGlobalId } from '../support/queries/organisation-queries.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { databaseId, newKey, payloadOf, queryErrorOf } from './support/billing-operations.ts';

// Savings opportunities and the append-only savings ledger, driven as the partnership (BT
// Lancashire Services' finance) and its customers (two district councils) would.

let api: TestApp;
let partner: string;
let southRibble: string;
let westLancashire: string;
let southRibbleId: string;
beforeAll(async () => {
  api = await startTestApp();
  partner = await api.tokenFor('bt-lancashire-services', ['finance'], 'finance@bt.example');
  southRibble = await api.tokenFor('south-ribble-borough-council', ['finance'], 'finance@southribble.example');
  westLancashire = await api.tokenFor('west-lancashire-borough-council', ['finance'], 'finance@westlancs.example');
  southRibbleId = organisationGlobalId(api.organisationId('south-ribble-borough-council'));
});
afterAll(() => api?.close());

const pounds = (amount: string) => ({ amount, currency: 'GBP' });

async function propose(overrides: Record<string, unknown> = {}, token = partner) {
  return payloadOf(
    api,
    proposeMutation({
      organisationId: southRibbleId,
      title: 'Licence reduction - firewall consolidation',
      category: 'LICENCE_REDUCTION',
      cashable: true,
      recurrence: 'RECURRING',
      countsAgainst: 'AFFORDABILITY_CHARGE',
      estimatedAnnualSaving: '25000.00',
      idempotencyKey: newKey('propose'),
      ...overrides,
    }),
    token,
  );
}

/** An opportunity South Ribble has accepted, ready for ledger entries. */
async function acceptedOpportunity(overrides: Record<string, unknown> = {}): Promise<string> {
  const proposed = await propose(overrides);
  expect(proposed.__typename).toBe('SavingsOpportunityPayload');
  const id = proposed.savingsOpportunity.id;
  const accepted = await payloadOf(api, decideMutation({ opportunityId: id, decision: 'ACCEPT' }), southRibble);
  expect(accepted.savingsOpportunity.status).toBe('ACCEPTED');
  return id;
}

const record = (input: Record<string, unknown>, token = partner) =>
  payloadOf(api, recordEntryMutation({ idempotencyKey: newKey('entry'), ...input }), token);

/** Every ledger row of the organisation, read around the API (platform path). */
async function ledgerRows(opportunityGlobalId: string) {
  return api.db.database.inPlatformTransaction({ actor: 'test', reason: 'read the ledger' }, async (tx) =>
    tx.query.savingsLedgerEntries.findMany({ where: { opportunityId: databaseId(opportunityGlobalId) } }),
  );
}

describe('savings opportunities: proposed by the partnership, decided by the customer', () => {
  it('the customer cannot propose its own savings, and the partnership cannot accept them for it', async () => {
    expect(await propose({}, southRibble)).toMatchObject({
      __typename: 'ForbiddenError',
      code: 'SERVING_PARTNERSHIP_ONLY',
    });
    const proposed = await propose();
    const decided = await payloadOf(
      api,
      decideMutation({ opportunityId: proposed.savingsOpportunity.id, decision: 'ACCEPT' }),
      partner,
    );
    expect(decided).toMatchObject({ __typename: 'ForbiddenError', code: 'CUSTOMER_DECISION_ONLY' });
  });

  it('a rejection needs a reason, and keeps it; a rejected opportunity cannot then be accepted', async () => {
    const { savingsOpportunity } = await propose({
      title: 'Move Oracle support elsewhere',
      category: 'SUPPLIER_CHANGE',
    });
    const noReason = await payloadOf(
      api,
      decideMutation({ opportunityId: savingsOpportunity.id, decision: 'REJECT' }),
      southRibble,
    );
    expect(noReason).toMatchObject({ __typename: 'ValidationError', field: 'input.reason' });
    const rejected = await payloadOf(
      api,
      decideMutation({
        opportunityId: savingsOpportunity.id,
        decision: 'REJECT',
        reason: 'Oracle skills must stay in-house',
      }),
      southRibble,
    );
    expect(rejected.savingsOpportunity).toMatchObject({
      status: 'REJECTED',
      decisionReason: 'Oracle skills must stay in-house',
    });
    const again = await payloadOf(
      api,
      decideMutation({ opportunityId: savingsOpportunity.id, decision: 'ACCEPT' }),
      southRibble,
    );
    expect(again).toMatchObject({ __typename: 'ConflictError', code: 'OPPORTUNITY_ALREADY_DECIDED' });
  });

  it('a saving against another budget must name it; one against the charge must not', async () => {
    expect(await propose({ countsAgainst: 'OTHER_BUDGET' })).toMatchObject({
      __typename: 'ValidationError',
      field: 'input.budgetName',
    });
    expect(await propose({ budgetName: 'Telephony' })).toMatchObject({
      __typename: 'ValidationError',
      field: 'input.budgetName',
    });
    const ok = await propose({ countsAgainst: 'OTHER_BUDGET', budgetName: 'Telephony budget' });
    expect(ok.savingsOpportunity).toMatchObject({ countsAgainst: 'OTHER_BUDGET', budgetName: 'Telephony budget' });
  });

  it('a proposed (not yet accepted) opportunity records no savings', async () => {
    const { savingsOpportunity } = await propose();
    const refused = await record({
      kind: 'ESTIMATE',
      opportunityId: savingsOpportunity.id,
      fiscalYear: '2018/19',
      amount: '1.00',
    });
    expect(refused).toMatchObject({ __typename: 'ConflictError', code: 'OPPORTUNITY_NOT_ACCEPTED' });
    expect(await ledgerRows(savingsOpportunity.id)).toHaveLength(0);
  });
});

describe('the savings ledger', () => {
  it('an estimate is pending until an actual settles the year; then neither an estimate nor a second actual is taken', async () => {
    const opportunity = await acceptedOpportunity();
    const estimate = await record({
      kind: 'ESTIMATE',
      opportunityId: opportunity,
      fiscalYear: '2018/19',
      amount: '25000.00',
    });
    expect(estimate.savingsLedgerEntry).toMatchObject({
      kind: 'ESTIMATE',
      basis: 'ESTIMATED',
      amount: pounds('25000.00'),
    });
    const actual = await record({
      kind: 'ACTUAL',
      opportunityId: opportunity,
      fiscalYear: '2018/19',
      amount: '23456.78',
    });
    expect(actual.savingsLedgerEntry).toMatchObject({ kind: 'ACTUAL', basis: 'ACTUAL' });
    for (const kind of ['ESTIMATE', 'ACTUAL']) {
      const late = await record({ kind, opportunityId: opportunity, fiscalYear: '2018/19', amount: '1.00' });
      expect(late).toMatchObject({ __typename: 'ConflictError', code: 'LEDGER_YEAR_SETTLED' });
    }
    expect(await ledgerRows(opportunity)).toHaveLength(2);
  });

  it('a restatement needs a reason, replaces the figure and keeps its basis; a reversal falls back to the entry before', async () => {
    const opportunity = await acceptedOpportunity();
    const actual = await record({
      kind: 'ACTUAL',
      opportunityId: opportunity,
      fiscalYear: '2019/20',
      amount: '10000.00',
    });
    const noReason = await record({
      kind: 'RESTATEMENT',
      opportunityId: opportunity,
      fiscalYear: '2019/20',
      amount: '9000.00',
    });
    expect(noReason).toMatchObject({ __typename: 'ValidationError', field: 'input.reason' });
    const restated = await record({
      kind: 'RESTATEMENT',
      opportunityId: opportunity,
      fiscalYear: '2019/20',
      amount: '9000.00',
      reason: 'Accounts closed: licence credit applied late',
    });
    expect(restated.savingsLedgerEntry).toMatchObject({ basis: 'ACTUAL', amount: pounds('9000.00') });

    const reversal = await record({
      kind: 'REVERSAL',
      reversesEntryId: restated.savingsLedgerEntry.id,
      reason: 'Restated in error',
    });
    expect(reversal.savingsLedgerEntry).toMatchObject({
      kind: 'REVERSAL',
      amount: pounds('-9000.00'),
      basis: null,
      reverses: { id: restated.savingsLedgerEntry.id },
    });
    const twice = await record({ kind: 'REVERSAL', reversesEntryId: restated.savingsLedgerEntry.id, reason: 'Again' });
    expect(twice).toMatchObject({ __typename: 'ConflictError', code: 'LEDGER_ENTRY_ALREADY_REVERSED' });
    const ofReversal = await record({
      kind: 'REVERSAL',
      reversesEntryId: reversal.savingsLedgerEntry.id,
      reason: 'Undo',
    });
    expect(ofReversal).toMatchObject({ __typename: 'ValidationError', field: 'input.reversesEntryId' });

    const r = await payloadOf(
      api,
      reconciliationQuery({ organisationId: southRibbleId, fiscalYear: '2019/20' }),
      southRibble,
    );
    const line = r.lines.find(
      (candidate: { title: string; amount: { amount: string } }) => candidate.amount.amount === '10000.00',
    );
    expect(line).toMatchObject({ basis: 'ACTUAL' });
    expect(actual.savingsLedgerEntry.id).toBeTruthy();
  });

  it('restating a year with no figure is refused: there is nothing to restate', async () => {
    const opportunity = await acceptedOpportunity();
    const refused = await record({
      kind: 'RESTATEMENT',
      opportunityId: opportunity,
      fiscalYear: '2020/21',
      amount: '1.00',
      reason: 'Nothing here',
    });
    expect(refused).toMatchObject({ __typename: 'ConflictError', code: 'LEDGER_NOTHING_TO_RESTATE' });
  });

  it('the ledger reads as it stood at any past instant', async () => {
    const opportunity = await acceptedOpportunity({ title: 'Printing strategy' });
    await record({ kind: 'ESTIMATE', opportunityId: opportunity, fiscalYear: '2021/22', amount: '500.00' });
    const between = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await record({ kind: 'ACTUAL', opportunityId: opportunity, fiscalYear: '2021/22', amount: '750.00' });
    const lineFor = async (asOf?: string) => {
      const r = await payloadOf(
        api,
        reconciliationQuery({ organisationId: southRibbleId, fiscalYear: '2021/22', ...(asOf ? { asOf } : {}) }),
        southRibble,
      );
      return r.lines.find((line: { title: string }) => line.title === 'Printing strategy');
    };
    expect(await lineFor(between)).toMatchObject({ basis: 'ESTIMATED', amount: pounds('500.00') });
    expect(await lineFor()).toMatchObject({ basis: 'ACTUAL', amount: pounds('750.00') });

    // The ledger itself, entry by entry, as it stood then and as it stands now.
    const ledger = async (asOf?: string) => {
      const response = await api.graphql<{
        organisation: { savingsLedger: { nodes: { kind: string; amount: { amount: string } }[] } };
      }>(savingsLedgerQuery(southRibbleId, '2021/22', asOf), southRibble);
      expect(response.body.errors).toBeUndefined();
      return response.body.data!.organisation.savingsLedger.nodes.map(
        (entry) => `${entry.kind} ${entry.amount.amount}`,
      );
    };
    expect(await ledger(between)).toEqual(['ESTIMATE 500.00']);
    expect(await ledger()).toEqual(['ESTIMATE 500.00', 'ACTUAL 750.00']);
  });

  it('bad amounts are typed errors and write nothing: three decimals, negative, beyond the supported range, not a number', async () => {
    const opportunity = await acceptedOpportunity();
    for (const amount of ['1.001', '-5.00', '90071992547409.92', '1e3', '1,000.00', '']) {
      const refused = await record({ kind: 'ESTIMATE', opportunityId: opportunity, fiscalYear: '2018/19', amount });
      expect(refused).toMatchObject({ __typename: 'ValidationError', field: 'input.amount' });
    }
    const badYear = await record({
      kind: 'ESTIMATE',
      opportunityId: opportunity,
      fiscalYear: '2018-19',
      amount: '1.00',
    });
    expect(badYear).toMatchObject({ __typename: 'ValidationError', field: 'input.fiscalYear' });
    expect(await ledgerRows(opportunity)).toHaveLength(0);
  });

  it('50 concurrent retries of one entry with one idempotency key record it once', async () => {
    const opportunity = await acceptedOpportunity();
    const idempotencyKey = newKey('retry');
    const input = {
      kind: 'ACTUAL',
      opportunityId: opportunity,
      fiscalYear: '2018/19',
      amount: '1000000.01',
      idempotencyKey,
    };
    const answers = await Promise.all(Array.from({ length: 50 }, () => record(input)));
    expect(answers.map((answer) => answer.__typename)).toEqual(Array(50).fill('RecordSavingsLedgerEntryPayload'));
    expect(new Set(answers.map((answer) => answer.savingsLedgerEntry.id)).size).toBe(1);
    expect(answers.filter((answer) => answer.replayed === false)).toHaveLength(1);
    expect(await ledgerRows(opportunity)).toHaveLength(1);

    const otherInput = await record({ ...input, amount: '2.00' });
    expect(otherInput).toMatchObject({ __typename: 'ConflictError', code: 'IDEMPOTENCY_KEY_REUSED' });
  });

  it("finance of another customer cannot record against, or read, this customer's ledger", async () => {
    const opportunity = await acceptedOpportunity();
    const refused = await record(
      { kind: 'ESTIMATE', opportunityId: opportunity, fiscalYear: '2018/19', amount: '1.00' },
      westLancashire,
    );
    expect(refused).toMatchObject({ __typename: 'NotFoundError', code: 'NOT_FOUND' });
    const read = await queryErrorOf(
      api,
      reconciliationQuery({ organisationId: southRibbleId, fiscalYear: '2018/19' }),
      westLancashire,
    );
    expect(read.extensions).toEqual({ code: 'NOT_FOUND', kind: 'NOT_FOUND' });
    const ledger = await api.graphql<{ node: unknown }>(nodeIdQuery(opportunity), westLancashire);
    expect(ledger.body.data?.node).toBeNull();
  });

  it('every recording is in the customer audit trail', async () => {
    const opportunity = await acceptedOpportunity();
    const entry = await record({
      kind: 'ESTIMATE',
      opportunityId: opportunity,
      fiscalYear: '2018/19',
      amount: '12.34',
    });
    const events = await api.db.database.inPlatformTransaction({ actor: 'test', reason: 'read audit' }, (tx) =>
      tx.query.auditEvents.findMany({ where: { targetId: databaseId(entry.savingsLedgerEntry.id) } }),
    );
    expect(events).toMatchObject([
      {
        action: 'savings_ledger.estimate_recorded',
        actorSubject: 'finance@bt.example',
        after: { amountPence: '1234' },
      },
    ]);
  });
});

describe('the database itself refuses to change the ledger', () => {
  it('UPDATE and DELETE of a ledger row as the runtime role fail, with the row in its tenant context', async () => {
    const opportunity = await acceptedOpportunity();
    const entry = await record({
      kind: 'ESTIMATE',
      opportunityId: opportunity,
      fiscalYear: '2018/19',
      amount: '100.00',
    });
    const entryId = databaseId(entry.savingsLedgerEntry.id);
    const tenantId = api.organisationId('south-ribble-borough-council');
    const attempts = [
      'update savings_ledger_entries set amount_pence = 1 where id = $1',
      'delete from savings_ledger_entries where id = $1',
    ];
    for (const statement of attempts) {
      await expect(asRuntime(tenantId, (query) => query(statement, [entryId]))).rejects.toThrow(
        /permission denied|append-only/,
      );
    }
    expect((await ledgerRows(opportunity))[0]?.amountPence).toBe(10000n);
  });
});

/** Runs SQL as ssp_runtime with one tenant in context: its own login on a server, SET ROLE on PGlite. */
async function asRuntime(
  tenantId: string,
  work: (query: (text: string, values: unknown[]) => Promise<unknown>) => Promise<unknown>,
) {
  const serverUrl = api.db.serverUrl;
  if (serverUrl) {
    const client = new pg.Client({ connectionString: urlForRole(serverUrl, 'ssp_runtime') });
    await client.connect();
    try {
      await client.query('begin');
      await client.query('select app.set_tenant_context($1::uuid[])', [[tenantId]]);
      return await work((text, values) => client.query(text, values));
    } finally {
      await client.query('rollback').catch(() => undefined);
      await client.end();
    }
  }
  const embedded = api.db.database;
  if (!(embedded instanceof EmbeddedDatabase)) throw new Error('Expected PGlite without a server URL');
  return embedded.client.transaction(async (tx) => {
    await tx.query('set local role ssp_runtime');
    await tx.query('select app.set_tenant_context($1::uuid[])', [[tenantId]]);
    await work((text, values) => tx.query(text, values));
  });
}
