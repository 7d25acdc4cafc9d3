import { describe, expect, it } from 'vitest';
import type { LoanView } from '../help/help-views.ts';
import { computeBenefits } from './benefits.ts';

const programme = {
  tenantId: 'p',
  id: 'programme',
  name: 'Shared IT Support',
  startedOn: '2026-04-01',
  dayRatePence: 25_000,
  grantPence: 9_000_000,
  grantFrom: 'EMCE',
  forecastYears: 5,
  cashableForecastPence: 25_400_000,
  nonCashableForecastPence: 137_100_000,
  qualitativeImprovementPercent: 42,
  updatedAt: new Date(),
};

const loan = (id: string, endsOn: string, daysGiven: number | null, agencyDayRatePence = 60_000): LoanView => ({
  id,
  partnershipId: 'p',
  requestId: 'r',
  requestingMemberId: 'a',
  requestingMemberName: 'A',
  lendingMemberId: 'b',
  lendingMemberName: 'B',
  personId: 'x',
  person: null,
  skillCode: 'firewalls',
  startsOn: endsOn,
  endsOn,
  daysOffered: 5,
  status: 'accepted',
  dayRatePence: 25_000,
  agencyDayRatePence,
  daysGiven,
  offeredAt: '2026-01-01T00:00:00Z',
});

describe('the return on investment', () => {
  it('counts only loans with time recorded that ended inside the five-year window, exactly, per fiscal year', () => {
    const benefits = computeBenefits(programme, [
      loan('before-start', '2026-03-31', 4),
      loan('first-day', '2026-04-01', 2),
      loan('next-year', '2027-04-01', 3, 55_555),
      loan('last-day', '2031-03-31', 1),
      loan('after-window', '2031-04-01', 9),
      loan('not-recorded', '2027-01-01', null),
    ]);
    expect(benefits.windowEndsOn).toBe('2031-03-31');
    expect(benefits.loans).toBe(3);
    expect(benefits.daysGiven).toBe(6);
    // 2 x £600 + 3 x £555.55 + 1 x £600 = £3,466.65: exact pence, no float.
    expect(benefits.agencyCostAvoided.pence).toBe(346_665n);
    expect(benefits.loanValue.pence).toBe(150_000n);
    expect(benefits.byFiscalYear.map((y) => [y.fiscalYear, y.daysGiven, y.agencyCostAvoided.pence])).toEqual([
      ['2026/27', 2, 120_000n],
      ['2027/28', 3, 166_665n],
      ['2030/31', 1, 60_000n],
    ]);
    expect(benefits.forecastReturnPercent).toBe(1705.56);
    expect(benefits.cashableDeliveredPercent).toBe(1.36);
    expect(benefits.deliveredNetReturn.pence).toBe(346_665n - 9_000_000n);
  });

  it('counts every recorded loan while the start of the project is not recorded, and has no percentage without a grant', () => {
    const benefits = computeBenefits({ ...programme, startedOn: null, grantPence: 0 }, [
      loan('old', '2020-06-01', 1),
      loan('new', '2030-06-01', 1),
    ]);
    expect(benefits.windowEndsOn).toBeNull();
    expect(benefits.loans).toBe(2);
    expect(benefits.forecastReturnPercent).toBeNull();
  });
});
