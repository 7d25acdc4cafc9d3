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

const SkillLevelInput = builder.inputType('SkillLevelInput', {
  description: 'A skill at a level.',
  fields: (t) => ({
    skillCode: t.string({ required: true, description: 'A code from the taxonomy (`supportSkills`).' }),
    level: t.int({ required: true, description: '1 (aware) to 4 (expert).' }),
  }),
});

const UnavailablePeriodInput = builder.inputType('UnavailablePeriodInput', {
  description: 'Days a person cannot be called on.',
  fields: (t) => ({
    startsOn: t.string({ required: true, description: 'First day (YYYY-MM-DD).' }),
    endsOn: t.string({ required: true, description: 'Last day (YYYY-MM-DD), on or after the first.' }),
    reason: t.string({ required: false, description: 'Why; kept by your organisation, never shared.' }),
  }),
});

const SupportPersonInputRef = builder.inputType('SupportPersonInput', {
  description: 'A support person and what they can do (replaces what was there).',
  fields: (t) => ({
    personId: t.id({ required: false, description: 'The person to change; leave out to add someone.' }),
    idempotencyKey: t.string({
      required: false,
      description: 'Your key for adding this person (needed when adding): the same key returns the same person.',
    }),
    fullName: t.string({ required: true, description: 'Their name.' }),
    roleTitle: t.string({ required: true, description: 'Their job title.' }),
    email: t.string({ required: false, description: 'Their email address.' }),
    phone: t.string({ required: false, description: 'Their telephone number.' }),
    skills: t.field({ type: [SkillLevelInput], required: true, description: 'Their skills.' }),
    unavailability: t.field({
      type: [UnavailablePeriodInput],
      required: false,
      description: 'When they cannot be called on.',
    }),
  }),
});

const SupportPersonPayload = builder.objectRef<{ person: SupportPersonView }>('SupportPersonPayload').implement({
  description: 'The person after the change.',
  fields: (t) => ({
    person: t.field({ type: SupportPersonRef, description: 'The person.', resolve: (p) => p.person }),
  }),
});

const errors = [ValidationError, NotFoundError, ForbiddenError];

builder.mutationField('saveSupportPerson', (t) =>
  t.field({
    type: SupportPersonPayload,
    description:
      "Tenant admins and service agents: add or change one of your organisation's support people. What you share is republished to your partnerships at once.",
    authScopes: { authenticated: true },
    errors: { types: errors, directResult: true },
    args: { input: t.arg({ type: SupportPersonInputRef, required: true, description: 'The person.' }) },
    resolve: async (_root, { input }, context) => {
      const actor = requestActor(context);
      requireRole(actor, SUPPORT_ROLES, 'Saving a support person');
      if (actor.platformScope)
        throw new ForbiddenError('A member keeps its own people', SHARED_SUPPORT_ERRORS.MEMBERS_ONLY);
      const tx = requestTransaction(context);
      const details: SupportPersonInput = {
        fullName: input.fullName,
        roleTitle: input.roleTitle,
        email: input.email ?? null,
        phone: input.phone ?? null,
        skills: input.skills,
        unavailability: (input.unavailability ?? []).map((u) => ({ ...u, reason: u.reason ?? null })),
      };
      let person: SupportPersonRow;
      let before: SupportPersonRow | null = null;
      let replayed = false;
      if (input.personId) {
        const personId = idOf(String(input.personId), 'SupportPerson', 'input.personId');
        const changed = await updateSupportPerson(tx, actor.organisationId, personId, details);
        person = changed.after;
        before = changed.before;
      } else {
        if (!input.idempotencyKey)
          throw new ValidationError('Adding a person needs an idempotency key', 'input.idempotencyKey');
        ({ person, replayed } = await addSupportPerson(tx, actor.organisationId, details, input.idempotencyKey));
      }
      const view = { ...person, skills: details.skills, unavailability: details.unavailability };
      if (replayed) return { person: view };
      await recordAuditEvents(tx, auditActor(context), [
        {
          organisationId: actor.organisationId,
          action: before ? 'support_person.changed' : 'support_person.added',
          targetType: 'SupportPerson',
          targetId: person.id,
          before,
          after: view,
        },
      ]);
      return { person: view };
    },
  }),
);

