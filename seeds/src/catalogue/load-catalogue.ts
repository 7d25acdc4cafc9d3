import {
  bankHolidays,
  FIRST_BANK_HOLIDAY_YEAR,
  LAST_BANK_HOLIDAY_YEAR,
  money,
  NATIONS,
  type PlatformTransaction,
  tables,
} from '@ssp/core';
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
        allowedKinds: [...offering.allowedKinds].filter((kind) => kind !== 'platform_operator') as never,
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
  return { offerings: serviceOfferings.length, bankHolidays: holidays.length };
}
