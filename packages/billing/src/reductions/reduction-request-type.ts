import {
  computedFromRowExtension,
  fiscalYearStarting,
  formatFiscalYear,
  listableBy,
  money,
  pageSizeOptions,
  readableBy,
} from '@ssp/core';
import { builder, MoneyRef } from '@ssp/schema';
import { OrganisationRef } from '@ssp/tenants';
import { BILLING_READ_RULES } from '../access/read-rules.ts';

export const ReductionRequestRef = builder.drizzleNode('reductionRequests', {
  name: 'ReductionRequest',
  ...readableBy(BILLING_READ_RULES.ReductionRequest),
  description:
    "An organisation's request for its annual affordability charge to fall by an amount from a fiscal year on. Reductions accumulate year on year, and each must be covered by savings (the partnership's reductions are cost-neutral).",
  id: { column: (reduction) => reduction.id, description: 'Opaque global id.' },
  fields: (t) => ({
    organisation: t.relation('organisation', { description: 'The organisation that asked.' }),
    amount: t.field({
      type: MoneyRef,
      description: 'The reduction a year.',
      select: { columns: { amountPence: true } },
      extensions: computedFromRowExtension,
      resolve: (reduction) => money.fromPence(reduction.amountPence),
    }),
    fromFiscalYear: t.string({
      description: 'The first fiscal year it applies to, e.g. "2017/18"; it applies every year after too.',
      select: { columns: { fromFiscalYear: true } },
      extensions: computedFromRowExtension,
      resolve: (reduction) => formatFiscalYear(fiscalYearStarting(reduction.fromFiscalYear)),
    }),
    mustBeCoveredBySavings: t.boolean({
      description: 'Always true: a reduction is granted only as far as savings cover it (see savingsReconciliation).',
      resolve: () => true,
    }),
    reason: t.exposeString('reason', { description: 'Why it was asked for.' }),
    requestedBy: t.exposeString('requestedBy', { description: 'Who asked.' }),
    requestedAt: t.expose('requestedAt', { type: 'DateTime', description: 'When.' }),
  }),
});

builder.drizzleObjectField(OrganisationRef, 'reductionRequests', (t) =>
  t.relatedConnection(
    'reductionRequests',
    {
      description:
        "The organisation's affordability reduction requests, by the year they start. Finance and tenant admins.",
      ...listableBy(BILLING_READ_RULES.ReductionRequest),
      query: { orderBy: { fromFiscalYear: 'asc', requestedAt: 'asc' } },
      ...pageSizeOptions,
    },
    { name: 'ReductionRequestConnection', description: 'A page of reduction requests.' },
    { name: 'ReductionRequestEdge' },
  ),
);
