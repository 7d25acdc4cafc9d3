import { bankHolidays } from '@ssp/core';
import { tables } from '@ssp/schema';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addBankHolidayMutation,
  calendarVersionHistoryQuery,
  calendarVersionsQuery,
  fulfilmentDueQuery,
  importBankHolidaysMutation,
} from '../support/queries/calendar-queries.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { insertHistoricRequests } from './support/request-fixtures.ts';

// Calendars as data: the GOV.UK bank-holidays document imported as a new calendar version per
// nation, a one-off holiday added by a platform admin, and the due times of open requests moving
// with them (due times are computed from the nation's current calendar, never stored).

let api: TestApp;
let admin: string;
let lancashire: string;
let edinburgh: string;
const LANCASHIRE = 'lancashire-county-council';
const EDINBURGH = 'city-of-edinburgh-council';

beforeAll(async () => {
  api = await startTestApp();
  admin = await api.tokenFor('shared-services-platform', ['platform_admin']);
  lancashire = await api.tokenFor(LANCASHIRE, ['requester']);
  edinburgh = await api.tokenFor(EDINBURGH, ['requester']);
});
afterAll(() => api?.close());

type Payload = Record<string, unknown> & { __typename: string; code?: string; message?: string; field?: string };
type Change = { nation: string; version: number; added: { date: string; name: string }[]; removed: unknown[] };

async function importDocument(document: unknown, token = admin): Promise<Payload & { changes?: Change[] }> {
  const response = await api.graphql<{ importBankHolidays: Payload }>(importBankHolidaysMutation(document), token);
  expect(response.body.errors).toBeUndefined();
  return response.body.data!.importBankHolidays;
}

async function addHoliday(input: { nation: string; date: string; name: string }, token = admin) {
  const response = await api.graphql<{ addBankHoliday: Payload & { change: Change | null } }>(
    addBankHolidayMutation(input),
    token,
  );
  expect(response.body.errors).toBeUndefined();
  return response.body.data!.addBankHoliday;
}

async function calendarVersions(): Promise<Record<string, number>> {
  const response = await api.graphql<{ bankHolidayCalendars: { nodes: { nation: string; version: number }[] } }>(
    calendarVersionsQuery(),
    lancashire,
  );
  expect(response.body.errors).toBeUndefined();
  return Object.fromEntries(response.body.data!.bankHolidayCalendars.nodes.map((node) => [node.nation, node.version]));
}

async function clockOf(id: string, asOf: string, token: string) {
  const response = await api.graphql<{
    node: { fulfilmentSla: { dueAt: string; calendarVersion: number; targetSeconds: number } };
  }>(fulfilmentDueQuery(id, asOf), token);
  expect(response.body.errors).toBeUndefined();
  return response.body.data!.node.fulfilmentSla;
}

/** The working-days rows SQL counts on, for some dates of a nation. */
function workingDayRows(nation: 'england_and_wales' | 'scotland', dates: string[]) {
  return api.app.database.inPlatformTransaction({ actor: 'test', reason: 'read working days' }, (tx) =>
    tx
      .select()
      .from(tables.workingDays)
      .where(and(eq(tables.workingDays.nation, nation), inArray(tables.workingDays.date, dates)))
      .orderBy(tables.workingDays.date),
  );
}

/** England and Wales' 2027 as GOV.UK would publish it (the generator's days), plus `extra`. */
function england2027(extra: { title: string; date: string }[] = []) {
  const events = bankHolidays('england_and_wales', 2027).map((holiday) => ({
    title: holiday.name,
    date: holiday.date,
    notes: holiday.substitute ? 'Substitute day' : '',
    bunting: true,
  }));
  return {
    'england-and-wales': {
      division: 'england-and-wales',
      events: [...events, ...extra.map((event) => ({ ...event, notes: '', bunting: false }))],
    },
  };
}

describe('bank-holiday calendars as data', () => {
  // A DBS check (2 working days, close of business on the 2nd working day after the day of
  // receipt) raised in Lancashire on Monday 1 March 2027 at 10:00 (GMT), still open, read at noon.
  const raisedAt = new Date('2027-03-01T10:00:00Z');
  const asOf = '2027-03-01T12:00:00Z';
  let lancashireRequest: string;
  let edinburghRequest: string;
  beforeAll(async () => {
    lancashireRequest = (
      await insertHistoricRequests(api, [{ slug: LANCASHIRE, offeringCode: 'dbs-check', raisedAt }])
    )[0]!;
    edinburghRequest = (
      await insertHistoricRequests(api, [{ slug: EDINBURGH, offeringCode: 'dbs-check', raisedAt }])
    )[0]!;
  });

  it('starts from the generator: version 1 for every nation', async () => {
    expect(await calendarVersions()).toEqual({ ENGLAND_AND_WALES: 1, NORTHERN_IRELAND: 1, SCOTLAND: 1 });
    // Due Wednesday 3 March 17:00: Monday 10-17, Tuesday and Wednesday (23 working hours).
    expect(await clockOf(lancashireRequest, asOf, lancashire)).toMatchObject({
      dueAt: '2027-03-03T17:00:00.000Z',
      calendarVersion: 1,
      targetSeconds: 23 * 3600,
    });
  });

  it('an import adding a holiday moves the open clock, and the clock says which version it used', async () => {
    const before = await workingDayRows('england_and_wales', ['2027-03-02', '2027-03-05']);
    const imported = await importDocument(england2027([{ title: 'Extra bank holiday', date: '2027-03-02' }]));
    expect(imported).toMatchObject({
      __typename: 'BankHolidayImportPayload',
      changes: [
        {
          nation: 'ENGLAND_AND_WALES',
          version: 2,
          added: [{ date: '2027-03-02', name: 'Extra bank holiday' }],
          removed: [],
        },
      ],
    });
    // Tuesday is now a holiday: Monday 10-17, Wednesday, Thursday; due Thursday 4 March 17:00.
    expect(await clockOf(lancashireRequest, asOf, lancashire)).toMatchObject({
      dueAt: '2027-03-04T17:00:00.000Z',
      calendarVersion: 2,
      targetSeconds: 23 * 3600,
    });
    // Scotland's calendar did not change: Edinburgh's request keeps Wednesday, on version 1.
    expect(await clockOf(edinburghRequest, asOf, edinburgh)).toMatchObject({
      dueAt: '2027-03-03T17:00:00.000Z',
      calendarVersion: 1,
    });
    // The working-days table SQL counts on agrees: Tuesday is no longer a working day, and the
    // days after it are numbered one lower.
    const after = await workingDayRows('england_and_wales', ['2027-03-02', '2027-03-05']);
    expect(before.map((row) => row.isWorkingDay)).toEqual([true, true]);
    expect(after[0]).toMatchObject({ isWorkingDay: false, workingDayNumber: before[0]!.workingDayNumber - 1 });
    expect(after[1]!.workingDayNumber).toBe(before[1]!.workingDayNumber - 1);
  });

  it('importing the same document again changes nothing', async () => {
    const again = await importDocument(england2027([{ title: 'Extra bank holiday', date: '2027-03-02' }]));
    expect(again).toMatchObject({ __typename: 'BankHolidayImportPayload', changes: [] });
    expect(await calendarVersions()).toMatchObject({ ENGLAND_AND_WALES: 2 });
  });

  it('a document without a holiday of a year it lists removes it; the clock moves back', async () => {
    const removed = await importDocument(england2027());
    expect(removed).toMatchObject({
      changes: [{ version: 3, added: [], removed: [{ date: '2027-03-02', name: 'Extra bank holiday' }] }],
    });
    expect(await clockOf(lancashireRequest, asOf, lancashire)).toMatchObject({
      dueAt: '2027-03-03T17:00:00.000Z',
      calendarVersion: 3,
    });
  });

  it('refuses an invalid document with a code and writes nothing', async () => {
    const versions = await calendarVersions();
    const badDate = await importDocument(england2027([{ title: 'Not a day', date: '2027-02-30' }]));
    expect(badDate).toMatchObject({ __typename: 'ValidationError', code: 'CALENDAR_DOCUMENT_INVALID' });
    expect(badDate.message).toContain('england-and-wales.events.');
    const unknownDivision = await importDocument({ wales: { division: 'wales', events: [] } });
    expect(unknownDivision).toMatchObject({ code: 'CALENDAR_DOCUMENT_INVALID' });
    // A good Scotland next to a bad England: all or nothing, Scotland is not written either.
    const mixed = await importDocument({
      scotland: {
        division: 'scotland',
        events: [{ title: 'Extra bank holiday', date: '2027-03-02', notes: '', bunting: true }],
      },
      'england-and-wales': { division: 'england-and-wales', events: [{ title: 'x', date: '2099-01-01' }] },
    });
    expect(mixed).toMatchObject({ code: 'CALENDAR_DOCUMENT_INVALID' });
    expect(await importDocument('not an object')).toMatchObject({ code: 'CALENDAR_DOCUMENT_INVALID' });
    expect(await calendarVersions()).toEqual(versions);
    expect((await workingDayRows('scotland', ['2027-03-02']))[0]).toMatchObject({ isWorkingDay: true });
  });

  it('a platform admin adds a one-off holiday: every open request of that nation moves, no other', async () => {
    const added = await addHoliday({ nation: 'SCOTLAND', date: '2027-03-02', name: 'Extra bank holiday' });
    expect(added).toMatchObject({ change: { nation: 'SCOTLAND', version: 2 } });
    expect(await clockOf(edinburghRequest, asOf, edinburgh)).toMatchObject({
      dueAt: '2027-03-04T17:00:00.000Z',
      calendarVersion: 2,
    });
    expect(await clockOf(lancashireRequest, asOf, lancashire)).toMatchObject({ dueAt: '2027-03-03T17:00:00.000Z' });
    // Again: nothing new. Another name on that date, a weekend, a year out of range: refused.
    expect(await addHoliday({ nation: 'SCOTLAND', date: '2027-03-02', name: 'Extra bank holiday' })).toMatchObject({
      change: null,
    });
    expect(await addHoliday({ nation: 'SCOTLAND', date: '2027-03-02', name: 'Another' })).toMatchObject({
      code: 'BANK_HOLIDAY_EXISTS',
    });
    expect(await addHoliday({ nation: 'SCOTLAND', date: '2027-03-06', name: 'A Saturday' })).toMatchObject({
      code: 'BANK_HOLIDAY_NOT_A_WEEKDAY',
    });
    expect(await addHoliday({ nation: 'SCOTLAND', date: '2031-03-03', name: 'Too late' })).toMatchObject({
      code: 'CALENDAR_DATE_OUT_OF_RANGE',
    });
    expect(await calendarVersions()).toMatchObject({ SCOTLAND: 2 });
  });

  it('only platform admins change calendars; everyone reads them', async () => {
    const tenantAdmin = await api.tokenFor(LANCASHIRE, ['tenant_admin']);
    expect(await importDocument(england2027(), tenantAdmin)).toMatchObject({ code: 'ROLE_REQUIRED' });
    expect(
      await addHoliday({ nation: 'ENGLAND_AND_WALES', date: '2027-03-02', name: 'Sneaky' }, tenantAdmin),
    ).toMatchObject({ code: 'ROLE_REQUIRED' });
    const response = await api.graphql<{
      bankHolidayCalendars: {
        nodes: { nation: string; versions: { version: number; source: string }[] }[];
      };
    }>(calendarVersionHistoryQuery(), lancashire);
    expect(response.body.errors).toBeUndefined();
    const england = response.body.data!.bankHolidayCalendars.nodes.find((node) => node.nation === 'ENGLAND_AND_WALES')!;
    expect(england.versions).toEqual([
      { version: 3, source: 'GOV_UK_IMPORT' },
      { version: 2, source: 'GOV_UK_IMPORT' },
      { version: 1, source: 'GENERATOR' },
    ]);
  });
});
