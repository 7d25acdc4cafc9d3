import { serviceOfferings } from '@ssp/seeds';
import { type CatalogueOffering, matchCapabilities } from '@ssp/services';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capabilityMatchCodesQuery } from '../support/queries/capability-queries.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

// Issue 16: "payroll" was NOT_OFFERED to a school although the catalogue offers payroll to
// schools, and an empty requirement list answered 0 % with no error.

const catalogue: CatalogueOffering[] = serviceOfferings.map((offering) => ({
  id: offering.code,
  code: offering.code,
  serviceLineCode: offering.serviceLine,
  name: offering.name,
  description: offering.description,
  keywords: offering.keywords,
  allowedKinds: offering.allowedKinds,
  unitPricePence: Number(offering.unitPrice.replace('.', '')),
}));

/** What the seeded catalogue itself offers a kind in a service line (the test's own reading). */
const offeredInLine = (kind: string, line: string) =>
  serviceOfferings
    .filter((offering) => offering.serviceLine === line && offering.allowedKinds.includes(kind as never))
    .map((offering) => offering.code)
    .sort();

describe('capability matching by service line names', () => {
  it('offers a school every payroll offering it may take when it asks for "payroll"', () => {
    const expected = offeredInLine('school', 'payroll');
    expect(expected.length).toBeGreaterThan(0);
    for (const line of ['payroll', 'Payroll services', ' PAYROLL ']) {
      const [result] = matchCapabilities({
        kind: 'school',
        offeringCodes: [],
        requirementLines: [line],
        catalogue,
      }).requirements;
      expect(result?.status, line).toBe('matched');
      expect(result?.offerings.map((o) => o.code).sort(), line).toEqual(expected);
      // The line's offerings schools may not take are reported, not silently dropped.
      expect(
        result?.notAllowedForKind.map((o) => o.code),
        line,
      ).toEqual(
        serviceOfferings
          .filter((o) => o.serviceLine === 'payroll' && !o.allowedKinds.includes('school'))
          .map((o) => o.code)
          .sort(),
      );
    }
  });

  it('knows the common names of every line ("IT", "hiring", "purchasing")', () => {
    const cases: [string, string][] = [
      ['IT', 'ict'],
      ['ICT support', 'ict'],
      ['Hiring', 'recruitment'],
      ['Purchasing', 'procurement'],
    ];
    for (const [line, serviceLine] of cases) {
      const [result] = matchCapabilities({
        kind: 'county_council',
        offeringCodes: [],
        requirementLines: [line],
        catalogue,
      }).requirements;
      expect(result?.status, line).toBe('matched');
      expect(result?.offerings.map((o) => o.code).sort(), line).toEqual(offeredInLine('county_council', serviceLine));
    }
  });

  it('still treats a line with more than a line name as a specific requirement', () => {
    const [payslips] = matchCapabilities({
      kind: 'school',
      offeringCodes: [],
      requirementLines: ['payslip queries from teachers'],
      catalogue,
    }).requirements;
    expect(payslips?.offerings.map((o) => o.code)).toEqual(['payslip-query']);
    // "New accounts" is ICT accounts, not the finance line.
    const [accounts] = matchCapabilities({
      kind: 'school',
      offeringCodes: [],
      requirementLines: ['New accounts'],
      catalogue,
    }).requirements;
    expect(accounts?.offerings[0]?.code).toBe('new-ict-account');
  });

  it('does not offer a line to a kind that may take none of it', () => {
    const [result] = matchCapabilities({
      kind: 'school',
      offeringCodes: [],
      requirementLines: ['Procurement'],
      catalogue,
    }).requirements;
    expect(offeredInLine('school', 'procurement')).toEqual([]);
    expect(result?.status).toBe('not_offered');
    expect(result?.notAllowedForKind.length).toBeGreaterThan(0);
  });
});

describe('capabilityMatch over GraphQL', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api?.close());

  const capabilityMatch = capabilityMatchCodesQuery;

  it('answers "payroll" for a school as MATCHED with the offerings the catalogue gives schools', async () => {
    const admin = await api.tokenFor('liverpool-direct', ['tenant_admin']);
    const response = await api.graphql<{
      capabilityMatch: { fitPercent: number; requirements: { status: string; offerings: { code: string }[] }[] };
    }>(capabilityMatch({ kind: 'SCHOOL', requirementLines: ['payroll'] }), admin);
    expect(response.body.errors).toBeUndefined();
    const result = response.body.data!.capabilityMatch;
    expect(result.requirements[0]?.status).toBe('MATCHED');
    expect(result.requirements[0]?.offerings.map((o) => o.code).sort()).toEqual(offeredInLine('school', 'payroll'));
    expect(result.fitPercent).toBe(100);
  });

  it('refuses an empty requirement list (blank lines included) as a validation error, not 0 %', async () => {
    const admin = await api.tokenFor('liverpool-direct', ['tenant_admin']);
    for (const input of [
      { kind: 'SCHOOL' },
      { kind: 'SCHOOL', offeringIds: [], requirementLines: [] },
      { kind: 'SCHOOL', requirementLines: ['  ', ''] },
    ]) {
      const response = await api.graphql(capabilityMatch(input), admin);
      expect(response.body.data?.capabilityMatch ?? null, JSON.stringify(input)).toBeNull();
      const text = JSON.stringify(response.body);
      expect(text, JSON.stringify(input)).toMatch(/at least one requirement/i);
      expect(text, JSON.stringify(input)).toMatch(/VALIDATION|BAD_USER_INPUT|ValidationError/);
    }
  });
});
