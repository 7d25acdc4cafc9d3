import { type PlatformTransaction, readGovUkBankHolidays, ValidationError } from '@ssp/core';
import type { AuditActor } from '@ssp/tenants';
import { SERVICE_ERRORS } from '../errors/service-error-codes.ts';
import { type CalendarChange, changeNationCalendar } from './change-nation-calendar.ts';

/**
 * Imports a GOV.UK bank-holidays document (https://www.gov.uk/bank-holidays.json): for each
 * division it carries, the nation's holidays in each calendar year the document lists become
 * exactly the document's, as one new calendar version per nation that changed. Years the
 * document does not reach keep their holidays (the generator's projections, say). All or
 * nothing: a document with any problem is refused with every problem listed and writes nothing;
 * the same document again changes nothing and makes no version.
 */
export async function importBankHolidays(
  tx: PlatformTransaction,
  audit: AuditActor,
  document: unknown,
): Promise<CalendarChange[]> {
  const reading = readGovUkBankHolidays(document);
  if (!reading.ok) {
    const listed = reading.problems
      .slice(0, 20)
      .map((problem) => `${problem.path || 'document'} ${problem.message}`)
      .join('; ');
    const more = reading.problems.length > 20 ? ` (and ${reading.problems.length - 20} more)` : '';
    throw new ValidationError(
      `Not a GOV.UK bank-holidays document: ${listed}${more}`,
      reading.problems[0]?.path ? `input.document.${reading.problems[0].path}` : 'input.document',
      SERVICE_ERRORS.CALENDAR_DOCUMENT_INVALID,
    );
  }
  const changes: CalendarChange[] = [];
  for (const division of reading.divisions) {
    const change = await changeNationCalendar(tx, audit, {
      nation: division.nation,
      holidays: division.holidays,
      covers: { years: division.years },
      source: 'gov_uk_import',
    });
    if (change) changes.push(change);
  }
  return changes;
}
