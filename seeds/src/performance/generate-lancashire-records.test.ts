import { isWorkingDay, workingCalendar } from '@ssp/core';
import type { PerformanceRecords } from '@ssp/services';
import { dbsChecksWithinHours, ictSatisfaction, monthPeriod, performanceReport, reportingPeriod } from '@ssp/services';
import { describe, expect, it } from 'vitest';
import { sourceDocumentText } from '../source-documents.ts';
import {
  type GeneratedLancashireYear,
  generateLancashireRecords,
  generateLancashireYear,
  ScaleTooSmallError,
} from './generate-lancashire-records.ts';
import {
  KPI_TABLE_HEADER_QUOTE,
  LANCASHIRE_CALENDAR_2017_DBS_FIGURES,
  LANCASHIRE_COVERAGE,
  LANCASHIRE_FISCAL_YEARS,
  LANCASHIRE_KPI_FIGURES,
  LANCASHIRE_MONTHLY_FIGURES,
  LANCASHIRE_OTHER_FIGURES,
  LANCASHIRE_REPORT,
  LANCASHIRE_VOLUMES,
  type LancashireFiscalYear,
} from './lancashire-kpi-figures.ts';

const documentText = sourceDocumentText;

const ENGLAND = workingCalendar('england_and_wales');
// en-CA writes dates as YYYY-MM-DD.
const londonDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', dateStyle: 'short' });
const londonDate = (instant: Date): string => londonDay.format(instant);
const londonTime = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', timeStyle: 'short' });

// Full scale, generated once for the file (about a second a year).
let fullScale: GeneratedLancashireYear[] | undefined;
const fullYears = (): GeneratedLancashireYear[] => {
  fullScale ??= generateLancashireRecords().years;
  return fullScale;
};
const fullYear = (fiscalYear: LancashireFiscalYear): GeneratedLancashireYear =>
  fullYears().find((year) => year.fiscalYear === fiscalYear)!;

describe('the figures as typed from the report', () => {
  const lancashire = documentText(LANCASHIRE_REPORT);

  it('quotes the report verbatim', () => {
    const quotes = [
      KPI_TABLE_HEADER_QUOTE,
      ...LANCASHIRE_KPI_FIGURES.map((figure) => figure.quote),
      ...LANCASHIRE_MONTHLY_FIGURES.map((figure) => figure.quote),
      ...LANCASHIRE_CALENDAR_2017_DBS_FIGURES.map((figure) => figure.quote),
      ...Object.values(LANCASHIRE_COVERAGE).map((coverage) => coverage.quote),
      ...LANCASHIRE_OTHER_FIGURES.map((figure) => figure.quote),
    ].filter((quote): quote is string => quote !== null);
    for (const quote of quotes) expect(lancashire, quote).toContain(quote);
    for (const volume of Object.values(LANCASHIRE_VOLUMES)) {
      expect(documentText(volume.document), volume.quote).toContain(volume.quote);
    }
  });

  it("reads each table figure from its row, in the header's column order", () => {
    const tableFigures = LANCASHIRE_KPI_FIGURES.filter((figure) => figure.basis === 'report-table');
    expect(tableFigures).toHaveLength(12);
    for (const figure of tableFigures) {
      // The row is: name, "Service Level Agreement Target" and the target, then one figure a year.
      const afterTarget = figure.quote!.split('Service Level Agreement Target ')[1]!.split(' ');
      expect(afterTarget[1 + figure.column!], `${figure.indicatorCode} ${figure.fiscalYear}`).toBe(figure.printed);
      expect(LANCASHIRE_FISCAL_YEARS[figure.column!]).toBe(figure.fiscalYear);
    }
  });

  it('has one figure per indicator and year', () => {
    const keys = LANCASHIRE_KPI_FIGURES.map((figure) => `${figure.indicatorCode} ${figure.fiscalYear}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toHaveLength(6 * LANCASHIRE_FISCAL_YEARS.length);
  });
});

function expectFiguresReproduced(fiscalYear: LancashireFiscalYear, records: PerformanceRecords): void {
  const report = performanceReport(fiscalYear, records, { through: LANCASHIRE_COVERAGE[fiscalYear].through });
  for (const figure of LANCASHIRE_KPI_FIGURES.filter((f) => f.fiscalYear === fiscalYear)) {
    const indicator = report.indicators.find((candidate) => candidate.code === figure.indicatorCode)!;
    const label = `${fiscalYear} ${figure.indicatorCode}: ${indicator.numerator} / ${indicator.denominator}`;
    expect(indicator.display, label).toBe(figure.printed);
    // The report says every target was met, contractual or not.
    expect(indicator.met, label).toBe(true);
    if (figure.reportedBound)
      expect(indicator.numerator * 100, label).toBeGreaterThan(figure.reportedBound.gt * indicator.denominator);
  }
}

describe('generated records reproduce the report', () => {
  it.each(LANCASHIRE_FISCAL_YEARS)('%s at full scale', (fiscalYear) => {
    expectFiguresReproduced(fiscalYear, fullYear(fiscalYear).records);
  });

  it('February 2018 satisfaction: "over 95%" of customers rated the service excellent or good', () => {
    const [figure] = LANCASHIRE_MONTHLY_FIGURES;
    const february = ictSatisfaction(fullYear('2017/18').records, monthPeriod(figure!.month!));
    expect(february.display).toBe(figure!.printed);
    expect(february.numerator * 100).toBeGreaterThan(95 * february.denominator);
  });

  it('calendar 2017 DBS turnaround: 85% within 24 hours and 99.7% within 48, across the two fiscal years', () => {
    const records: PerformanceRecords = {
      payrollPeriods: [],
      payrollChanges: [],
      payrollErrors: [],
      dbsChecks: [...fullYear('2016/17').records.dbsChecks, ...fullYear('2017/18').records.dbsChecks],
      ictRequests: [],
    };
    const calendar2017 = reportingPeriod('2017-01-01', '2017-12-31');
    for (const figure of LANCASHIRE_CALENDAR_2017_DBS_FIGURES) {
      const hours = figure.indicatorCode === 'dbs-checks-within-24-hours' ? 24 : 48;
      expect(dbsChecksWithinHours(records, calendar2017, hours).display).toBe(figure.printed);
    }
  });

  it.each(LANCASHIRE_FISCAL_YEARS)(
    '%s at scale 0.02 (every figure still has a count that prints as it)',
    (fiscalYear) => {
      expectFiguresReproduced(fiscalYear, generateLancashireYear(fiscalYear, { scale: 0.02 }).records);
    },
  );

  it('refuses a scale too small to print the figures rather than print others', () => {
    expect(() => generateLancashireYear('2014/15', { scale: 0.0005 })).toThrow(ScaleTooSmallError);
    expect(() => generateLancashireYear('2014/15', { scale: 0 })).toThrow(RangeError);
  });
});

describe('determinism', () => {
  it('gives identical records for the same seed and scale, and different ones for another seed', () => {
    const first = generateLancashireRecords({ scale: 0.05 });
    const second = generateLancashireRecords({ scale: 0.05 });
    expect(second.records).toEqual(first.records);
    const other = generateLancashireRecords({ scale: 0.05, seed: 'another' });
    expect(other.records.dbsChecks).not.toEqual(first.records.dbsChecks);
  });

  it('generates a year the same whether alone or with the others', () => {
    expect(generateLancashireYear('2016/17', { scale: 0.05 }).records).toEqual(
      generateLancashireRecords({ scale: 0.05 }).years[2]!.records,
    );
  });
});

describe('volumes at full scale', () => {
  it.each([
    ['2014/15', 480_000, 13_000, 47_000, 21],
    ['2015/16', 480_000, 13_000, 47_000, 21],
    ['2016/17', 480_000, 13_000, 47_000, 21],
    // Year to date, April 2017 to February 2018: 11 months of 43,000 payments; eight new payrolls.
    ['2017/18', 11 * 43_000, 11_917, 43_083, 29],
  ] as const)(
    '%s: %i payments, %i DBS checks, %i ICT contacts, %i payrolls',
    (fiscalYear, payments, checks, contacts, payrolls) => {
      const { records } = fullYear(fiscalYear);
      expect(records.payrollPeriods.reduce((sum, period) => sum + period.paymentsMade, 0)).toBe(payments);
      expect(records.dbsChecks).toHaveLength(checks);
      expect(records.ictRequests).toHaveLength(contacts);
      expect(new Set(records.payrollPeriods.map((period) => period.payrollCode)).size).toBe(payrolls);
    },
  );

  it('matches the volumes the documents give', () => {
    expect(LANCASHIRE_VOLUMES.salaryPaymentsPerAnnum.value).toBe(480_000);
    expect(LANCASHIRE_VOLUMES.paymentsPerMonth2017.value).toBe(43_000);
    expect(LANCASHIRE_VOLUMES.dbsChecksPerAnnum.value).toBe(13_000);
    expect(LANCASHIRE_VOLUMES.ictContactsPerAnnum.value).toBe(47_000);
    expect(LANCASHIRE_VOLUMES.apprenticeshipLevyPayrolls.value).toBe(29 - 21);
    // "0.1% of 43,000 payments per month": about 43 partnership errors a month in 2017/18.
    const errors = fullYear('2017/18').records.payrollErrors.filter((error) => error.causedBy === 'partnership');
    expect(errors.length / 11).toBeGreaterThan(0.05 * 430);
    expect(errors.length / 11).toBeLessThan(0.15 * 430);
  });
});

describe('plausible records', () => {
  it('spreads payroll changes over every payroll and period, all received and processed in order', () => {
    for (const year of fullYears()) {
      const { payrollPeriods, payrollChanges } = year.records;
      const periodsWithChanges = new Set(payrollChanges.map((c) => `${c.payrollCode} ${c.periodStart}`));
      expect(periodsWithChanges.size).toBe(payrollPeriods.length);
      expect(new Set(payrollChanges.map((c) => c.kind)).size).toBe(4);
      // Counted rather than asserted one by one: a hundred thousand expect calls take seconds.
      expect(payrollChanges.filter((c) => c.processedAt!.getTime() < c.receivedAt.getTime())).toEqual([]);
      // Some arrive after the deadline (outside the indicator), a few per cent.
      const deadlines = new Map(
        payrollPeriods.map((p) => [`${p.payrollCode} ${p.periodStart}`, p.publishedDeadline.getTime()]),
      );
      const late = payrollChanges.filter(
        (c) => c.receivedAt.getTime() > deadlines.get(`${c.payrollCode} ${c.periodStart}`)!,
      );
      expect(late.length / payrollChanges.length).toBeGreaterThan(0.01);
      expect(late.length / payrollChanges.length).toBeLessThan(0.05);
    }
  });

  it('puts published deadlines at 17:00 London on working days', () => {
    for (const year of fullYears()) {
      for (const period of year.records.payrollPeriods) {
        expect(londonTime.format(period.publishedDeadline)).toBe('17:00');
        expect(isWorkingDay(londonDate(period.publishedDeadline), ENGLAND)).toBe(true);
      }
    }
  });

  it('varies DBS turnaround, completes information on working days within the year, and keeps times in order', () => {
    for (const year of fullYears()) {
      const period = reportingPeriod(`${year.fiscalYear.slice(0, 4)}-04-01`, year.through);
      const hours = new Set<number>();
      const outOfOrder = year.records.dbsChecks.filter((check) => {
        const complete = check.informationCompleteAt!.getTime();
        hours.add(Math.floor((check.processedAt!.getTime() - complete) / 3_600_000));
        return (
          complete < period.start.getTime() ||
          complete >= period.end.getTime() ||
          check.receivedAt.getTime() > complete ||
          check.processedAt!.getTime() <= complete ||
          !isWorkingDay(londonDate(check.informationCompleteAt!), ENGLAND)
        );
      });
      expect(outOfOrder).toEqual([]);
      expect(hours.size).toBeGreaterThan(40);
      const waited = year.records.dbsChecks.filter((check) => check.receivedAt < check.informationCompleteAt!);
      expect(waited.length / year.records.dbsChecks.length).toBeGreaterThan(0.3);
    }
  });

  it('raises ICT contacts mostly on working days, responds after raising, and rates a sample', () => {
    for (const year of fullYears()) {
      const contacts = year.records.ictRequests;
      const weekend = contacts.filter((c) => [0, 6].includes(c.raisedAt.getUTCDay()));
      expect(weekend.length / contacts.length).toBeLessThan(0.02);
      expect(contacts.filter((c) => c.firstRespondedAt!.getTime() <= c.raisedAt.getTime())).toEqual([]);
      const rated = contacts.filter((c) => c.satisfactionScore !== null);
      expect(rated.length / contacts.length).toBeGreaterThan(0.1);
      expect(new Set(rated.map((c) => c.satisfactionScore)).size).toBe(5);
      expect(new Set(contacts.map((c) => c.kind)).size).toBe(2);
    }
  });
});

describe('performance', () => {
  it('computes a full year at full scale (timing printed, not asserted)', () => {
    const { records } = fullYear('2016/17');
    // The first run also fills the core calendar's caches, as a running server's first report would.
    const coldStart = performance.now();
    performanceReport('2016/17', records);
    const cold = performance.now() - coldStart;
    const runs = 5;
    const started = performance.now();
    for (let run = 0; run < runs; run += 1) performanceReport('2016/17', records);
    const perReport = (performance.now() - started) / runs;
    console.info(
      `performanceReport 2016/17 at full scale (${records.payrollPeriods.length} pay periods, ` +
        `${records.payrollChanges.length} changes, ${records.payrollErrors.length} errors, ` +
        `${records.dbsChecks.length} DBS checks, ${records.ictRequests.length} ICT contacts): ` +
        `${cold.toFixed(1)} ms cold, ${perReport.toFixed(1)} ms a report warm (mean of ${runs})`,
    );
    expect(perReport).toBeGreaterThan(0);
  });
});
