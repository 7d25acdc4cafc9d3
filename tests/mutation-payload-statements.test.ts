import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setChargeWithOrganisationChargesMutation } from './support/queries/charge-payload-queries.ts';
import { organisationGlobalId } from './support/queries/organisation-queries.ts';
import { tenantTablesUnbound } from './support/tenant-bound-statements.ts';
import { startTestApp, type TestApp } from './support/test-app.ts';

// A mutation's payload is read as a query's root field is: its object in one statement after the
// write (in the request's transaction, so it shows the write), the lists under it aggregated in
// that statement, every tenant table in it bound by tenant_id (one shard on Citus) and nothing
// joined laterally (Citus refuses a LIMITed parent joined laterally to its children).

let api: TestApp;
let partner: string;
let customerId: string;
beforeAll(async () => {
  api = await startTestApp();
  partner = await api.tokenFor('bt-lancashire-services', ['finance'], 'finance@bt.example');
  customerId = organisationGlobalId(api.organisationId('south-ribble-borough-council'));
});
afterAll(() => api?.close());

interface Charged {
  setAffordabilityCharge: {
    __typename: string;
    affordabilityCharge: {
      fiscalYear: string;
      netCharge: { amount: string };
      organisation: {
        slug: string;
        affordabilityCharges: { nodes: { fiscalYear: string; instalments: { dueMonth: string }[] }[] };
      };
    };
  };
}

/** Sets a new year's charge for the customer; its statements, and the payload. */
async function setCharge(fiscalYear: string) {
  const { result, statements } = await api.app.database.statements.record(() =>
    api.graphql<Charged>(
      setChargeWithOrganisationChargesMutation({
        organisationId: customerId,
        fiscalYear,
        contractSchedule: 'Schedule 11',
        annualAmount: '1200000.00',
        paymentProfile: 'MONTHLY',
      }),
      partner,
    ),
  );
  expect(result.body.errors).toBeUndefined();
  const payload = result.body.data!.setAffordabilityCharge;
  expect(payload.__typename).toBe('SetAffordabilityChargePayload');
  return { charge: payload.affordabilityCharge, statements };
}

describe("a mutation's payload costs a fixed number of statements", () => {
  it('the charge with its organisation and every charge of that organisation: as many for five years as for one', async () => {
    const first = await setCharge('2031/32');
    expect(first.charge.organisation.affordabilityCharges.nodes.map((charge) => charge.fiscalYear)).toEqual([
      '2031/32',
    ]);
    for (const year of ['2032/33', '2033/34', '2034/35']) await setCharge(year);
    const fifth = await setCharge('2035/36');

    // Read after the write, in its transaction: the new charge is in its organisation's list.
    expect(fifth.charge.fiscalYear).toBe('2035/36');
    expect(fifth.charge.netCharge.amount).toBe('1200000.00');
    expect(fifth.charge.organisation.slug).toBe('south-ribble-borough-council');
    const listed = fifth.charge.organisation.affordabilityCharges.nodes;
    expect(listed.map((charge) => charge.fiscalYear)).toEqual(['2035/36', '2034/35', '2033/34', '2032/33', '2031/32']);
    expect(listed.every((charge) => charge.instalments.length === 12)).toBe(true);

    expect(fifth.statements.length).toBe(first.statements.length);
    // The payload's object, its organisation and their lists: one statement.
    const payloadReads = fifth.statements.filter((statement) => statement.includes('json_build_object'));
    expect(payloadReads).toHaveLength(1);
    for (const statement of fifth.statements) {
      expect(tenantTablesUnbound(statement), statement).toEqual([]);
      expect(statement).not.toMatch(/\blateral\b/i);
    }
  });
});
