import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { performanceIndicatorsQuery } from '../support/queries/performance-report-queries.ts';
import { type ImportPayload, importRecordsMutation } from '../support/queries/record-import-queries.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

// A new customer's whole fiscal year, 2017/18, sent through the API as its systems would (the
// seeds hold no payroll or recruitment records for Liverpool City Council), then its report.
let api: TestApp;
let admin: string;
let organisationId: string;
beforeAll(async () => {
  api = await startTestApp();
  admin = await api.tokenFor('liverpool-city-council', ['tenant_admin']);
  organisationId = Buffer.from(`Organisation:${api.organisationId('liverpool-city-council')}`).toString('base64');
});
afterAll(() => api?.close());

async function send(pluralName: string, input: Record<string, unknown>): Promise<void> {
  const response = await api.graphql<Record<string, ImportPayload>>(
    importRecordsMutation(pluralName, { organisationId, dryRun: false, ...input }),
    admin,
  );
  expect(response.body.errors).toBeUndefined();
  expect(response.body.data![`import${pluralName}`]).toMatchObject({ written: true, problemCount: 0 });
}

/** The first days of 2017/18's twelve monthly periods. */
const MONTHS = Array.from({ length: 12 }, (_, index) => {
  const month = ((index + 3) % 12) + 1;
  return `${index < 9 ? 2017 : 2018}-${String(month).padStart(2, '0')}-01`;
});
const day = (periodStart: string, dayOfMonth: number, time: string) =>
  `${periodStart.slice(0, 8)}${String(dayOfMonth).padStart(2, '0')}T${time}Z`;

describe('a fiscal year imported through the API for a new customer', () => {
  it('reads back as its performance report', async () => {
    await send('Payrolls', {
      importKey: 'fiscal-year-payrolls',
      rows: [{ code: 'LIV-ALL', name: 'Liverpool', frequency: 'MONTHLY' }],
    });
    await send('PayPeriods', {
      importKey: 'fiscal-year-periods',
      rows: MONTHS.map((periodStart) => ({
        payrollCode: 'LIV-ALL',
        periodStart,
        publishedDeadline: day(periodStart, 12, '16:00:00'),
        paymentsMade: 1_000,
      })),
    });
    // Each month: nine changes received and processed well before the deadline, one processed
    // after it, and one received after it (left out of the measure).
    const lines = ['reference,payroll_code,period_start,kind,received_at,processed_at'];
    for (const periodStart of MONTHS) {
      for (let n = 1; n <= 9; n += 1) {
        lines.push(
          `${periodStart}-${n},LIV-ALL,${periodStart},pay_change,${day(periodStart, n, '09:00:00')},${day(periodStart, n, '15:00:00')}`,
        );
      }
      lines.push(
        `${periodStart}-late,LIV-ALL,${periodStart},starter,${day(periodStart, 10, '09:00:00')},${day(periodStart, 13, '09:00:00')}`,
      );
      lines.push(
        `${periodStart}-after,LIV-ALL,${periodStart},leaver,${day(periodStart, 13, '09:00:00')},${day(periodStart, 14, '09:00:00')}`,
      );
    }
    await send('PayrollChanges', { importKey: 'fiscal-year-changes', csv: lines.join('\n') });
    await send('PayrollErrors', {
      importKey: 'fiscal-year-errors',
      rows: [
        ...[0, 4, 8].map((month) => ({
          reference: `E-P-${month}`,
          payrollCode: 'LIV-ALL',
          periodStart: MONTHS[month],
          causedBy: 'PARTNERSHIP',
          description: 'Wrong pay',
        })),
        ...[2, 6].map((month) => ({
          reference: `E-C-${month}`,
          payrollCode: 'LIV-ALL',
          periodStart: MONTHS[month],
          causedBy: 'CUSTOMER',
          description: 'Late timesheet',
        })),
      ],
    });
    // DBS checks complete on Mondays in June 2017 (no bank holiday): eight processed the next day,
    // two on the Thursday, past their two working days.
    await send('DbsChecks', {
      importKey: 'fiscal-year-dbs',
      rows: Array.from({ length: 10 }, (_, n) => {
        const monday = 5 + 7 * (n % 4);
        return {
          reference: `DBS-${n}`,
          receivedAt: `2017-06-${String(monday).padStart(2, '0')}T08:00:00+01:00`,
          informationCompleteAt: `2017-06-${String(monday).padStart(2, '0')}T10:00:00+01:00`,
          processedAt: `2017-06-${String(monday + (n < 8 ? 1 : 3)).padStart(2, '0')}T10:00:00+01:00`,
        };
      }),
    });

    const response = await api.graphql<{
      performanceReport: {
        indicators: { code: string; status: string; numerator: number; denominator: number; excluded: number }[];
      };
    }>(performanceIndicatorsQuery(organisationId, '2017/18', 'code status numerator denominator excluded'), admin);
    expect(response.body.errors).toBeUndefined();
    const byCode = Object.fromEntries(response.body.data!.performanceReport.indicators.map((i) => [i.code, i]));
    expect(byCode['payroll-error-rate']).toEqual({
      code: 'payroll-error-rate',
      status: 'MET',
      numerator: 3,
      denominator: 12_000,
      excluded: 2,
    });
    expect(byCode['payroll-changes-by-deadline']).toEqual({
      code: 'payroll-changes-by-deadline',
      status: 'NOT_MET',
      numerator: 108,
      denominator: 120,
      excluded: 12,
    });
    expect(byCode['dbs-checks-within-two-working-days']).toMatchObject({ numerator: 8, denominator: 10, excluded: 0 });
    // No service-desk history was sent: the ICT indicators have nothing to measure.
    expect(byCode['ict-first-contact-resolution']).toMatchObject({ status: 'NO_DATA', denominator: 0 });
  }, 120_000);
});
