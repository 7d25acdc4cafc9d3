import { seedOfferingId } from '@ssp/seeds';
import type { MatrixTable } from './caller-matrix.ts';
import { mutationOf } from './caller-matrix.ts';
import { keyOf, outcomes } from './matrix-operations.ts';

// The catalogue and the calendars are platform-wide reference data: platform admins alone change
// them (everyone else: ROLE_REQUIRED, a FORBIDDEN), every authenticated caller reads them.

const offeringId = (code: string) => Buffer.from(`ServiceOffering:${seedOfferingId(code)}`).toString('base64');

const PLATFORM_ADMINS = outcomes(['platform_admin'], {
  outsider: 'ROLE_REQUIRED',
  delegated_admin: 'ROLE_REQUIRED',
  delegated_finance: 'ROLE_REQUIRED',
  delegated_agent: 'ROLE_REQUIRED',
});

const EVERY_CALLER = outcomes(['tenant_admin', 'finance', 'service_agent', 'requester', 'platform_admin'], {
  outsider: 'ok',
  delegated_admin: 'ok',
  delegated_finance: 'ok',
  delegated_agent: 'ok',
});

const TARGETS = { fulfilmentUnit: 'WORKING_DAYS', fulfilmentAmount: 3 };

// Each accepted version must take effect after the one before: far in the future, a day apart.
let publishedDays = 0;

export const CATALOGUE_ADMIN_MATRIX: MatrixTable = {
  createServiceOffering: {
    operation: (_context, caller) =>
      mutationOf('createServiceOffering', {
        code: keyOf('matrix-offering', caller.unique)
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '-'),
        serviceLine: 'ICT',
        name: 'Matrix offering',
        description: 'Made by the caller matrix',
        kind: 'REQUEST',
        unitPrice: '12.50',
        allowedKinds: ['SCHOOL'],
        keywords: ['matrix'],
        sla: TARGETS,
      }),
    outcomes: PLATFORM_ADMINS,
  },
  changeServiceOffering: {
    // The seeded price again: an accepted call changes nothing later callers would notice.
    operation: () =>
      mutationOf('changeServiceOffering', { offeringId: offeringId('password-reset'), unitPrice: '6.50' }),
    outcomes: PLATFORM_ADMINS,
  },
  publishSlaDefinition: {
    operation: () => {
      publishedDays += 1;
      return mutationOf('publishSlaDefinition', {
        offeringId: offeringId('payslip-query'),
        targets: TARGETS,
        effectiveFrom: new Date(Date.UTC(2029, 0, 1) + publishedDays * 86_400_000).toISOString(),
      });
    },
    outcomes: PLATFORM_ADMINS,
  },
  importBankHolidays: {
    // Christmas 2030 as the seed already has it: accepted, and nothing changes.
    operation: () =>
      mutationOf('importBankHolidays', {
        document: {
          'england-and-wales': {
            division: 'england-and-wales',
            events: [{ title: 'Christmas Day', date: '2030-12-25', notes: '', bunting: true }],
          },
        },
      }),
    outcomes: PLATFORM_ADMINS,
  },
  addBankHoliday: {
    operation: () =>
      mutationOf('addBankHoliday', { nation: 'ENGLAND_AND_WALES', date: '2030-12-27', name: 'Matrix holiday' }),
    outcomes: PLATFORM_ADMINS,
  },
  bankHolidayCalendars: {
    operation: () => ({ query: '{ bankHolidayCalendars(first: 3) { nodes { nation version } } }' }),
    outcomes: EVERY_CALLER,
  },
};
