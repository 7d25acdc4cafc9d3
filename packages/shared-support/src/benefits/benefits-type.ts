import {
  CORE_ERRORS,
  ForbiddenError,
  money,
  NotFoundError,
  requestActor,
  requestTransaction,
  ValidationError,
} from '@ssp/core';
import { builder, MoneyRef } from '@ssp/schema';
import * as tables from '@ssp/shared-support-tables';
import { auditActor, recordAuditEvents } from '@ssp/tenants';
import { and, eq } from 'drizzle-orm';
import { isoDate } from '../common/dates.ts';
import { idOf } from '../common/global-ids.ts';
import { requirePartnershipAdmin } from '../common/partnership-admin.ts';
import { BENEFIT_ROLES } from '../common/roles.ts';
import { recordSharedReads } from '../common/shared-reads.ts';
import { loadRecordedLoans } from '../help/load-help.ts';
import { SharedSupportRef } from '../sharing/shared-support-type.ts';
import { type Benefits, computeBenefits, type YearDelivered } from './benefits.ts';

type ProgrammeRow = typeof tables.sharedSupportProgrammes.$inferSelect;

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

// --- The partnership runs its programme ------------------------------------------------------------

const UpdateProgrammeInput = builder.inputType('UpdateSharedSupportProgrammeInput', {
  description: "Your partnership's shared-support programme: when it started and the agreed day rate.",
  fields: (t) => ({
    startedOn: t.string({ required: false, description: 'The start of the project (YYYY-MM-DD).' }),
    dayRate: t.string({
      required: false,
      description: 'The agreed day rate, in pounds as a decimal string, e.g. "250.00".',
    }),
  }),
});

const ProgrammePayload = builder.objectRef<{ programme: ProgrammeRow }>('SharedSupportProgrammePayload').implement({
  description: 'The programme after the change.',
  fields: (t) => ({
    startedOn: t.string({
      nullable: true,
      description: 'The start of the project.',
      resolve: (p) => p.programme.startedOn,
    }),
    dayRate: t.field({
      type: MoneyRef,
      nullable: true,
      description: 'The agreed day rate.',
      resolve: (p) => (p.programme.dayRatePence === null ? null : money.fromPence(p.programme.dayRatePence)),
    }),
  }),
});

builder.mutationField('updateSharedSupportProgramme', (t) =>
  t.field({
    type: ProgrammePayload,
    description:
      "A partnership's tenant admins: record when its shared support started and the day rate members agreed.",
    authScopes: { authenticated: true },
    errors: { types: [ValidationError, NotFoundError, ForbiddenError], directResult: true },
    args: { input: t.arg({ type: UpdateProgrammeInput, required: true, description: 'The changes.' }) },
    resolve: async (_root, { input }, context) => {
      const tx = requestTransaction(context);
      const partnershipId = await requirePartnershipAdmin(context, tx);
      const before = await tx.query.sharedSupportProgrammes.findFirst({ where: { tenantId: partnershipId } });
      if (!before) throw new NotFoundError('Your partnership has no shared-support programme');
      const changes: Partial<ProgrammeRow> = { updatedAt: new Date() };
      if (input.startedOn) changes.startedOn = isoDate(input.startedOn, 'input.startedOn');
      if (input.dayRate) {
        const rate = money.parseMoney(input.dayRate, { field: 'input.dayRate' });
        if (rate.pence <= 0n) throw new ValidationError('A day rate is more than nothing', 'input.dayRate');
        changes.dayRatePence = money.toPenceNumber(rate);
      }
      const [after] = await tx
        .update(tables.sharedSupportProgrammes)
        .set(changes)
        .where(
          and(
            eq(tables.sharedSupportProgrammes.tenantId, partnershipId),
            eq(tables.sharedSupportProgrammes.id, before.id),
          ),
        )
        .returning();
      if (!after) throw new Error('The programme was not updated');
      await recordAuditEvents(tx, auditActor(context), [
        {
          organisationId: partnershipId,
          action: 'shared_support_programme.changed',
          targetType: 'SharedSupportProgramme',
          targetId: after.id,
          before,
          after,
        },
      ]);
      return { programme: after };
    },
  }),
);

const SetRotaShareInput = builder.inputType('SetRotaShareInput', {
  description: "A member's weight in the out-of-hours rota (its share is its weight over all members').",
  fields: (t) => ({
    memberId: t.id({ required: true, description: 'The member (an Organisation global id).' }),
    weight: t.int({ required: true, description: 'A whole number of 1 or more (1 for everyone is an equal share).' }),
  }),
});

const RotaSharePayload = builder.objectRef<{ memberId: string; weight: number }>('RotaSharePayload').implement({
  description: 'The weight recorded.',
  fields: (t) => ({
    memberId: t.globalID({ description: 'The member.', resolve: (p) => ({ type: 'Organisation', id: p.memberId }) }),
    weight: t.exposeInt('weight', { description: 'Its weight.' }),
  }),
});

builder.mutationField('setRotaShare', (t) =>
  t.field({
    type: RotaSharePayload,
    description: "A partnership's tenant admins: set a member's share of the out-of-hours rota.",
    authScopes: { authenticated: true },
    errors: { types: [ValidationError, NotFoundError, ForbiddenError], directResult: true },
    args: { input: t.arg({ type: SetRotaShareInput, required: true, description: 'The share.' }) },
    resolve: async (_root, { input }, context) => {
      const tx = requestTransaction(context);
      const partnershipId = await requirePartnershipAdmin(context, tx);
      const memberId = idOf(String(input.memberId), 'Organisation', 'input.memberId');
      if (!Number.isInteger(input.weight) || input.weight < 1 || input.weight > 1000) {
        throw new ValidationError('Weights are whole numbers from 1 to 1,000', 'input.weight');
      }
      const member = await tx.query.sharedMembers.findFirst({
        where: { tenantId: partnershipId, memberOrganisationId: memberId },
      });
      if (!member) throw new NotFoundError('No member taking part in your shared support has this id');
      await tx
        .insert(tables.rotaShares)
        .values({ tenantId: partnershipId, memberOrganisationId: memberId, weight: input.weight })
        .onConflictDoUpdate({
          target: [tables.rotaShares.tenantId, tables.rotaShares.memberOrganisationId],
          set: { weight: input.weight },
        });
      await recordAuditEvents(tx, auditActor(context), [
        {
          organisationId: partnershipId,
          action: 'rota_share.set',
          targetType: 'SharedMember',
          targetId: memberId,
          after: { weight: input.weight },
        },
      ]);
      return { memberId, weight: input.weight };
    },
  }),
);
