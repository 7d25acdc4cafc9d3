import { describe, expect, it } from 'vitest';
import { seedOrganisations } from '../../organisations/seed-organisations.ts';
import { sourceDocumentText } from '../../source-documents.ts';
import { SEED_BUSINESS_CASES, type SeedBusinessCase, seedPence, type WrittenAs } from './business-case-seeds.ts';
import { businessCaseRows } from './load-business-cases.ts';

// Each seeded figure must be the document's own: its quote is found verbatim (whitespace
// collapsed) and holds the amounts written the document's way.

function written(amount: number, writtenAs: WrittenAs): string {
  switch (writtenAs) {
    case 'pounds':
      return `£${amount.toLocaleString('en-GB')}`;
    case 'thousands':
      return amount.toLocaleString('en-GB');
    case 'k':
      return `£${amount}k`;
    case 'm':
      return `£${amount}m`;
  }
}

const quotesOf = (seed: SeedBusinessCase) => [
  ...(seed.termQuote ? [seed.termQuote] : []),
  ...seed.workstreams.flatMap((workstream) => (workstream.quote ? [workstream.quote] : [])),
  ...seed.lines.map((line) => line.quote),
  ...seed.statedFigures.map((figure) => figure.quote),
];

describe.each(SEED_BUSINESS_CASES.map((seed) => [seed.key, seed] as const))('seeded business case %s', (_key, seed) => {
  it('belongs to a seeded organisation', () => {
    expect(seedOrganisations().map((organisation) => organisation.slug)).toContain(seed.organisationSlug);
  });

  it('every quote is verbatim in its document', () => {
    const text = sourceDocumentText(seed.document);
    for (const quote of quotesOf(seed)) expect(text, quote).toContain(quote);
  });

  it("every line's amounts are in its quote, written the document's way", () => {
    for (const line of seed.lines) {
      for (const amount of [...(line.profile ?? []), ...(line.term === undefined ? [] : [line.term])]) {
        if (amount !== 0) expect(line.quote, line.key).toContain(written(amount, line.writtenAs));
      }
    }
  });

  it("every stated amount is in its quote, written the document's way", () => {
    for (const figure of seed.statedFigures) {
      if (figure.amount === undefined || figure.amount === 0) continue;
      expect(figure.quote, figure.key).toContain(written(figure.amount, figure.writtenAs ?? 'pounds'));
    }
  });

  it('has unique keys and builds its rows (every line and workstream named exists)', () => {
    const rows = businessCaseRows(seed);
    const ids = [rows.businessCase.id, ...rows.workstreams.map((w) => w.id), ...rows.lines.map((l) => l.id)];
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(rows.statedFigures.map((figure) => figure.id)).size).toBe(seed.statedFigures.length);
    for (const line of seed.lines)
      expect((line.profile === undefined) !== (line.term === undefined), line.key).toBe(true);
  });
});

describe('amounts in pence', () => {
  it.each([
    [1_352, 'thousands', 135_200_000n],
    [1.371, 'm', 137_100_000n],
    [254, 'k', 25_400_000n],
    [48_730, 'pounds', 4_873_000n],
    [17.9, 'm', 1_790_000_000n],
  ] as const)('%s written as %s is %s pence', (amount, writtenAs, pence) => {
    expect(seedPence(amount, writtenAs)).toBe(pence);
  });
});
