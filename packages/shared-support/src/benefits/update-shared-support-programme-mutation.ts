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

