import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisationGlobalId } from '../support/queries/organisation-queries.ts';
import { payrollAndDbsRecordsQuery } from '../support/queries/organisation-record-queries.ts';
import { startTestApp, type TestApp, withCost } from '../support/test-app.ts';

let api: TestApp;
beforeAll(async () => {
  api = await startTestApp();
});
afterAll(() => api?.close());

const recordsQuery = payrollAndDbsRecordsQuery;

type Records = {
  organisation: {
    payrolls: {
      nodes: { code: string; periods: { nodes: { paymentsMade: number; changes: { nodes: unknown[] } }[] } }[];
    };
    dbsChecks: { nodes: { informationCompleteAt: string | null }[] };
  } | null;
};

describe("an organisation's payroll and recruitment records", () => {
  const lancashire = () => organisationGlobalId(api.organisationId('lancashire-county-council'));

  it('shows Lancashire its payrolls, pay periods with payments and changes, and DBS checks', async () => {
    const admin = await api.tokenFor('lancashire-county-council', ['tenant_admin']);
    const response = await api.graphql<Records>(recordsQuery(lancashire(), 50), admin);
    expect(response.body.errors).toBeUndefined();
    const organisation = response.body.data!.organisation!;
    // 21 payrolls from 2014/15, and the eight added for the apprenticeship levy in 2017/18.
    expect(organisation.payrolls.nodes).toHaveLength(29);
    const periods = organisation.payrolls.nodes.flatMap((payroll) => payroll.periods.nodes);
    expect(periods.length).toBeGreaterThan(0);
    expect(periods.every((period) => period.paymentsMade > 0)).toBe(true);
    expect(periods.some((period) => period.changes.nodes.length > 0)).toBe(true);
    expect(organisation.dbsChecks.nodes).toHaveLength(20);
  });

  it('costs the same number of SQL statements for 1 payroll as for 29, with their periods and changes', async () => {
    const admin = await api.tokenFor('lancashire-county-council', ['tenant_admin']);
    const one = await api.app.database.statements.measure(() => api.graphql(recordsQuery(lancashire(), 1), admin));
    const all = await api.app.database.statements.measure(() => api.graphql(recordsQuery(lancashire(), 50), admin));
    expect(all.statements).toBe(one.statements);
  });

  it('shows another organisation nothing of them', async () => {
    const liverpool = await api.tokenFor('liverpool-city-council', ['tenant_admin']);
    const response = await api.graphql<Records>(recordsQuery(lancashire(), 50), liverpool);
    expect(response.body).toEqual(withCost({ data: { organisation: null } }));
    const own = await api.graphql<Records>(
      recordsQuery(organisationGlobalId(api.organisationId('liverpool-city-council')), 50),
      liverpool,
    );
    expect(own.body.data?.organisation?.payrolls.nodes).toEqual([]);
  });
});
