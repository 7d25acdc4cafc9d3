import { z } from 'zod';
import { FIRST_BANK_HOLIDAY_YEAR, type IsoDate, LAST_BANK_HOLIDAY_YEAR, parseIsoDate } from './bank-holidays.ts';
import type { Nation } from './nation.ts';

/**
 * Reads the GOV.UK bank-holidays document (https://www.gov.uk/bank-holidays.json):
 * `{ "england-and-wales": { "division": "england-and-wales", "events": [{ "title", "date",
 * "notes", "bunting" }] }, "scotland": {...}, "northern-ireland": {...} }`.
 *
 * A document may carry any of the three divisions; each one it carries speaks for every calendar
 * year it has an event in (GOV.UK lists whole years), so a holiday of such a year that the
 * document does not list is one the import removes. Years outside the calendars' range are refused
 * rather than dropped: the working_days table and the clocks stop at LAST_BANK_HOLIDAY_YEAR.
 */

const DIVISION_NATIONS = {
  'england-and-wales': 'england_and_wales',
  scotland: 'scotland',
  'northern-ireland': 'northern_ireland',
} as const satisfies Record<string, Nation>;

export type GovUkDivision = keyof typeof DIVISION_NATIONS;

const eventSchema = z.object({
  title: z.string().trim().min(1).max(200),
  date: z.string().refine((value) => {
    try {
      parseIsoDate(value);
      return true;
    } catch {
      return false;
    }
  }, 'a date written YYYY-MM-DD'),
  notes: z.string().max(500).optional(),
  bunting: z.boolean().optional(),
});

const divisionSchema = z.object({
  division: z.string(),
  events: z.array(eventSchema).min(1).max(1_000),
});

const documentSchema = z.record(z.string(), z.unknown()).superRefine((value, context) => {
  const keys = Object.keys(value);
  if (keys.length === 0) context.addIssue({ code: 'custom', message: 'names no division' });
  for (const key of keys) {
    if (!Object.hasOwn(DIVISION_NATIONS, key)) {
      context.addIssue({
        code: 'custom',
        path: [key],
        message: `is not a division (england-and-wales, scotland, northern-ireland)`,
      });
    }
  }
});

export interface ImportedDivision {
  readonly nation: Nation;
  /** The calendar years the document speaks for in this division. */
  readonly years: readonly number[];
  /** In date order, one per date. */
  readonly holidays: readonly { date: IsoDate; name: string }[];
}

export interface GovUkDocumentProblem {
  /** Where in the document, e.g. `scotland.events.3.date`. */
  readonly path: string;
  readonly message: string;
}

export type GovUkDocumentReading =
  | { ok: true; divisions: readonly ImportedDivision[] }
  | { ok: false; problems: readonly GovUkDocumentProblem[] };

const pathOf = (path: readonly PropertyKey[]) => path.map(String).join('.');

/** Reads a parsed JSON value as a GOV.UK bank-holidays document; every problem is listed. */
export function readGovUkBankHolidays(document: unknown): GovUkDocumentReading {
  const shape = documentSchema.safeParse(document);
  if (!shape.success) {
    return { ok: false, problems: shape.error.issues.map((i) => ({ path: pathOf(i.path), message: i.message })) };
  }
  const problems: GovUkDocumentProblem[] = [];
  const divisions: ImportedDivision[] = [];
  for (const [key, raw] of Object.entries(shape.data)) {
    const division = divisionSchema.safeParse(raw);
    if (!division.success) {
      for (const issue of division.error.issues) {
        problems.push({ path: pathOf([key, ...issue.path]), message: issue.message });
      }
      continue;
    }
    if (division.data.division !== key) {
      problems.push({ path: `${key}.division`, message: `says '${division.data.division}', not '${key}'` });
    }
    const seen = new Set<string>();
    const years = new Set<number>();
    division.data.events.forEach((event, index) => {
      const { year } = parseIsoDate(event.date);
      if (year < FIRST_BANK_HOLIDAY_YEAR || year > LAST_BANK_HOLIDAY_YEAR) {
        problems.push({
          path: `${key}.events.${index}.date`,
          message: `is outside the years the calendars cover (${FIRST_BANK_HOLIDAY_YEAR} to ${LAST_BANK_HOLIDAY_YEAR})`,
        });
      }
      if (seen.has(event.date)) problems.push({ path: `${key}.events.${index}.date`, message: 'is listed twice' });
      seen.add(event.date);
      years.add(year);
    });
    divisions.push({
      nation: DIVISION_NATIONS[key as GovUkDivision],
      years: [...years].sort((a, b) => a - b),
      holidays: division.data.events
        .map((event) => ({ date: event.date, name: event.title }))
        .sort((a, b) => a.date.localeCompare(b.date)),
    });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, divisions };
}
