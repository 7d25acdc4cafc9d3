import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { OrganisationKind } from '../organisations/seed-organisation.ts';
import { sourceDocumentText, sourceDocumentUrl } from '../source-documents.ts';
import {
  type SeedServiceOffering,
  type ServiceLineCode,
  serviceLines,
  serviceOfferings,
  type TargetUnit,
} from './seed-catalogue.ts';

const docUrl = sourceDocumentUrl;
const docsDir = path.dirname(fileURLToPath(docUrl('README.md')));
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();
const documentText = sourceDocumentText;
/** The document as written, line breaks kept (for reading its lists line by line). */
const rawDocument = (file: string): string => readFileSync(docUrl(file), 'utf8');

const NORTHUMBERLAND = 'northumberland-strategic-change-business-case.txt';
const LANCASHIRE = 'lancashire-partnership-performance-report.txt';

// Records keyed by the union make the compiler fail here when a kind, line or unit is added.
const ALL_KINDS: Record<OrganisationKind, true> = {
  partnership: true,
  county_council: true,
  district_council: true,
  unitary_council: true,
  metropolitan_council: true,
  city_council: true,
  school: true,
  academy: true,
  police_force: true,
  police_and_crime_commissioner: true,
  nhs_trust: true,
  other_public_body: true,
  platform_operator: true,
};
const ALL_LINES: Record<ServiceLineCode, true> = {
  payroll: true,
  recruitment: true,
  ict: true,
  finance: true,
  procurement: true,
};
const ALL_UNITS: Record<TargetUnit, true> = { working_hours: true, working_days: true, elapsed_minutes: true };

const byCode = new Map(serviceOfferings.map((offering) => [offering.code, offering]));
function offering(code: string): SeedServiceOffering {
  const found = byCode.get(code);
  if (found === undefined) throw new Error(`no offering with code ${code}`);
  return found;
}
const inLine = (line: ServiceLineCode): SeedServiceOffering[] =>
  serviceOfferings.filter((candidate) => candidate.serviceLine === line);

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Whole-word (optionally plural) match of a keyword in a lower-cased text. */
const mentions = (text: string, keyword: string): boolean =>
  new RegExp(`(^|[^a-z0-9])${escapeRegExp(keyword)}s?($|[^a-z0-9])`).test(text.toLowerCase());
const matchRequirement = (line: string): string[] =>
  serviceOfferings
    .filter((candidate) => candidate.keywords.some((keyword) => mentions(line, keyword)))
    .map((candidate) => candidate.code);

describe('source documents path', () => {
  it('resolves to seeds/source-documents inside the repository', () => {
    expect(JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).name).toBe('shared-services-platform');
    expect(docsDir).toBe(path.resolve(repoRoot, 'seeds', 'source-documents'));
    const files = new Set(
      serviceOfferings.flatMap((candidate) => [candidate.sourceDocument, candidate.targetSource?.document]),
    );
    for (const file of files) {
      if (file !== undefined) expect(existsSync(docUrl(file)), file).toBe(true);
    }
  });
});

describe('service lines', () => {
  it('are exactly payroll, recruitment, ICT, finance and procurement, each once and described', () => {
    expect(serviceLines.map((line) => line.code).sort()).toEqual(Object.keys(ALL_LINES).sort());
    for (const line of serviceLines) {
      expect(line.name.trim(), line.code).not.toBe('');
      expect(line.description.trim(), line.code).not.toBe('');
    }
  });
});

describe('service offerings: structure', () => {
  it('have unique kebab-case codes', () => {
    const codes = serviceOfferings.map((candidate) => candidate.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('have unique names and a description', () => {
    const names = serviceOfferings.map((candidate) => candidate.name.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
    for (const candidate of serviceOfferings) {
      expect(candidate.name.trim(), candidate.code).not.toBe('');
      expect(candidate.description.trim().length, candidate.code).toBeGreaterThan(20);
    }
  });

  it('belong to a service line that exists', () => {
    const lines = new Set(serviceLines.map((line) => line.code));
    for (const candidate of serviceOfferings) expect(lines.has(candidate.serviceLine), candidate.code).toBe(true);
  });

  it('have prices as pounds with exactly two decimals', () => {
    for (const candidate of serviceOfferings) {
      expect(candidate.unitPrice, candidate.code).toMatch(/^\d+\.\d{2}$/);
      expect(Number(candidate.unitPrice), candidate.code).toBeGreaterThan(0);
    }
  });

  it('have targets that are positive whole numbers of a known unit', () => {
    for (const candidate of serviceOfferings) {
      const targets = [candidate.fulfilmentTarget, candidate.responseTarget].filter((target) => target !== undefined);
      for (const target of targets) {
        expect(Object.hasOwn(ALL_UNITS, target.unit), candidate.code).toBe(true);
        expect(Number.isInteger(target.amount), candidate.code).toBe(true);
        expect(target.amount, candidate.code).toBeGreaterThan(0);
      }
    }
  });

  it('give every incident a response target (incidents are prioritised and answered first)', () => {
    const incidents = serviceOfferings.filter((candidate) => candidate.kind === 'incident');
    expect(incidents.length).toBeGreaterThan(0);
    for (const incident of incidents) {
      expect(incident.serviceLine, incident.code).toBe('ict');
      expect(incident.responseTarget, incident.code).toBeDefined();
    }
  });

  it('allow only customer kinds: non-empty, no duplicates, never a partnership or the platform operator', () => {
    for (const candidate of serviceOfferings) {
      expect(candidate.allowedKinds.length, candidate.code).toBeGreaterThan(0);
      expect(new Set(candidate.allowedKinds).size, candidate.code).toBe(candidate.allowedKinds.length);
      for (const kind of candidate.allowedKinds) expect(Object.hasOwn(ALL_KINDS, kind), candidate.code).toBe(true);
      expect(candidate.allowedKinds, candidate.code).not.toContain('partnership');
      expect(candidate.allowedKinds, candidate.code).not.toContain('platform_operator');
    }
  });
});

describe('service offerings: sources', () => {
  it('quote their documents verbatim (after collapsing whitespace)', () => {
    for (const candidate of serviceOfferings) {
      if (candidate.source === '' && candidate.priceBasis === 'assumed') {
        expect(candidate.sourceDocument, candidate.code).toBeUndefined();
        continue;
      }
      expect(candidate.source.trim(), candidate.code).not.toBe('');
      expect(candidate.sourceDocument, candidate.code).toBeDefined();
      expect(documentText(candidate.sourceDocument!), candidate.code).toContain(collapse(candidate.source));
    }
  });

  it('quote the target passage verbatim where it differs from the source', () => {
    for (const candidate of serviceOfferings) {
      if (candidate.targetSource === undefined) continue;
      const { quote, document } = candidate.targetSource;
      expect(documentText(document), candidate.code).toContain(collapse(quote));
    }
  });

  it('show the price in the quote when the price basis is a document', () => {
    const documented = serviceOfferings.filter((candidate) => candidate.priceBasis === 'document');
    expect(documented.length).toBeGreaterThan(0);
    for (const candidate of documented) {
      const pounds = candidate.unitPrice.replace(/\.00$/, '');
      expect(candidate.source, candidate.code).toMatch(new RegExp(`£${escapeRegExp(pounds)}(?![0-9.])`));
    }
  });
});

describe('service offerings: the documents’ service levels and prices', () => {
  it('DBS checks: two working days from complete information (Lancashire, 75 % target)', () => {
    const dbs = offering('dbs-check');
    expect(dbs.serviceLine).toBe('recruitment');
    expect(dbs.fulfilmentTarget).toEqual({ unit: 'working_days', amount: 2 });
    expect(dbs.sourceDocument).toBe(LANCASHIRE);
    expect(dbs.source).toContain('within two working days');
  });

  it('ICT user support: response within 30 minutes and £6.00 a contact (Northumberland)', () => {
    const support = offering('ict-user-support');
    expect(support.serviceLine).toBe('ict');
    expect(support.responseTarget).toEqual({ unit: 'elapsed_minutes', amount: 30 });
    expect(support.unitPrice).toBe('6.00');
    expect(support.priceBasis).toBe('document');
    expect(support.sourceDocument).toBe(NORTHUMBERLAND);
    expect(support.targetSource?.document).toBe(LANCASHIRE);
    expect(support.targetSource?.quote).toContain('within 30 minutes');
  });

  it('every ICT offering is responded to within 30 minutes (the Lancashire portal rule)', () => {
    for (const candidate of inLine('ict')) {
      expect(candidate.responseTarget, candidate.code).toEqual({ unit: 'elapsed_minutes', amount: 30 });
    }
  });

  it('employment contracts: the 10-day KPI the Lancashire report implies (5 days average, 5 days ahead)', () => {
    expect(offering('employment-contract').fulfilmentTarget).toEqual({ unit: 'working_days', amount: 10 });
  });

  it('only the ICT service-desk contacts have a documented price', () => {
    const documented = serviceOfferings
      .filter((candidate) => candidate.priceBasis === 'document')
      .map((candidate) => candidate.code)
      .sort();
    expect(documented).toEqual(['ict-incident', 'ict-user-support']);
  });
});

describe('service offerings: coverage', () => {
  it('has at least 12 offerings across payroll, recruitment and ICT, and finance and procurement ones', () => {
    const core = serviceOfferings.filter((candidate) =>
      (['payroll', 'recruitment', 'ict'] as ServiceLineCode[]).includes(candidate.serviceLine),
    );
    expect(core.length).toBeGreaterThanOrEqual(12);
    for (const line of ['payroll', 'recruitment', 'ict', 'finance', 'procurement'] as const) {
      expect(inLine(line).length, line).toBeGreaterThanOrEqual(1);
    }
  });

  it('holds the offerings the product is built around', () => {
    const expected: Record<string, ServiceLineCode> = {
      'starters-and-leavers': 'payroll',
      'payroll-change': 'payroll',
      'payroll-set-up': 'payroll',
      'payslip-query': 'payroll',
      'employment-contract': 'recruitment',
      'dbs-check': 'recruitment',
      'new-ict-account': 'ict',
      'new-ict-device': 'ict',
      'password-reset': 'ict',
      'ict-user-support': 'ict',
      'ict-incident': 'ict',
      'invoice-processing': 'finance',
      'supplier-set-up': 'procurement',
    };
    for (const [code, line] of Object.entries(expected)) expect(offering(code).serviceLine, code).toBe(line);
    expect(offering('ict-incident').kind).toBe('incident');
  });

  it("covers every request type in Northumberland's Employee Service Centre list", () => {
    const text = rawDocument(NORTHUMBERLAND);
    const start = text.indexOf('Common Transactional Requests');
    const end = text.indexOf('Over time, we will make it easier', start);
    expect(start).toBeGreaterThan(-1);
    expect(end).toBeGreaterThan(start);
    const listed = text
      .slice(start, end)
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line.startsWith('- '))
      .map((line) => line.slice(2).trim());
    const offeringFor: Record<string, string> = {
      'Starters / leavers': 'starters-and-leavers',
      'Employment contracts': 'employment-contract',
      'DBS checks': 'dbs-check',
      'Payroll setup': 'payroll-set-up',
      'Payslip queries': 'payslip-query',
      'New ICT accounts': 'new-ict-account',
      'New ICT devices': 'new-ict-device',
      'Password reset / log-on error': 'password-reset',
      'ICT user support and guidance': 'ict-user-support',
      'Supplier setup': 'supplier-set-up',
      'Invoice processing': 'invoice-processing',
    };
    expect(listed).toHaveLength(11);
    for (const item of listed) {
      const code = offeringFor[item];
      expect(code, `no offering mapped for "${item}"`).toBeDefined();
      expect(byCode.has(code!), item).toBe(true);
    }
  });
});

describe('service offerings: who may subscribe', () => {
  it("keeps schools and academies out of a council's corporate functions (finance, procurement, new payrolls)", () => {
    const corporate = [...inLine('finance'), ...inLine('procurement'), offering('payroll-set-up')];
    for (const candidate of corporate) {
      expect(candidate.allowedKinds, candidate.code).not.toContain('school');
      expect(candidate.allowedKinds, candidate.code).not.toContain('academy');
      expect(candidate.allowedKinds, candidate.code).toContain('county_council');
    }
  });

  it('lets schools take payroll, recruitment and ICT (Lancashire serves 560 schools; Liverpool over 300)', () => {
    for (const code of [
      'starters-and-leavers',
      'payroll-change',
      'payslip-query',
      'dbs-check',
      'employment-contract',
    ]) {
      expect(offering(code).allowedKinds, code).toContain('school');
      expect(offering(code).allowedKinds, code).toContain('academy');
    }
    for (const candidate of inLine('ict')) {
      expect(candidate.allowedKinds, candidate.code).toContain('school');
      // Liverpool's partnership provides ICT to the Grace Academy.
      expect(candidate.allowedKinds, candidate.code).toContain('academy');
    }
  });

  it('lets every council, police and NHS body take every offering', () => {
    const kinds: OrganisationKind[] = [
      'county_council',
      'district_council',
      'unitary_council',
      'metropolitan_council',
      'city_council',
      'police_force',
      'police_and_crime_commissioner',
      'nhs_trust',
    ];
    for (const candidate of serviceOfferings) {
      for (const kind of kinds) expect(candidate.allowedKinds, candidate.code).toContain(kind);
    }
  });
});

describe('service offerings: keywords for capability matching', () => {
  it('are lower case, trimmed and claimed by one offering only', () => {
    const owner = new Map<string, string>();
    for (const candidate of serviceOfferings) {
      expect(candidate.keywords.length, candidate.code).toBeGreaterThanOrEqual(3);
      for (const keyword of candidate.keywords) {
        expect(keyword, candidate.code).toBe(keyword.trim().toLowerCase());
        expect(keyword, candidate.code).not.toBe('');
        const previous = owner.get(keyword);
        expect(
          previous === undefined || previous === candidate.code,
          `"${keyword}" in ${previous} and ${candidate.code}`,
        ).toBe(true);
        owner.set(keyword, candidate.code);
      }
    }
  });

  it("never contain another offering's keyword as whole words (a match would be ambiguous)", () => {
    for (const candidate of serviceOfferings) {
      for (const other of serviceOfferings) {
        if (other === candidate) continue;
        for (const keyword of candidate.keywords) {
          for (const otherKeyword of other.keywords) {
            expect(
              mentions(keyword, otherKeyword),
              `"${keyword}" (${candidate.code}) ⊃ "${otherKeyword}" (${other.code})`,
            ).toBe(false);
          }
        }
      }
    }
  });

  it.each([
    ['Enhanced DBS checks for all new teaching staff', 'dbs-check'],
    ['CRB checks for volunteers', 'dbs-check'],
    ['New starters and leavers on the monthly payroll', 'starters-and-leavers'],
    ['Arrears and pay changes for support staff', 'payroll-change'],
    ['Replacement laptops and smartphones for social workers', 'new-ict-device'],
    ['Users locked out need a password reset', 'password-reset'],
    ['A helpdesk for staff questions about Office', 'ict-user-support'],
    ['Report a fault with the network', 'ict-incident'],
    ['Process supplier invoices received by post', 'invoice-processing'],
    ['Contract letters for new appointments', 'employment-contract'],
  ])('matches "%s" to %s alone', (line, code) => {
    expect(matchRequirement(line)).toEqual([code]);
  });
});
