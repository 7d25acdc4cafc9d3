import { describe, expect, it } from 'vitest';
import { namedOrganisations } from '../organisations/named-organisations.ts';
import { sourceDocumentText } from '../source-documents.ts';
import {
  LINCOLNSHIRE_DOCUMENT,
  LINCOLNSHIRE_PARTNERSHIP_SLUG,
  lincolnshireNamedPerson,
  lincolnshireProgramme,
  lincolnshireRecoveryModel,
  lincolnshireSharingMembers,
  penceOfWrittenAmount,
} from './lincolnshire-shared-support.ts';

const document = sourceDocumentText(LINCOLNSHIRE_DOCUMENT);
const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

describe("Lincolnshire's shared support seed comes from the document", () => {
  const quotes = [
    ...Object.values(lincolnshireProgramme).map((entry) => entry.quote),
    lincolnshireSharingMembers.quote,
    lincolnshireNamedPerson.fullName.quote,
    lincolnshireNamedPerson.roleTitle.quote,
    lincolnshireNamedPerson.phone.quote,
    lincolnshireNamedPerson.email.quote,
    lincolnshireRecoveryModel.name.quote,
    lincolnshireRecoveryModel.itemsQuote,
  ];
  for (const quote of quotes) {
    it(`quotes the document verbatim: "${quote.slice(0, 60)}"`, () => {
      expect(document).toContain(collapse(quote));
    });
  }

  it('reads each money figure out of its own quote, exactly, in pence', () => {
    for (const amount of [
      lincolnshireProgramme.grant,
      lincolnshireProgramme.cashable,
      lincolnshireProgramme.nonCashable,
    ]) {
      expect(amount.quote).toContain(amount.written);
    }
    expect(penceOfWrittenAmount(lincolnshireProgramme.grant.written)).toBe(9_000_000);
    expect(penceOfWrittenAmount(lincolnshireProgramme.cashable.written)).toBe(25_400_000);
    expect(penceOfWrittenAmount(lincolnshireProgramme.nonCashable.written)).toBe(137_100_000);
    expect(() => penceOfWrittenAmount('£1.2345k')).toThrow();
    expect(lincolnshireProgramme.forecastYears.quote).toContain(`${lincolnshireProgramme.forecastYears.value} years`);
    expect(lincolnshireProgramme.qualitativeImprovementPercent.quote).toContain('42%');
  });

  it('opts in exactly the eight authorities the document lists, each a seeded child of the working group', () => {
    expect(lincolnshireSharingMembers.slugs).toHaveLength(8);
    for (const slug of lincolnshireSharingMembers.slugs) {
      const organisation = namedOrganisations.find((org) => org.slug === slug);
      expect(organisation?.parentSlug, slug).toBe(LINCOLNSHIRE_PARTNERSHIP_SLUG);
      expect(document).toContain(organisation?.source);
    }
    expect(lincolnshireSharingMembers.slugs).not.toContain('lincolnshire-police');
  });

  it('gives the named person and the recovery model items as the document writes them', () => {
    expect(lincolnshireNamedPerson.email.quote.replace('\\_', '_')).toContain(lincolnshireNamedPerson.email.value);
    expect(lincolnshireNamedPerson.phone.quote).toContain(lincolnshireNamedPerson.phone.value);
    for (const item of lincolnshireRecoveryModel.items) {
      expect(lincolnshireRecoveryModel.itemsQuote.toLowerCase()).toContain(item.name.toLowerCase());
    }
  });
});
