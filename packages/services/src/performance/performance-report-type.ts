import {
  NotFoundError,
  parseFiscalYear,
  requestActor,
  requestTransaction,
  requireRole,
  ValidationError,
} from '@ssp/core';
import { builder } from '@ssp/schema';
import { findOrganisation, OrganisationRef } from '@ssp/tenants';
import { z } from 'zod';
import { SERVICE_ERRORS } from '../errors/service-error-codes.ts';
import { type IndicatorResult, type PerformanceReport, reportYear } from './performance-indicators.ts';
import { readPerformanceReport } from './read-performance-report.ts';

const IndicatorStatusEnum = builder.enumType('IndicatorStatus', {
  description: 'How an indicator stands against its target.',
  values: {
    MET: { value: 'met', description: 'The target is met.' },
    NOT_MET: { value: 'not_met', description: 'The target is missed.' },
    NO_DATA: { value: 'no_data', description: 'Nothing was measured in the period (not 0 %, not 100 %).' },
  } as const,
});

const TargetBasisEnum = builder.enumType('TargetBasis', {
  description: 'Where a target comes from.',
  values: {
    SERVICE_LEVEL_AGREEMENT: {
      value: 'service-level-agreement',
      description: 'Written in the service level agreement.',
    },
    LOCAL_KEY_PERFORMANCE_INDICATOR: {
      value: 'local-key-performance-indicator',
      description: 'A local key performance indicator the service measures itself against.',
    },
    REPORTED_LEVEL: { value: 'reported-level', description: 'A level the partnership reports reaching.' },
    ASSUMED: { value: 'assumed', description: 'Assumed by the platform until the contract says otherwise.' },
  } as const,
});

const IndicatorRef = builder.objectRef<IndicatorResult>('PerformanceIndicator').implement({
  description: 'One key performance indicator for the period, with the counts it was computed from.',
  fields: (t) => ({
    code: t.string({ description: 'Stable code, e.g. `payroll-error-rate`.', resolve: (i) => i.code }),
    name: t.string({ description: 'The report name for it.', resolve: (i) => i.name }),
    serviceLine: t.string({ description: 'payroll, recruitment or ict.', resolve: (i) => i.serviceLine }),
    contractual: t.boolean({ description: 'Whether the contract binds it.', resolve: (i) => i.contractual }),
    targetComparator: t.string({
      description: '`<` (the actual must be below the target, e.g. error rates) or `>=`.',
      resolve: (i) => (i.target.comparator === 'lt' ? '<' : '>='),
    }),
    targetPercent: t.string({
      description: 'The target as a percentage, e.g. "0.4".',
      resolve: (i) => String(i.target.value),
    }),
    targetBasis: t.field({
      type: TargetBasisEnum,
      description: 'Where the target comes from.',
      resolve: (i) => i.target.basis,
    }),
    targetSource: t.string({
      description: 'The words the target comes from, or why it is assumed.',
      resolve: (i) => i.target.source,
    }),
    actual: t.string({
      nullable: true,
      description: 'The actual as the report prints it, e.g. "0.3%"; null with no data.',
      resolve: (i) => i.display,
    }),
    status: t.field({ type: IndicatorStatusEnum, description: 'Met, not met, or no data.', resolve: (i) => i.status }),
    met: t.boolean({
      nullable: true,
      description: 'Judged on the exact counts; null with no data.',
      resolve: (i) => i.met,
    }),
    numerator: t.int({ description: 'Items meeting the measure.', resolve: (i) => i.numerator }),
    denominator: t.int({ description: 'Items measured.', resolve: (i) => i.denominator }),
    measure: t.string({ description: 'What is counted over what.', resolve: (i) => i.measure }),
    excluded: t.int({ description: 'Records in the period left out of the denominator.', resolve: (i) => i.excluded }),
    excludedReason: t.string({ description: 'Why those were left out.', resolve: (i) => i.excludedReason }),
  }),
});

const PerformanceReportRef = builder.objectRef<PerformanceReport>('PerformanceReport').implement({
  description: 'An organisation service performance for a fiscal year, computed from its records.',
  fields: (t) => ({
    fiscalYear: t.string({ description: 'The fiscal year, e.g. "2017/18".', resolve: (r) => r.fiscalYear }),
    firstDay: t.string({ description: 'First day covered (ISO date).', resolve: (r) => r.period.firstDay }),
    lastDay: t.string({ description: 'Last day covered (ISO date).', resolve: (r) => r.period.lastDay }),
    yearToDate: t.boolean({ description: 'True when the period stops before 31 March.', resolve: (r) => r.yearToDate }),
    indicators: t.field({
      type: [IndicatorRef],
      description: 'Every indicator, in a stable order.',
      resolve: (r) => r.indicators,
    }),
  }),
});

builder.queryField('performanceReport', (t) =>
  t.field({
    type: PerformanceReportRef,
    description:
      'The key performance indicators of an organisation for a fiscal year (payroll errors, changes by the deadline, DBS checks, ICT first-contact resolution, response and satisfaction). The current year reports what has been measured so far; a year that has not begun yet is a top-level error with code FISCAL_YEAR_NOT_BEGUN on `fiscalYear` (not a year of NO_DATA).',
    authScopes: { authenticated: true },
    args: {
      organisationId: t.arg.globalID({ for: OrganisationRef, required: true, description: 'The organisation.' }),
      fiscalYear: t.arg.string({ required: true, description: 'The fiscal year, e.g. "2017/18".' }),
      through: t.arg.string({
        required: false,
        description: 'Last day for a year-to-date report (ISO date within the year); defaults to 31 March.',
        validate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'through is an ISO date, e.g. 2018-02-28'),
      }),
      asOf: t.arg({
        type: 'DateTime',
        required: false,
        description:
          'Report as we knew it at this instant ("what did we report on 1 March?"): only records recorded by then, each as last corrected by then, with work still inside its deadline then left out. Defaults to now.',
      }),
    },
    resolve: async (_root, args, context) => {
      requireRole(
        requestActor(context),
        ['tenant_admin', 'finance', 'service_agent', 'requester'],
        'Reading performance',
      );
      const tx = requestTransaction(context);
      const year = parseFiscalYear(args.fiscalYear, { field: 'fiscalYear' });
      const { period } = reportYear(year);
      if (period.start.getTime() > Date.now()) {
        // Every indicator would read NO_DATA, which looks like a year with nothing measured.
        throw new ValidationError(
          `${args.fiscalYear} has not begun: it starts on ${period.firstDay}, so there is nothing to report yet`,
          'fiscalYear',
          SERVICE_ERRORS.FISCAL_YEAR_NOT_BEGUN,
        );
      }
      const organisation = await findOrganisation(tx, args.organisationId.id);
      if (!organisation) throw new NotFoundError('No organisation you may see has this id');
      try {
        return await readPerformanceReport(tx, organisation.id, year, {
          ...(args.through ? { through: args.through } : {}),
          ...(args.asOf ? { knownAt: args.asOf } : {}),
        });
      } catch (error) {
        if (error instanceof RangeError) throw new ValidationError(error.message, 'through');
        throw error;
      }
    },
  }),
);
