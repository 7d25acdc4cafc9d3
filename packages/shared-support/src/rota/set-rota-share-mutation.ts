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

