import {
  bankHolidays,
  FIRST_BANK_HOLIDAY_YEAR,
  isWorkingDay,
  LAST_BANK_HOLIDAY_YEAR,
  money,
  NATIONS,
  type PlatformTransaction,
  parseIsoDate,
  workingCalendar,
} from '@ssp/core';
import { tables } from '@ssp/schema';
import { serviceLines, serviceOfferings } from './seed-catalogue.ts';
import { seedOfferingId, seedSlaDefinitionId } from './seed-catalogue-ids.ts';

/** The first SLA version applies from the start of the earliest fiscal year the documents report. */
export const FIRST_SLA_EFFECTIVE_FROM = new Date('2014-04-01T00:00:00+01:00');

/** Loads the catalogue, its first SLA versions and the bank-holiday calendars; rows that exist are kept. */
export async function loadCatalogue(tx: PlatformTransaction): Promise<{ offerings: number; bankHolidays: number }> {
  await tx
    .insert(tables.serviceLines)
    .values(serviceLines.map((line) => ({ code: line.code, name: line.name, description: line.description })))
    .onConflictDoNothing();
  await tx
    .insert(tables.serviceOfferings)
    .values(
      serviceOfferings.map((offering) => ({
        id: seedOfferingId(offering.code),
        code: offering.code,
        serviceLineCode: offering.serviceLine,
        name: offering.name,
        description: offering.description,
        kind: offering.kind,
        unitPricePence: money.toPenceNumber(money.parseMoney(offering.unitPrice)),
        allowedKinds: [...offering.allowedKinds],
        keywords: offering.keywords,
      })),
    )
    .onConflictDoNothing();
  await tx
    .insert(tables.slaDefinitions)
    .values(
      serviceOfferings.map((offering) => ({
        id: seedSlaDefinitionId(offering.code, 1),
        offeringId: seedOfferingId(offering.code),
        version: 1,
        fulfilmentUnit: offering.fulfilmentTarget.unit,
        fulfilmentAmount: offering.fulfilmentTarget.amount,
        responseUnit: offering.responseTarget?.unit ?? null,
        responseAmount: offering.responseTarget?.amount ?? null,
        effectiveFrom: FIRST_SLA_EFFECTIVE_FROM,
      })),
    )
    .onConflictDoNothing();
  const holidays = NATIONS.flatMap((nation) => {
    const rows = [];
    for (let year = FIRST_BANK_HOLIDAY_YEAR; year <= LAST_BANK_HOLIDAY_YEAR; year += 1) {
      for (const holiday of bankHolidays(nation, year)) rows.push({ nation, date: holiday.date, name: holiday.name });
    }
    return rows;
  });
  await tx.insert(tables.bankHolidays).values(holidays).onConflictDoNothing();
  // The generator's days are each nation's calendar version 1; imports and admins add versions.
  await tx
    .insert(tables.calendarVersions)
    .values(
      NATIONS.map((nation) => ({
        nation,
        version: 1,
        source: 'generator' as const,
        added: holidays.filter((row) => row.nation === nation).map(({ date, name }) => ({ date, name })),
        removed: [],
      })),
    )
    .onConflictDoNothing();
  await tx
    .insert(tables.nationCalendars)
    .values(
      NATIONS.map((nation) => ({
        nation,
        version: 1,
        holidayEpochDays: holidays.filter((row) => row.nation === nation).map((row) => parseIsoDate(row.date).epochDay),
      })),
    )
    .onConflictDoNothing();
  const days = workingDayRows();
  for (let start = 0; start < days.length; start += 5_000) {
    await tx
      .insert(tables.workingDays)
      .values(days.slice(start, start + 5_000))
      .onConflictDoNothing();
  }
  return { offerings: serviceOfferings.length, bankHolidays: holidays.length };
}

/** Every day of the calendar years the bank-holiday data covers, numbered by working day per nation. */
function workingDayRows() {
  const rows = [];
  for (const nation of NATIONS) {
    const calendar = workingCalendar(nation);
    let number = 0;
    const last = Date.UTC(LAST_BANK_HOLIDAY_YEAR, 11, 31);
    for (let day = Date.UTC(FIRST_BANK_HOLIDAY_YEAR, 0, 1); day <= last; day += 86_400_000) {
      const date = new Date(day).toISOString().slice(0, 10);
      const working = isWorkingDay(date, calendar);
      if (working) number += 1;
      rows.push({ nation, date, isWorkingDay: working, workingDayNumber: number });
    }
  }
  return rows;
}
