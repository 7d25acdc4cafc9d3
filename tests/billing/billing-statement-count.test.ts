import { tables } from '@ssp/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reconciliationQuery } from '../support/queries/billing-operation-queries.ts';
import { billingListsQuery } from '../support/queries/billing-read-queries.ts';
import { organisationGlobalId } from '../support/queries/organisation-queries.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

// Billing reads never go row by row: the reconciliation and an organisation's charges and savings
// opportunities cost the same number of SQL statements with eleven lines as with none.

let api: TestApp;
beforeAll(async () => {
  api = await startTestApp();
});
afterAll(() => api?.close());

async function countStatements(operation: Parameters<TestApp['graphql']>[0], token: string) {
  const { result, statements } = await api.app.database.statements.measure(() => api.graphql(operation, token));
  expect(result.body.errors).toBeUndefined();
  return { data: result.body.data as Record<string, Record<string, unknown>>, statements };
}

const opportunitiesQuery = billingListsQuery;

describe('billing reads cost a fixed number of statements', () => {
  it("Lancashire's reconciliation (eleven lines, 22 ledger entries) costs what an empty one does", async () => {
    const partner = await api.tokenFor('bt-lancashire-services', ['finance']);
    const lancashire = organisationGlobalId(api.organisationId('lancashire-county-council'));
    const empty = organisationGlobalId(api.organisationId('south-ribble-borough-council'));
    const full = await countStatements(
      reconciliationQuery({ organisationId: lancashire, fiscalYear: '2017/18' }),
      partner,
    );
    const none = await countStatements(reconciliationQuery({ organisationId: empty, fiscalYear: '2017/18' }), partner);
    expect((full.data.savingsReconciliation!.lines as unknown[]).length).toBe(11);
    expect((none.data.savingsReconciliation!.lines as unknown[]).length).toBe(0);
    expect(full.statements).toBe(none.statements);
  });

  it("an organisation's opportunities with their ledger entries, charges and reductions: one shape, one cost", async () => {
    const partner = await api.tokenFor('bt-lancashire-services', ['finance']);
    // Two charges for Lancashire, so the charges (with reductions and instalments) have rows too.
    await api.db.database.inPlatformTransaction({ actor: 'test', reason: 'charges to read' }, (tx) =>
      tx.insert(tables.affordabilityCharges).values(
        [2017, 2018].map((fiscalYear) => ({
          tenantId: api.organisationId('lancashire-county-council'),
          fiscalYear,
          contractSchedule: 'Schedule 11',
          annualPence: 10_000_000_00n,
          paymentProfile: 'monthly' as const,
          setBy: 'test',
        })),
      ),
    );
    // The partner sees its customers through delegations: its first request plans its read for
    // itself alone, and the database's set-up has it sent again (once; see statement-count.test.ts).
    await countStatements(
      opportunitiesQuery(organisationGlobalId(api.organisationId('lancashire-county-council'))),
      partner,
    );
    const full = await countStatements(
      opportunitiesQuery(organisationGlobalId(api.organisationId('lancashire-county-council'))),
      partner,
    );
    const none = await countStatements(
      opportunitiesQuery(organisationGlobalId(api.organisationId('south-ribble-borough-council'))),
      partner,
    );
    const opportunities = (full.data.organisation!.savingsOpportunities as { nodes: unknown[] }).nodes;
    expect(opportunities).toHaveLength(12);
    const charges = (full.data.organisation!.affordabilityCharges as { nodes: { netCharge: { amount: string } }[] })
      .nodes;
    expect(charges.map((charge) => charge.netCharge.amount)).toEqual(['7000000.00', '7000000.00']);
    expect(full.statements).toBe(none.statements);
  });
});
