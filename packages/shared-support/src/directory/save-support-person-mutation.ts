import { builder, defineMutation } from '@ssp/schema';
import { supportCallers } from '../common/support-callers.ts';
import { SupportPersonRef } from './directory-type.ts';
import { saveSupportPerson } from './save-support-person.ts';
import type { SupportPersonView } from './support-person-views.ts';

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
    personId: t.globalID({
      for: SupportPersonRef,
      required: false,
      description: 'The person to change; leave out to add someone.',
    }),
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

defineMutation('saveSupportPerson', {
  description:
    "Tenant admins and service agents: add or change one of your organisation's support people. What you share is republished to your partnerships at once.",
  input: SupportPersonInputRef,
  inputDescription: 'The person.',
  payload: SupportPersonPayload,
  callers: supportCallers('Saving a support person'),
  run: async (input, caller, tx) => ({
    person: await saveSupportPerson(tx, caller, {
      personId: input.personId?.id ?? null,
      idempotencyKey: input.idempotencyKey ?? null,
      details: {
        fullName: input.fullName,
        roleTitle: input.roleTitle,
        email: input.email ?? null,
        phone: input.phone ?? null,
        skills: input.skills,
        unavailability: (input.unavailability ?? []).map((u) => ({ ...u, reason: u.reason ?? null })),
      },
    }),
  }),
});
