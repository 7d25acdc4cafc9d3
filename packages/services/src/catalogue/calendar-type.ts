import { describedEnumValues, pageSizeOptions, requestTransaction } from '@ssp/core';
import { builder, defineMutation } from '@ssp/schema';
import type * as tables from '@ssp/services-tables';
import { auditActor, NationEnum } from '@ssp/tenants';
import { addBankHoliday } from './add-bank-holiday.ts';
import type { CalendarChange, Holiday } from './change-nation-calendar.ts';
import { importBankHolidays } from './import-bank-holidays.ts';

// Calendars as data: each nation's bank holidays, versioned, read by every SLA clock of the
// nation's organisations, imported from GOV.UK or added by a platform admin.

const CalendarSourceEnum = builder.enumType('CalendarSource', {
  description: 'How a calendar version came about.',
  values: describedEnumValues<(typeof tables.calendarSource.enumValues)[number]>({
    generator: 'The seed: the holidays the platform generates from the rules for 2014 to 2030 (version 1).',
    gov_uk_import: 'An import of the GOV.UK bank-holidays document.',
    platform_admin: 'A holiday a platform admin added.',
  }),
});

const HolidayRef = builder.objectRef<Holiday>('BankHolidayDate').implement({
  description: 'A bank holiday as a calendar version added or removed it.',
  fields: (t) => ({
    date: t.string({ description: 'The date, YYYY-MM-DD.', resolve: (h) => h.date }),
    name: t.string({ description: 'Its name, as GOV.UK gives it.', resolve: (h) => h.name }),
  }),
});

export const BankHolidayRef = builder.drizzleObject('bankHolidays', {
  name: 'BankHoliday',
  description: 'A bank holiday of a nation in its current calendar.',
  fields: (t) => ({
    date: t.exposeString('date', { description: 'The date, YYYY-MM-DD.' }),
    name: t.exposeString('name', { description: 'Its name.' }),
  }),
});

export const CalendarVersionRef = builder.drizzleObject('calendarVersions', {
  name: 'CalendarVersion',
  description: 'One change to a nation bank holidays: what it added and removed. Versions are never changed.',
  fields: (t) => ({
    version: t.exposeInt('version', { description: 'Its number, per nation, from 1 (the seed).' }),
    source: t.expose('source', { type: CalendarSourceEnum, description: 'How it came about.' }),
    added: t.field({ type: [HolidayRef], description: 'The holidays it added.', resolve: (v) => v.added }),
    removed: t.field({ type: [HolidayRef], description: 'The holidays it removed.', resolve: (v) => v.removed }),
    createdBy: t.exposeString('createdBy', { nullable: true, description: 'Who made it (null for the seed).' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was made.' }),
  }),
});

export const BankHolidayCalendarRef = builder.drizzleObject('nationCalendars', {
  name: 'BankHolidayCalendar',
  description:
    'A nation bank-holiday calendar as the SLA clocks of its organisations count on it now (2014 to 2030). Due times are computed when read, so a new version moves the due time of every open request of the nation; each clock says which version it used (`SlaClock.calendarVersion`).',
  fields: (t) => ({
    nation: t.expose('nation', { type: NationEnum, description: 'The nation.' }),
    version: t.exposeInt('version', { description: 'Its current version.' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: 'When it last changed.' }),
    // Plain lists (a nation has about 150 holidays in 2014-2030, a version per change):
    // reference data under reference data, read in the calendar's statement.
    holidays: t.relation('holidays', {
      description: 'Its bank holidays, in date order (2014 to 2030).',
      args: {
        year: t.arg.int({ required: false, description: 'Only the holidays of this calendar year.' }),
      },
      query: (args) => ({
        orderBy: { date: 'asc' },
        ...(args.year ? { where: { date: { gte: `${args.year}-01-01`, lte: `${args.year}-12-31` } } } : {}),
      }),
    }),
    versions: t.relation('versions', {
      description: 'Its versions, newest first.',
      query: { orderBy: { version: 'desc' } },
    }),
  }),
});

builder.queryField('bankHolidayCalendars', (t) =>
  t.drizzleConnection(
    {
      type: 'nationCalendars',
      description: 'The bank-holiday calendar of each nation, as SLA clocks count on it.',
      authScopes: { authenticated: true },
      ...pageSizeOptions,
      resolve: (query, _root, _args, context) =>
        requestTransaction(context).query.nationCalendars.findMany(query({ orderBy: { nation: 'asc' } })),
    },
    { name: 'BankHolidayCalendarConnection', description: 'A page of nation calendars.' },
    { name: 'BankHolidayCalendarEdge' },
  ),
);

const CalendarChangeRef = builder.objectRef<CalendarChange>('CalendarChange').implement({
  description: 'A new version of a nation calendar.',
  fields: (t) => ({
    nation: t.field({ type: NationEnum, description: 'The nation.', resolve: (c) => c.nation }),
    version: t.int({ description: 'The version made.', resolve: (c) => c.version }),
    added: t.field({ type: [HolidayRef], description: 'The holidays it added.', resolve: (c) => c.added }),
    removed: t.field({ type: [HolidayRef], description: 'The holidays it removed.', resolve: (c) => c.removed }),
  }),
});

const CalendarImportPayload = builder.objectRef<{ changes: CalendarChange[] }>('BankHolidayImportPayload').implement({
  description: 'What an import changed.',
  fields: (t) => ({
    changes: t.field({
      type: [CalendarChangeRef],
      description: 'One new version per nation whose holidays changed; empty when the document changed nothing.',
      resolve: (p) => p.changes,
    }),
  }),
});

const ImportBankHolidaysInput = builder.inputType('ImportBankHolidaysInput', {
  description: 'A GOV.UK bank-holidays document.',
  fields: (t) => ({
    document: t.field({
      type: 'JSON',
      required: true,
      description:
        'The document as GOV.UK publishes it at https://www.gov.uk/bank-holidays.json: `{ "england-and-wales": { "division": "england-and-wales", "events": [{ "title", "date", "notes", "bunting" }] }, "scotland": ..., "northern-ireland": ... }` (any of the three divisions).',
    }),
  }),
});

defineMutation('importBankHolidays', {
  description:
    'Platform admins: imports the GOV.UK bank-holidays document. For each division it carries, the nation holidays in every year the document lists become exactly the document ones (other years keep theirs), as one new calendar version per nation that changed. All or nothing: a bad document is CALENDAR_DOCUMENT_INVALID with every problem listed, and nothing is written; the same document again changes nothing.',
  input: ImportBankHolidaysInput,
  inputDescription: 'The document.',
  payload: CalendarImportPayload,
  callers: { platformAdmin: true },
  run: async (input, caller, tx) => ({ changes: await importBankHolidays(tx, auditActor(caller), input.document) }),
});

const AddBankHolidayPayload = builder.objectRef<{ change: CalendarChange | null }>('AddBankHolidayPayload').implement({
  description: 'The calendar version the holiday made.',
  fields: (t) => ({
    change: t.field({
      type: CalendarChangeRef,
      nullable: true,
      description: 'The new version; null when the nation already had this holiday (nothing was written).',
      resolve: (p) => p.change,
    }),
  }),
});

const AddBankHolidayInput = builder.inputType('AddBankHolidayInput', {
  description: 'A one-off bank holiday.',
  fields: (t) => ({
    nation: t.field({ type: NationEnum, required: true, description: 'The nation it is a holiday in.' }),
    date: t.string({ required: true, description: 'The date, YYYY-MM-DD, a weekday in 2014 to 2030.' }),
    name: t.string({ required: true, description: 'Its name, e.g. "Bank holiday for the coronation".' }),
  }),
});

defineMutation('addBankHoliday', {
  description:
    'Platform admins: adds a one-off bank holiday to a nation calendar, as a new version. The due time of every open request of the nation moves from then on (due times are computed on the current calendar, never stored).',
  input: AddBankHolidayInput,
  inputDescription: 'The holiday.',
  payload: AddBankHolidayPayload,
  callers: { platformAdmin: true },
  run: async (input, caller, tx) => ({ change: await addBankHoliday(tx, auditActor(caller), input) }),
});
