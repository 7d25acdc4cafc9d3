import { CORE_ERRORS, ForbiddenError, money, requestActor, requestTransaction } from '@ssp/core';
import { builder, MoneyRef } from '@ssp/schema';
import { BENEFIT_ROLES } from '../common/roles.ts';
import { recordSharedReads } from '../common/shared-reads.ts';
import { loadRecordedLoans } from '../help/help-views.ts';
import { SharedSupportRef } from '../sharing/shared-support-type.ts';
import { type Benefits, computeBenefits, type YearDelivered } from './benefits.ts';

const YearDeliveredRef = builder.objectRef<YearDelivered>('SharedSupportYearDelivered').implement({
  description: 'What the recorded loans delivered in one fiscal year (by the day each loan ended).',
  fields: (t) => ({
    fiscalYear: t.exposeString('fiscalYear', { description: 'The fiscal year, e.g. "2026/27".' }),
    loans: t.exposeInt('loans', { description: 'Loans with time recorded.' }),
    daysGiven: t.exposeInt('daysGiven', { description: 'Days given.' }),
    loanValue: t.field({
      type: MoneyRef,
      description: 'Days given at the day rate (paid between members).',
      resolve: (y) => y.loanValue,
    }),
    agencyCostAvoided: t.field({
      type: MoneyRef,
      description: 'Days given at the agency rates the asking members recorded: the cashable benefit.',
      resolve: (y) => y.agencyCostAvoided,
    }),
  }),
});

const BenefitsRef = builder.objectRef<Benefits>('SharedSupportBenefits').implement({
  description:
    "The partnership's return on investment: its forecast benefits over the forecast window against its grant, and what the recorded loans have delivered so far.",
  fields: (t) => ({
    programme: t.string({ description: 'The programme name.', resolve: (b) => b.programme.name }),
    startedOn: t.string({
      nullable: true,
      description: 'The start of the project, from which the window runs; null until the partnership records it.',
      resolve: (b) => b.programme.startedOn,
    }),
    forecastYears: t.int({ description: 'Years the forecast covers.', resolve: (b) => b.programme.forecastYears }),
    windowEndsOn: t.exposeString('windowEndsOn', {
      nullable: true,
      description: 'The last day of the forecast window.',
    }),
    dayRate: t.field({
      type: MoneyRef,
      nullable: true,
      description: 'The day rate the members agreed for lending people.',
      resolve: (b) => (b.programme.dayRatePence === null ? null : money.fromPence(b.programme.dayRatePence)),
    }),
    grant: t.field({ type: MoneyRef, description: 'The grant that funded the project.', resolve: (b) => b.grant }),
    grantFrom: t.string({ nullable: true, description: 'Who gave the grant.', resolve: (b) => b.programme.grantFrom }),
    cashableForecast: t.field({
      type: MoneyRef,
      description: 'Forecast cashable savings over the window.',
      resolve: (b) => b.cashableForecast,
    }),
    nonCashableForecast: t.field({
      type: MoneyRef,
      description: 'Forecast non-cashable benefits over the window.',
      resolve: (b) => b.nonCashableForecast,
    }),
    totalForecast: t.field({
      type: MoneyRef,
      description: 'Cashable and non-cashable together.',
      resolve: (b) => b.totalForecast,
    }),
    forecastNetReturn: t.field({
      type: MoneyRef,
      description: 'Forecast benefits less the grant.',
      resolve: (b) => b.forecastNetReturn,
    }),
    forecastReturnPercent: t.float({
      nullable: true,
      description: 'Forecast net return over the grant, in percent (two places); null with no grant.',
      resolve: (b) => b.forecastReturnPercent,
    }),
    qualitativeImprovementPercent: t.int({
      nullable: true,
      description: 'The forecast qualitative improvement, in percent.',
      resolve: (b) => b.programme.qualitativeImprovementPercent,
    }),
    loans: t.exposeInt('loans', { description: 'Loans with time recorded in the window.' }),
    daysGiven: t.exposeInt('daysGiven', { description: 'Days members gave each other in the window.' }),
    loanValue: t.field({
      type: MoneyRef,
      description: 'Those days at the day rate (paid between members).',
      resolve: (b) => b.loanValue,
    }),
    agencyCostAvoided: t.field({
      type: MoneyRef,
      description: 'Those days at the agency rates recorded: the cashable benefit delivered so far.',
      resolve: (b) => b.agencyCostAvoided,
    }),
    cashableDeliveredPercent: t.float({
      nullable: true,
      description: 'Cashable benefit delivered so far against the cashable forecast, in percent.',
      resolve: (b) => b.cashableDeliveredPercent,
    }),
    deliveredNetReturn: t.field({
      type: MoneyRef,
      description: 'Cashable benefit delivered so far less the grant.',
      resolve: (b) => b.deliveredNetReturn,
    }),
    byFiscalYear: t.field({
      type: [YearDeliveredRef],
      description: 'Delivered, per fiscal year.',
      resolve: (b) => b.byFiscalYear,
    }),
  }),
});

builder.objectField(SharedSupportRef, 'benefits', (t) =>
  t.field({
    type: BenefitsRef,
    nullable: true,
    description: "The partnership's return on investment; null when it has no programme recorded.",
    resolve: async (support, _args, context) => {
      const actor = requestActor(context);
      if (!BENEFIT_ROLES.some((role) => actor.roles.includes(role))) {
        throw new ForbiddenError(
          'Reading the benefits needs the tenant admin, service agent or finance role',
          CORE_ERRORS.ROLE_REQUIRED,
        );
      }
      const tx = requestTransaction(context);
      const programme = await tx.query.sharedSupportProgrammes.findFirst({
        where: { tenantId: support.partnershipId },
      });
      if (!programme) return null;
      const loans = await loadRecordedLoans(tx, support.partnershipId);
      await recordSharedReads(context, support.partnershipId, 'shared_benefits', [
        ...loans.map((l) => ({ memberOrganisationId: l.lendingMemberId, ids: [l.id] })),
        ...loans.map((l) => ({ memberOrganisationId: l.requestingMemberId, ids: [l.id] })),
      ]);
      return computeBenefits(programme, loans);
    },
  }),
);
