/**
 * Capability matching: how well what a prospective customer needs "broadly matches" what the
 * partnership already runs (Liverpool took on customers this way). Pure and deterministic: the
 * same requirements against the same catalogue always give the same answer.
 */

import { SERVICE_LINE_COMMON_NAMES } from './service-line-common-names.ts';

export type OrganisationKind = string;

export interface CatalogueOffering {
  id: string;
  code: string;
  /** The service line it belongs to (`payroll`, `ict`...). */
  serviceLineCode: string;
  name: string;
  description: string;
  keywords: readonly string[];
  allowedKinds: readonly OrganisationKind[];
  unitPricePence: number;
}

export type MatchStatus = 'matched' | 'partially_matched' | 'not_offered';

export interface RequirementMatch {
  /** The requirement as given: a free-text line, or an offering code. */
  requirement: string;
  status: MatchStatus;
  /** Offerings that meet it and the organisation's kind may take, best first. */
  offerings: CatalogueOffering[];
  /** Offerings that would meet it but this kind of organisation may not take. */
  notAllowedForKind: CatalogueOffering[];
}

export interface CapabilityMatch {
  requirements: RequirementMatch[];
  /** Share of requirements met, half for a partial match, as whole percent (0-100). */
  fitPercent: number;
}

const STOP_WORDS = new Set([
  'a',
  'an',
  'and',
  'the',
  'of',
  'for',
  'to',
  'in',
  'on',
  'with',
  'our',
  'we',
  'need',
  'needs',
  'new',
  'service',
  'services',
  'support',
  'all',
  'any',
  'by',
  'from',
  'or',
  'per',
  'staff',
  'each',
]);

/** Lower-case words without punctuation or stop words, plurals folded ("checks" is "check"). */
export function significantWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 1 && !STOP_WORDS.has(word))
    .map((word) => (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word));
}

function normalised(text: string): string {
  return ` ${significantWords(text).join(' ')} `;
}

interface Scored {
  offering: CatalogueOffering;
  score: number;
  full: boolean;
}

/** How one free-text line matches one offering: a keyword phrase in full, or shared words. */
function scoreLine(line: string, offering: CatalogueOffering): Scored {
  const text = normalised(line);
  const phrases = [...offering.keywords, offering.name].map(normalised).filter((phrase) => phrase.trim() !== '');
  if (phrases.some((phrase) => text.includes(phrase))) return { offering, score: 1, full: true };
  const lineWords = new Set(significantWords(line));
  const offeringWords = new Set(significantWords([offering.name, ...offering.keywords].join(' ')));
  let shared = 0;
  for (const word of lineWords) if (offeringWords.has(word)) shared += 1;
  return { offering, score: lineWords.size === 0 ? 0 : shared / lineWords.size, full: false };
}

/**
 * The service line a line asks for as a whole, when all its significant words are one of the
 * line's common names ("Payroll services" is payroll, "Payroll for teachers" is not).
 */
function wholeServiceLine(line: string): string | undefined {
  const text = significantWords(line).join(' ');
  if (text === '') return undefined;
  const codes = Object.keys(SERVICE_LINE_COMMON_NAMES).sort();
  return codes.find((code) =>
    SERVICE_LINE_COMMON_NAMES[code]!.some((name) => significantWords(name).join(' ') === text),
  );
}

/** A partial match needs at least half the line's significant words among the offering's. */
const PARTIAL_THRESHOLD = 0.5;

export function matchCapabilities(input: {
  kind: OrganisationKind;
  offeringCodes: readonly string[];
  requirementLines: readonly string[];
  catalogue: readonly CatalogueOffering[];
}): CapabilityMatch {
  const byCode = new Map(input.catalogue.map((offering) => [offering.code, offering]));
  const allowed = (offering: CatalogueOffering) => offering.allowedKinds.includes(input.kind);
  const results: RequirementMatch[] = [];

  for (const code of input.offeringCodes) {
    const offering = byCode.get(code);
    if (!offering) {
      results.push({ requirement: code, status: 'not_offered', offerings: [], notAllowedForKind: [] });
    } else if (allowed(offering)) {
      results.push({ requirement: code, status: 'matched', offerings: [offering], notAllowedForKind: [] });
    } else {
      results.push({ requirement: code, status: 'not_offered', offerings: [], notAllowedForKind: [offering] });
    }
  }

  for (const line of input.requirementLines) {
    const lineCode = wholeServiceLine(line);
    const scored = input.catalogue
      .map((offering) =>
        lineCode !== undefined && offering.serviceLineCode === lineCode
          ? { offering, score: 1, full: true }
          : scoreLine(line, offering),
      )
      .filter((candidate) => candidate.full || candidate.score >= PARTIAL_THRESHOLD)
      // Best first; ties by code so the answer never depends on the catalogue's order.
      .sort(
        (a, b) =>
          Number(b.full) - Number(a.full) || b.score - a.score || a.offering.code.localeCompare(b.offering.code),
      );
    const takeable = scored.filter((candidate) => allowed(candidate.offering));
    const status: MatchStatus = takeable.some((candidate) => candidate.full)
      ? 'matched'
      : takeable.length > 0
        ? 'partially_matched'
        : 'not_offered';
    results.push({
      requirement: line,
      status,
      offerings: takeable.map((candidate) => candidate.offering),
      notAllowedForKind: scored
        .filter((candidate) => !allowed(candidate.offering))
        .map((candidate) => candidate.offering),
    });
  }

  const points = results.reduce(
    (sum, result) => sum + (result.status === 'matched' ? 2 : result.status === 'partially_matched' ? 1 : 0),
    0,
  );
  const fitPercent = results.length === 0 ? 0 : Math.round((points * 100) / (2 * results.length));
  return { requirements: results, fitPercent };
}
