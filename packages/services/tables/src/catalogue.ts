import { referenceDataPolicies } from '@ssp/core/tables';
import { nation, organisationKind } from '@ssp/tenants-tables';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  calendarSource,
  incidentPriority,
  offeringKind,
  serviceLineCode,
  targetUnit,
  workingDayConvention,
} from './service-enums.ts';

/** Payroll, recruitment, ICT, and room for finance and procurement. Platform-wide reference data. */
export const serviceLines = pgTable.withRLS(
  'service_lines',
  {
    code: serviceLineCode('code').primaryKey(),
    name: text('name').notNull(),
    description: text('description').notNull(),
  },
  () => referenceDataPolicies('service_lines'),
);

/**
 * What customers buy: one catalogue item, its price per completed request and which kinds of
 * organisation may take it. Its service levels are versioned apart, in `sla_definitions`.
 */
export const serviceOfferings = pgTable.withRLS(
  'service_offerings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    serviceLineCode: serviceLineCode('service_line_code')
      .notNull()
      .references(() => serviceLines.code),
    name: text('name').notNull(),
    description: text('description').notNull(),
    kind: offeringKind('kind').notNull(),
    /** Catalogue price of one completed request, in pence. */
    unitPricePence: bigint('unit_price_pence', { mode: 'number' }).notNull(),
    allowedKinds: organisationKind('allowed_kinds').array().notNull(),
    /** Words a free-text requirement might use for it (capability matching). */
    keywords: text('keywords').array().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('service_offerings_code_key').on(t.code), ...referenceDataPolicies('service_offerings')],
);

/**
 * A version of an offering's service levels, for all its requests or (incidents) for one priority.
 * Versions are numbered per offering and priority; requests pin the version in force when they
 * were raised, so changing a target never rewrites past attainment.
 */
export const slaDefinitions = pgTable.withRLS(
  'sla_definitions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    offeringId: uuid('offering_id')
      .notNull()
      .references(() => serviceOfferings.id),
    version: integer('version').notNull(),
    fulfilmentUnit: targetUnit('fulfilment_unit').notNull(),
    fulfilmentAmount: integer('fulfilment_amount').notNull(),
    responseUnit: targetUnit('response_unit'),
    responseAmount: integer('response_amount'),
    effectiveFrom: timestamp('effective_from', { withTimezone: true }).notNull(),
    /** Null: every request of the offering; otherwise incidents of this priority only. */
    priority: incidentPriority('priority'),
    /** What a `working_days` target means; ignored by the other units. */
    workingDayConvention: workingDayConvention('working_day_convention').notNull().default('end_of_nth_working_day'),
    /** Who published it (null for the seeded first versions). */
    publishedBy: text('published_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('sla_definitions_offering_priority_version_key').on(t.offeringId, t.priority, t.version).nullsNotDistinct(),
    ...referenceDataPolicies('sla_definitions'),
  ],
);

/** Each nation's bank holidays, the calendar SLA clocks count working time on. */
export const bankHolidays = pgTable.withRLS(
  'bank_holidays',
  {
    nation: nation('nation').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    name: text('name').notNull(),
  },
  (t) => [
    primaryKey({ name: 'bank_holidays_pkey', columns: [t.nation, t.date] }),
    ...referenceDataPolicies('bank_holidays'),
  ],
);

/**
 * Every calendar day of the supported years per nation, numbered by working day, so SQL can
 * count working days with two index look-ups instead of walking the calendar: a working day
 * carries its ordinal, a weekend or bank holiday the ordinal of the working day before it.
 */
export const workingDays = pgTable.withRLS(
  'working_days',
  {
    nation: nation('nation').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    isWorkingDay: boolean('is_working_day').notNull(),
    workingDayNumber: integer('working_day_number').notNull(),
  },
  (t) => [
    primaryKey({ name: 'working_days_pkey', columns: [t.nation, t.date] }),
    index('working_days_nation_number_idx').on(t.nation, t.workingDayNumber, t.isWorkingDay),
    ...referenceDataPolicies('working_days'),
  ],
);

/**
 * Each change to a nation's bank holidays, numbered per nation from 1 (the generator's seed):
 * what it added and removed. Never updated; the calendar now is the newest version.
 */
export const calendarVersions = pgTable.withRLS(
  'calendar_versions',
  {
    /** Its own id, for the audit trail (which names what changed by uuid). */
    id: uuid('id').notNull().defaultRandom(),
    nation: nation('nation').notNull(),
    version: integer('version').notNull(),
    source: calendarSource('source').notNull(),
    /** [{ date, name }] of the holidays this version added. */
    added: jsonb('added').$type<{ date: string; name: string }[]>().notNull(),
    /** [{ date, name }] of the holidays this version removed. */
    removed: jsonb('removed').$type<{ date: string; name: string }[]>().notNull(),
    /** The subject of the platform admin who made it (null for the seed). */
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'calendar_versions_pkey', columns: [t.nation, t.version] }),
    unique('calendar_versions_id_key').on(t.id),
    ...referenceDataPolicies('calendar_versions'),
  ],
);

/**
 * Each nation's calendar as SLA clocks read it: its current version and its bank holidays as days
 * since 1970-01-01. A request's clock selects this one row through its organisation, so the clock
 * is computed from the row data alone and a new holiday moves every open clock at once (due times
 * are computed, never stored).
 */
export const nationCalendars = pgTable.withRLS(
  'nation_calendars',
  {
    nation: nation('nation').primaryKey(),
    version: integer('version').notNull(),
    holidayEpochDays: integer('holiday_epoch_days').array().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  () => referenceDataPolicies('nation_calendars'),
);
