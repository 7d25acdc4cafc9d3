import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capabilityMatchQuery } from '../support/queries/capability-queries.ts';
import { catalogueCodesQuery } from '../support/queries/service-request-queries.ts';
import { startTestApp, type TestApp, withoutCost } from '../support/test-app.ts';

let api: TestApp;
beforeAll(async () => {
  api = await startTestApp();
});
afterAll(() => api?.close());

const capabilityMatch = capabilityMatchQuery;

type Match = {
  capabilityMatch: {
    fitPercent: number;
    requirements: {
      requirement: string;
      status: string;
      offerings: { code: string; unitPrice: { amount: string } }[];
      notAllowedForKind: { code: string }[];
    }[];
  };
};

describe('capabilityMatch over GraphQL', () => {
  it("answers a school's requirements line by line, with prices, and reports what its kind may not take", async () => {
    const admin = await api.tokenFor('liverpool-direct', ['tenant_admin']);
    const catalogue = await api.graphql<{ serviceCatalogue: { nodes: { id: string; code: string }[] } }>(
      catalogueCodesQuery(100),
      admin,
    );
    const invoice = catalogue.body.data!.serviceCatalogue.nodes.find((node) => node.code === 'invoice-processing')!;
    const input = {
      kind: 'SCHOOL',
      offeringIds: [invoice.id],
      requirementLines: ['CRB checks for volunteers', 'New laptops for teachers', 'Grounds maintenance'],
    };
    const response = await api.graphql<Match>(capabilityMatch(input), admin);
    expect(response.body.errors).toBeUndefined();
    const result = response.body.data!.capabilityMatch;
    expect(
      result.requirements.map((r) => [r.status, r.offerings[0]?.code ?? null, r.notAllowedForKind.map((o) => o.code)]),
    ).toEqual([
      ['NOT_OFFERED', null, ['invoice-processing']],
      ['MATCHED', 'dbs-check', []],
      ['MATCHED', 'new-ict-device', []],
      ['NOT_OFFERED', null, []],
    ]);
    expect(result.requirements[1]?.offerings[0]?.unitPrice.amount).toMatch(/^\d+\.\d{2}$/);
    expect(result.fitPercent).toBe(50);
    // The same requirements always give the same answer.
    expect(withoutCost((await api.graphql<Match>(capabilityMatch(input), admin)).body)).toEqual(
      withoutCost(response.body),
    );
  });

  it('is for tenant admins: a requester is refused', async () => {
    const requester = await api.tokenFor('liverpool-city-council', ['requester']);
    const response = await api.graphql(capabilityMatch({ kind: 'SCHOOL', requirementLines: ['payroll'] }), requester);
    expect(response.body.data).toBeNull();
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'ROLE_REQUIRED', kind: 'FORBIDDEN' });
  });
});
