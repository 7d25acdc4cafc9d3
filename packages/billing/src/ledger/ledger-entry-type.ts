import type * as tables from '@ssp/billing-tables';
import {
  computedFromRowExtension,
  describedEnumValues,
  fiscalYearStarting,
  formatFiscalYear,
  listableBy,
  money,
  pageSizeOptions,
  parseFiscalYear,
  readableBy,
} from '@ssp/core';
import { builder, MoneyRef } from '@ssp/schema';
import { OrganisationRef } from '@ssp/tenants';
import { BILLING_READ_RULES } from '../access/read-rules.ts';

export const LedgerEntryKindEnum = builder.enumType('SavingsLedgerEntryKind', {
  description: 'What a savings ledger entry does.',
  values: describedEnumValues<(typeof tables.ledgerEntryKind.enumValues)[number]>({
    estimate: 'States an estimated figure for the year: pending until an actual settles it.',
    actual: 'States the actual figure when the accounts close: settles the year.',
    restatement: 'Replaces the current figure (keeping its basis), with a reason.',
    reversal: 'Withdraws one earlier entry, with a reason; its amount is minus that entry.',
  }),
});

export const LedgerBasisEnum = builder.enumType('SavingsBasis', {
  description: 'Whether a savings figure is estimated or actual.',
  values: describedEnumValues<(typeof tables.ledgerBasis.enumValues)[number]>({
    estimated: 'Estimated: may change until the accounts close.',
    actual: 'Actual: settled when the accounts closed.',
  }),
});

export const SavingsLedgerEntryRef = builder.drizzleNode('savingsLedgerEntries', {
  name: 'SavingsLedgerEntry',
  ...readableBy(BILLING_READ_RULES.SavingsLedgerEntry),
  description:
    'One append-only entry of the savings ledger. Nothing is ever changed or deleted: a correction is a new entry (a restatement or a reversal) with its reason, who made it and when.',
  id: { column: (entry) => entry.id, description: 'Opaque global id.' },
  fields: (t) => ({
    opportunity: t.relation('opportunity', { description: 'The savings opportunity it records.' }),
    fiscalYear: t.string({
      description: 'The fiscal year the saving belongs to, e.g. "2017/18".',
      select: { columns: { fiscalYear: true } },
      extensions: computedFromRowExtension,
      resolve: (entry) => formatFiscalYear(fiscalYearStarting(entry.fiscalYear)),
    }),
    kind: t.expose('kind', { type: LedgerEntryKindEnum, description: 'What the entry does.' }),
    amount: t.field({
      type: MoneyRef,
      description:
        "The year's figure (estimates, actuals, restatements) or minus the withdrawn entry's amount (reversals).",
      select: { columns: { amountPence: true } },
      extensions: computedFromRowExtension,
      resolve: (entry) => money.fromPence(entry.amountPence),
    }),
    basis: t.expose('basis', {
      type: LedgerBasisEnum,
      nullable: true,
      description: 'Whether the figure it states is estimated or actual (null on a reversal).',
    }),
    reverses: t.relation('reverses', { nullable: true, description: 'The entry a reversal withdraws.' }),
    reason: t.exposeString('reason', {
      nullable: true,
      description: 'Why (always given on restatements and reversals).',
    }),
    recordedBy: t.exposeString('recordedBy', { description: 'Who recorded it.' }),
    recordedAt: t.expose('recordedAt', { type: 'DateTime', description: 'When it was recorded.' }),
  }),
});

builder.drizzleObjectField(OrganisationRef, 'savingsLedger', (t) =>
  t.relatedConnection(
    'savingsLedgerEntries',
    {
      description:
        "The organisation's savings ledger in the order it was recorded, optionally for one fiscal year and as it stood at a past instant. Finance and tenant admins.",
      ...listableBy(BILLING_READ_RULES.SavingsLedgerEntry),
      args: {
        fiscalYear: t.arg.string({
          required: false,
          description: 'Only entries for this fiscal year, e.g. "2017/18".',
        }),
        asOf: t.arg({
          type: 'DateTime',
          required: false,
          description: 'The ledger as it stood at this instant: entries recorded later are left out.',
        }),
      },
      query: (args) => ({
        where: {
          ...(args.fiscalYear
            ? { fiscalYear: parseFiscalYear(args.fiscalYear, { field: 'fiscalYear' }).startYear }
            : {}),
          ...(args.asOf ? { recordedAt: { lte: args.asOf } } : {}),
        },
        orderBy: { recordedAt: 'asc', id: 'asc' },
      }),
      ...pageSizeOptions,
    },
    { name: 'OrganisationSavingsLedgerConnection', description: 'A page of the savings ledger.' },
    { name: 'OrganisationSavingsLedgerEdge' },
  ),
);
