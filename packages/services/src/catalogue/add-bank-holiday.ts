import {
  CalendarRangeError,
  ConflictError,
  checkCalendarEpochDay,
  type Nation,
  type PlatformTransaction,
  parseIsoDate,
  ValidationError,
} from '@ssp/core';
import * as tables from '@ssp/services-tables';
import type { AuditActor } from '@ssp/tenants';
import { and, eq } from 'drizzle-orm';
import { SERVICE_ERRORS } from '../errors/service-error-codes.ts';
import { type CalendarChange, changeNationCalendar } from './change-nation-calendar.ts';

export interface AddBankHolidayInput {
  nation: Nation;
  date: string;
  name: string;
}

/**
 * Adds a one-off bank holiday (a jubilee, a state funeral) to a nation's calendar as a new
 * version: every open request of the nation counts it from then on. Adding the same holiday
 * again changes nothing (`null`); another name on a date that is already a holiday is
 * BANK_HOLIDAY_EXISTS.
 */
export async function addBankHoliday(
  tx: PlatformTransaction,
  audit: AuditActor,
  input: AddBankHolidayInput,
): Promise<CalendarChange | null> {
  const name = input.name.trim();
  if (name === '' || name.length > 200) throw new ValidationError('Give a name of 1 to 200 characters', 'input.name');
  let epochDay: number;
  try {
    epochDay = parseIsoDate(input.date).epochDay;
  } catch {
    throw new ValidationError('Write the date YYYY-MM-DD', 'input.date');
  }
  try {
    checkCalendarEpochDay(epochDay);
  } catch (error) {
    if (!(error instanceof CalendarRangeError)) throw error;
    throw new ValidationError(error.message, 'input.date', SERVICE_ERRORS.CALENDAR_DATE_OUT_OF_RANGE);
  }
  const weekday = new Date(epochDay * 86_400_000).getUTCDay();
  if (weekday === 0 || weekday === 6) {
    throw new ValidationError(
      'A bank holiday falls on a weekday',
      'input.date',
      SERVICE_ERRORS.BANK_HOLIDAY_NOT_A_WEEKDAY,
    );
  }
  const [existing] = await tx
    .select({ name: tables.bankHolidays.name })
    .from(tables.bankHolidays)
    .where(and(eq(tables.bankHolidays.nation, input.nation), eq(tables.bankHolidays.date, input.date)));
  if (existing && existing.name !== name) {
    throw new ConflictError(
      `${input.date} is already a bank holiday (${existing.name})`,
      SERVICE_ERRORS.BANK_HOLIDAY_EXISTS,
    );
  }
  return changeNationCalendar(tx, audit, {
    nation: input.nation,
    holidays: [{ date: input.date, name }],
    covers: 'adds_only',
    source: 'platform_admin',
  });
}
