import { describe, expect, it } from 'vitest';
import { sourceDocumentText } from '../../source-documents.ts';
import {
  LANCASHIRE_REPORT,
  LANCASHIRE_TABLE_TOTALS,
  lancashireReductions,
  lancashireRejectedOpportunity,
  lancashireSavingsLines,
  REDUCTION_REASON,
  TOTALS_QUOTE,
} from './lancashire-savings.ts';

const text = () => sourceDocumentText(LANCASHIRE_REPORT);
const collapse = (quote: string) => quote.replace(/\s+/g, ' ').trim();

describe("Lancashire's savings table, seeded from the performance report", () => {
  it.each(lancashireSavingsLines)('$key: the row heading and both figures are the table row, verbatim', (line) => {
    const figure = (thousands: number) => thousands.toLocaleString('en-GB');
    expect(text()).toContain(collapse(`${line.title} ${figure(line.saving2017)} ${figure(line.estimate2018)}`));
  });

  it("the lines add up to the table's own totals (2,476 and 2,805), which are in the document", () => {
    expect(text()).toContain(TOTALS_QUOTE);
    const total2017 = lancashireSavingsLines.reduce((sum, line) => sum + line.saving2017, 0);
    const total2018 = lancashireSavingsLines.reduce((sum, line) => sum + line.estimate2018, 0);
    expect({ 2017: total2017, 2018: total2018 }).toEqual(LANCASHIRE_TABLE_TOTALS);
  });

  it('the reductions, their reason and the rejected Oracle move are quoted from the document', () => {
    expect(text()).toContain(REDUCTION_REASON);
    for (const reduction of lancashireReductions) expect(text()).toContain(reduction.quote);
    expect(lancashireReductions.reduce((sum, reduction) => sum + reduction.thousands, 0)).toBe(3_000);
    expect(text()).toContain(lancashireRejectedOpportunity.quote);
  });

  it('only the wider telephony budget line counts against another budget, and only its 2017/18 figure is estimated', () => {
    const apart = lancashireSavingsLines.filter((line) => line.budgetName !== null);
    expect(apart.map((line) => line.key)).toEqual(['non-corporate-telephony']);
    expect(lancashireSavingsLines.filter((line) => line.estimated2017).map((line) => line.key)).toEqual([
      'non-corporate-telephony',
    ]);
    expect(text()).toContain(
      "Savings delivered by BT Lancashire Services against Lancashire County Council's wider non corporate telephony budget in 2017/18 are estimated",
    );
  });
});
