import { resolveOffsetConnection } from '@pothos/plugin-relay';
import {
  checkedPageSize,
  describedEnumValues,
  ForbiddenError,
  mayReadType,
  NotFoundError,
  readableBy,
  requestActor,
  requestTransaction,
  requireReadAccess,
  requireRole,
  ValidationError,
} from '@ssp/core';
import { builder } from '@ssp/schema';
import * as tables from '@ssp/shared-support-tables';
import { auditActor, recordAuditEvents } from '@ssp/tenants';
import { asc } from 'drizzle-orm';
import { idOf } from '../common/global-ids.ts';
import { loadSharedNodes } from '../common/load-nodes.ts';
import { SHARED_SUPPORT_READ_RULES } from '../common/read-rules.ts';
import { SUPPORT_ROLES } from '../common/roles.ts';
import { recordSharedReads } from '../common/shared-reads.ts';
import { SHARED_SUPPORT_ERRORS } from '../errors/shared-support-error-codes.ts';
import { SharedSupportRef } from '../sharing/shared-support-type.ts';
import {
  addSupportPerson,
  loadSupportPeople,
  removeSupportPerson,
  type SupportPersonInput,
  type SupportPersonRow,
  type SupportPersonView,
  updateSupportPerson,
} from './manage-support-people.ts';
import {
  checkDirectorySearch,
  loadSharedPeopleById,
  type SharedPersonRow,
  searchDirectory,
} from './search-directory.ts';

const RemoveSupportPersonPayload = builder.objectRef<{ personId: string }>('RemoveSupportPersonPayload').implement({
  description: 'The person removed.',
  fields: (t) => ({
    personId: t.globalID({
      description: 'The global id the person had.',
      resolve: (p) => ({ type: 'SupportPerson', id: p.personId }),
    }),
  }),
});

builder.mutationField('removeSupportPerson', (t) =>
  t.field({
    type: RemoveSupportPersonPayload,
    description:
      'Tenant admins and service agents: remove someone who has left; they vanish from the shared directory.',
    authScopes: { authenticated: true },
    errors: { types: errors, directResult: true },
    args: {
      input: t.arg({
        type: builder.inputType('RemoveSupportPersonInput', {
          description: 'The person to remove.',
          fields: (f) => ({ personId: f.id({ required: true, description: 'The person.' }) }),
        }),
        required: true,
        description: 'The person.',
      }),
    },
    resolve: async (_root, { input }, context) => {
      const actor = requestActor(context);
      requireRole(actor, SUPPORT_ROLES, 'Removing a support person');
      if (actor.platformScope)
        throw new ForbiddenError('A member keeps its own people', SHARED_SUPPORT_ERRORS.MEMBERS_ONLY);
      const tx = requestTransaction(context);
      const personId = idOf(String(input.personId), 'SupportPerson', 'input.personId');
      const removed = await removeSupportPerson(tx, actor.organisationId, personId);
      await recordAuditEvents(tx, auditActor(context), [
        {
          organisationId: actor.organisationId,
          action: 'support_person.removed',
          targetType: 'SupportPerson',
          targetId: personId,
          before: removed,
        },
      ]);
      return { personId };
    },
  }),
);

