import { serviceOfferings } from '@ssp/seeds';
import { type CatalogueOffering, matchCapabilities, significantWords } from '@ssp/services';
import { describe, expect, it } from 'vitest';

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

describe('capability matching', () => {
  it('folds plurals and drops stop words', () => {
    expect(significantWords('DBS checks for our new staff')).toEqual(['dbs', 'check']);
  });

  it('matches free-text lines to offerings, partly or not at all, and scores the fit', () => {
    const result = matchCapabilities({
      kind: 'academy',
      offeringCodes: [],
      requirementLines: ['DBS checks for volunteers', 'Password resets for pupils', 'Catering and cleaning'],
      catalogue,
    });
    expect(result.requirements.map((r) => [r.requirement, r.status, r.offerings[0]?.code])).toEqual([
      ['DBS checks for volunteers', 'matched', 'dbs-check'],
      ['Password resets for pupils', 'matched', 'password-reset'],
      ['Catering and cleaning', 'not_offered', undefined],
    ]);
    expect(result.fitPercent).toBe(67);
  });

  it('reports offerings a kind may not take instead of dropping them', () => {
    const result = matchCapabilities({
      kind: 'school',
      offeringCodes: ['invoice-processing', 'no-such-offering'],
      requirementLines: [],
      catalogue,
    });
    expect(result.requirements.map((r) => [r.status, r.notAllowedForKind.map((o) => o.code)])).toEqual([
      ['not_offered', ['invoice-processing']],
      ['not_offered', []],
    ]);
    expect(result.fitPercent).toBe(0);
  });

  it('gives the same answer for the same requirements, whatever the catalogue order', () => {
    const input = {
      kind: 'county_council',
      offeringCodes: ['dbs-check'],
      requirementLines: ['payroll changes and arrears'],
    };
    const forwards = matchCapabilities({ ...input, catalogue });
    const backwards = matchCapabilities({ ...input, catalogue: [...catalogue].reverse() });
    expect(backwards).toEqual(forwards);
  });
});
