import { seedOrganisations, serviceOfferings } from '@ssp/seeds';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisationGlobalId } from '../support/queries/organisation-queries.ts';
import {
  type OfferingView,
  organisationSubscriptionsQuery,
  type SubscriptionView,
  serviceCatalogueQuery,
} from '../support/queries/service-catalogue-queries.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { offeringGlobalId } from './support/request-ids.ts';

let api: TestApp;
let token: string;
beforeAll(async () => {
  api = await startTestApp();
  token = await api.tokenFor('lancashire-county-council', ['requester']);
});
afterAll(() => api?.close());

type CataloguePage = { serviceCatalogue: { pageInfo: { hasNextPage: boolean }; nodes: OfferingView[] } };

async function catalogue(filter?: { serviceLine?: string; search?: string }, as = token) {
  const response = await api.graphql<CataloguePage>(
    serviceCatalogueQuery({ first: 100, ...(filter ? { filter } : {}) }),
    as,
  );
  expect(response.body.errors).toBeUndefined();
  return response.body.data!.serviceCatalogue.nodes;
}

/** The offerings the corporate functions (payroll set-up, finance, procurement) exclude schools from. */
const CORPORATE_ONLY = ['invoice-processing', 'payroll-set-up', 'purchase-order', 'supplier-set-up'];

describe('serviceCatalogue', () => {
  it('lists every seeded offering, grouped by line of service in catalogue order and by name within a line', async () => {
    const nodes = await catalogue();
    expect(nodes.map((node) => node.code).sort()).toEqual(serviceOfferings.map((offering) => offering.code).sort());
    expect(nodes).toHaveLength(16);
    expect(nodes.map((node) => [node.serviceLine.code, node.name])).toEqual([
      ['PAYROLL', 'Pay changes and arrears'],
      ['PAYROLL', 'Payroll set-up'],
      ['PAYROLL', 'Payslip queries'],
      ['PAYROLL', 'Starters and leavers'],
      ['RECRUITMENT', 'Assessment centres'],
      ['RECRUITMENT', 'DBS checks'],
      ['RECRUITMENT', 'Employment contracts'],
      ['RECRUITMENT', 'Vacancy advertising and recruitment'],
      ['ICT', 'ICT incidents'],
      ['ICT', 'ICT user support and guidance'],
      ['ICT', 'New ICT accounts'],
      ['ICT', 'New ICT devices'],
      ['ICT', 'Password reset / log-on error'],
      ['FINANCE', 'Invoice processing'],
      ['PROCUREMENT', 'Purchase requisitions and orders'],
      ['PROCUREMENT', 'Supplier set-up'],
    ]);
    // The ids are the seed's fixed ids, so tests and clients agree on them.
    for (const node of nodes) expect(node.id).toBe(offeringGlobalId(node.code));
  });

  it('filters by service line', async () => {
    const ict = await catalogue({ serviceLine: 'ICT' });
    expect(ict.map((node) => node.code)).toEqual([
      'ict-incident',
      'ict-user-support',
      'new-ict-account',
      'new-ict-device',
      'password-reset',
    ]);
    expect(new Set(ict.map((node) => node.serviceLine.code))).toEqual(new Set(['ICT']));
    const recruitment = await catalogue({ serviceLine: 'RECRUITMENT' });
    expect(recruitment.map((node) => node.code)).toEqual([
      'assessment-centre',
      'dbs-check',
      'employment-contract',
      'vacancy-advertising',
    ]);
    expect((await catalogue({ serviceLine: 'FINANCE' })).map((node) => node.code)).toEqual(['invoice-processing']);
  });

  it.each([
    ['CRB', ['dbs-check']], // a keyword, in capitals (and "formerly CRB" in the description)
    ['laptop', ['new-ict-device']], // keyword and description
    ['Password reset', ['password-reset']], // the name
    ['Apprenticeship Levy', ['payroll-set-up']], // description and keyword, mixed case
    ['pension enrolment', ['starters-and-leavers']], // a keyword phrase only
    ['no offering mentions this', []],
  ])('searches names, descriptions and keywords case-insensitively: %s', async (search, codes) => {
    const nodes = await catalogue({ search });
    expect(nodes.map((node) => node.code)).toEqual(codes);
  });

  it('treats % and _ in a search as literal text, not patterns', async () => {
    // Only two descriptions contain a literal per cent sign ("target: 75 %").
    expect((await catalogue({ search: '%' })).map((node) => node.code)).toEqual(['dbs-check', 'ict-user-support']);
    expect(await catalogue({ search: '_' })).toEqual([]);
  });

  it('combines the line filter with the search (both must hold)', async () => {
    expect((await catalogue({ serviceLine: 'ICT', search: 'password' })).map((node) => node.code)).toEqual([
      'password-reset',
    ]);
    expect(await catalogue({ serviceLine: 'PAYROLL', search: 'laptop' })).toEqual([]);
  });

  it('gives money as a decimal string with its currency, and the kinds of organisation that may subscribe', async () => {
    const nodes = await catalogue();
    const byCode = new Map(nodes.map((node) => [node.code, node]));
    expect(byCode.get('dbs-check')?.unitPrice).toEqual({ amount: '12.00', currency: 'GBP' });
    expect(byCode.get('payroll-set-up')?.unitPrice).toEqual({ amount: '750.00', currency: 'GBP' });
    expect(byCode.get('ict-user-support')?.unitPrice).toEqual({ amount: '6.00', currency: 'GBP' });
    expect(byCode.get('invoice-processing')?.unitPrice).toEqual({ amount: '3.00', currency: 'GBP' });
    for (const code of CORPORATE_ONLY) {
      const kinds = byCode.get(code)?.allowedKinds;
      expect(kinds).not.toContain('SCHOOL');
      expect(kinds).not.toContain('ACADEMY');
      expect(kinds).toContain('COUNTY_COUNCIL');
    }
    expect(byCode.get('dbs-check')?.allowedKinds).toEqual(expect.arrayContaining(['SCHOOL', 'ACADEMY', 'NHS_TRUST']));
    // Partnerships are providers, not customers.
    for (const node of nodes) expect(node.allowedKinds).not.toContain('PARTNERSHIP');
    expect(byCode.get('ict-incident')?.kind).toBe('INCIDENT');
    expect(byCode.get('dbs-check')?.kind).toBe('REQUEST');
  });

  it('shows the SLA in force: DBS checks in 2 working days, ICT user support responded to within 30 elapsed minutes', async () => {
    const nodes = await catalogue();
    const byCode = new Map(nodes.map((node) => [node.code, node]));
    expect(byCode.get('dbs-check')?.currentSla).toEqual({
      version: 1,
      fulfilmentUnit: 'WORKING_DAYS',
      fulfilmentAmount: 2,
      responseUnit: null,
      responseAmount: null,
    });
    expect(byCode.get('ict-user-support')?.currentSla).toEqual({
      version: 1,
      fulfilmentUnit: 'WORKING_HOURS',
      fulfilmentAmount: 8,
      responseUnit: 'ELAPSED_MINUTES',
      responseAmount: 30,
    });
    expect(byCode.get('employment-contract')?.currentSla).toMatchObject({
      fulfilmentUnit: 'WORKING_DAYS',
      fulfilmentAmount: 10,
    });
    // Every ICT offering carries the 30-minute response target; no other line has one.
    for (const node of nodes) {
      const response =
        node.serviceLine.code === 'ICT'
          ? { responseUnit: 'ELAPSED_MINUTES', responseAmount: 30 }
          : { responseUnit: null, responseAmount: null };
      expect(node.currentSla, node.code).toMatchObject(response);
    }
  });

  it('is the same platform-wide catalogue for every organisation, and closed to anonymous callers', async () => {
    const liverpool = await api.tokenFor('liverpool-city-council', ['requester']);
    const fromLiverpool = await catalogue(undefined, liverpool);
    expect(fromLiverpool.map((node) => node.id)).toEqual((await catalogue()).map((node) => node.id));

    const anonymous = await api.graphql(serviceCatalogueQuery({ first: 5 }));
    expect(anonymous.body.data ?? null).toBeNull();
    expect(anonymous.body.errors?.length).toBeGreaterThan(0);
  });

  it('pages through the catalogue', async () => {
    const first = await api.graphql<CataloguePage & { serviceCatalogue: { pageInfo: { endCursor: string } } }>(
      { ...serviceCatalogueQuery({ first: 10 }) },
      token,
    );
    expect(first.body.data?.serviceCatalogue.nodes).toHaveLength(10);
    expect(first.body.data?.serviceCatalogue.pageInfo.hasNextPage).toBe(true);
  });
});

describe("an organisation's subscriptions", () => {
  type SubscriptionsAnswer = {
    organisation: { slug: string; kind: string; subscriptions: { nodes: SubscriptionView[] } } | null;
  };

  async function subscriptionsOf(slug: string, as: string) {
    const response = await api.graphql<SubscriptionsAnswer>(
      organisationSubscriptionsQuery(organisationGlobalId(api.organisationId(slug))),
      as,
    );
    expect(response.body.errors).toBeUndefined();
    return response.body.data!.organisation;
  }

  it('Lancashire County Council subscribes to every offering, at the catalogue price', async () => {
    const organisation = await subscriptionsOf('lancashire-county-council', token);
    const nodes = organisation!.subscriptions.nodes;
    expect(nodes.map((node) => node.offering.code).sort()).toEqual(serviceOfferings.map((o) => o.code).sort());
    for (const node of nodes) {
      expect(node.organisation.slug).toBe('lancashire-county-council');
      expect(node.active).toBe(true);
      expect(node.negotiatedPrice).toBe(false);
      expect(node.endedAt).toBeNull();
    }
    const dbs = nodes.find((node) => node.offering.code === 'dbs-check');
    expect(dbs?.unitPrice).toEqual({ amount: '12.00', currency: 'GBP' });
  });

  it('a school takes only what its kind may: none of the corporate functions', async () => {
    const school = seedOrganisations().find(
      (organisation) =>
        organisation.kind === 'school' &&
        organisation.parentSlug === 'lancashire-county-council' &&
        organisation.lifecycleStatus === 'active',
    )!;
    const schoolToken = await api.tokenFor(school.slug, ['requester']);
    const organisation = await subscriptionsOf(school.slug, schoolToken);
    expect(organisation?.kind).toBe('SCHOOL');
    const codes = organisation!.subscriptions.nodes.map((node) => node.offering.code).sort();
    const expected = serviceOfferings
      .filter((offering) => offering.allowedKinds.includes('school'))
      .map((offering) => offering.code)
      .sort();
    expect(codes).toEqual(expected);
    expect(codes).toHaveLength(12);
    for (const code of CORPORATE_ONLY) expect(codes).not.toContain(code);
    expect(codes).toContain('dbs-check');
  });

  it('an academy (Grace Academy, served by Liverpool Direct) likewise has no corporate functions', async () => {
    const academyToken = await api.tokenFor('grace-academy', ['requester']);
    const organisation = await subscriptionsOf('grace-academy', academyToken);
    const codes = organisation!.subscriptions.nodes.map((node) => node.offering.code);
    expect(codes).toHaveLength(12);
    for (const code of CORPORATE_ONLY) expect(codes).not.toContain(code);
  });

  it('the City of Edinburgh Council subscribes too (under the Edinburgh partnership)', async () => {
    const edinburgh = await api.tokenFor('city-of-edinburgh-council', ['requester']);
    const organisation = await subscriptionsOf('city-of-edinburgh-council', edinburgh);
    expect(organisation!.subscriptions.nodes).toHaveLength(16);
  });

  it('a provider partnership is not a customer: it subscribes to nothing', async () => {
    const agent = await api.tokenFor('bt-lancashire-services', ['service_agent']);
    const organisation = await subscriptionsOf('bt-lancashire-services', agent);
    expect(organisation!.subscriptions.nodes).toEqual([]);
  });

  it("one organisation cannot read another's subscriptions", async () => {
    const liverpool = await api.tokenFor('liverpool-city-council', ['tenant_admin']);
    expect(await subscriptionsOf('lancashire-county-council', liverpool)).toBeNull();
  });
});
