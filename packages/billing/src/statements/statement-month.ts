import { CORE_ERRORS, type FiscalYear, fiscalYearOf, LONDON_ZONE, ValidationError } from '@ssp/core';
import { DateTime } from 'luxon';

/** A calendar month on the London clock, with the instants it starts and ends. */
export interface StatementMonth {
  /** 'YYYY-MM'. */
  month: string;
  /** The first day, 'YYYY-MM-01' (how statement credits store it). */
  firstDay: string;
  fiscalYear: FiscalYear;
  /** Midnight London time on the first day, as an instant. */
  startsAt: Date;
  /** Midnight London time on the first day of the next month. */
  endsAt: Date;
}

/** Reads 'YYYY-MM' into a London month (BST months start at 23:00 UTC the day before). */
export function parseStatementMonth(text: string, field = 'month'): StatementMonth {
  if (!/^[0-9]{4}-(0[1-9]|1[0-2])$/.test(text)) {
    throw new ValidationError(
      `"${text.slice(0, 20)}" is not a month: write it as YYYY-MM, such as "2018-03"`,
      field,
      CORE_ERRORS.INVALID_DATE,
    );
  }
  const start = DateTime.fromISO(`${text}-01`, { zone: LONDON_ZONE });
  if (!start.isValid || start.year < 1900 || start.year > 2998) {
    throw new ValidationError(`${text} is outside the supported years`, field, CORE_ERRORS.INVALID_DATE);
  }
  return {
    month: text,
    firstDay: `${text}-01`,
    fiscalYear: fiscalYearOf(`${text}-01`),
    startsAt: start.toJSDate(),
    endsAt: start.plus({ months: 1 }).toJSDate(),
  };
}
