import { encodeGlobalId, NotFoundError, ValidationError } from '@ssp/core';
import { builder, defineMutation } from '@ssp/schema';
import {
  auditActor,
  findOrganisation,
  IdentifierSchemeEnum,
  NationEnum,
  OrganisationKindEnum,
  OrganisationRef,
} from '@ssp/tenants';
import { ServiceOfferingRef } from '../catalogue/service-offering-type.ts';
import {
  type BulkOnboardingResult,
  type BulkRowResult,
  bulkOnboardOrganisations,
} from './bulk-onboard-organisations.ts';

const BulkModeEnum = builder.enumType('BulkOnboardingMode', {
  description: 'What to do when some rows fail.',
  values: {
    ALL_OR_NOTHING: { value: 'all_or_nothing', description: 'Write nothing unless every row succeeds.' },
    VALID_ROWS_ONLY: { value: 'valid_rows_only', description: 'Write the rows that succeed; report the others.' },
  } as const,
});

const BulkOutcomeEnum = builder.enumType('BulkOnboardingOutcome', {
  description: 'What happened to one row.',
  values: {
    CREATED: { value: 'created', description: 'Onboarded (or, in a dry run, would be).' },
    ALREADY_EXISTED: {
      value: 'already_existed',
      description: 'An organisation with its identifier, or its name beneath the same parent, already exists.',
    },
    ERROR: { value: 'error', description: 'Refused; see field and reason.' },
  } as const,
});

const BulkRowInput = builder.inputType('BulkOnboardingRowInput', {
  description: 'One organisation to onboard (a row of the file).',
  fields: (t) => ({
    name: t.string({ required: true, description: 'Its name.' }),
    kind: t.field({ type: OrganisationKindEnum, required: true, description: 'What kind of body it is.' }),
    nation: t.field({ type: NationEnum, required: true, description: 'Whose bank holidays apply.' }),
    identifierScheme: t.field({ type: IdentifierSchemeEnum, required: false, description: 'Its official register.' }),
    identifier: t.string({ required: false, description: 'Its identifier there, e.g. a URN.' }),
    offeringIds: t.globalIDList({
      for: ServiceOfferingRef,
      required: true,
      description: 'What it takes (catalogue prices).',
    }),
    tenantAdminName: t.string({ required: true, description: 'Its first tenant admin.' }),
    tenantAdminEmail: t.string({ required: false, description: 'Their email address.' }),
    tenantAdminIssuer: t.string({ required: true, description: 'The identity provider they sign in with.' }),
    tenantAdminSubject: t.string({ required: true, description: 'Who they are to that identity provider.' }),
  }),
});

const BulkOnboardInput = builder.inputType('BulkOnboardOrganisationsInput', {
  description: 'Many organisations beneath one parent.',
  fields: (t) => ({
    parentId: t.globalID({ for: OrganisationRef, required: true, description: 'The organisation they sit beneath.' }),
    rows: t.field({ type: [BulkRowInput], required: true, description: 'The organisations (1 to 1,000).' }),
    mode: t.field({ type: BulkModeEnum, required: true, description: 'All or nothing, or valid rows only.' }),
    dryRun: t.boolean({ required: true, description: 'Check and report everything, write nothing.' }),
    batchKey: t.string({
      required: true,
      description:
        'Your key for this file (8-150 characters): sending it again, even many times at once, creates one batch and answers with its result; the key with another file is a conflict.',
    }),
  }),
});

const BulkRowRef = builder.objectRef<BulkRowResult>('BulkOnboardingRow').implement({
  description: 'The outcome of one row.',
  fields: (t) => ({
    row: t.int({ description: 'Its number in the input, from 1.', resolve: (r) => r.row }),
    name: t.string({ description: 'Its name.', resolve: (r) => r.name }),
    outcome: t.field({ type: BulkOutcomeEnum, description: 'What happened.', resolve: (r) => r.outcome }),
    organisationId: t.id({
      nullable: true,
      description: 'The organisation created or found (global id).',
      resolve: (r) => (r.outcome === 'error' ? null : encodeGlobalId('Organisation', r.organisationId)),
    }),
    field: t.string({
      nullable: true,
      description: 'The field at fault, for an error.',
      resolve: (r) => (r.outcome === 'error' ? r.field : null),
    }),
    reason: t.string({
      nullable: true,
      description: 'Why it was refused.',
      resolve: (r) => (r.outcome === 'error' ? r.reason : null),
    }),
  }),
});

const BulkPayload = builder.objectRef<BulkOnboardingResult>('BulkOnboardOrganisationsPayload').implement({
  description: 'What happened to every row.',
  fields: (t) => ({
    created: t.int({ description: 'Rows onboarded (or that would be, in a dry run).', resolve: (r) => r.created }),
    alreadyExisted: t.int({ description: 'Rows that already existed.', resolve: (r) => r.alreadyExisted }),
    errors: t.int({ description: 'Rows refused.', resolve: (r) => r.errors }),
    written: t.boolean({
      description: 'False when nothing was written (dry run, or all or nothing with errors).',
      resolve: (r) => r.written,
    }),
    rows: t.field({ type: [BulkRowRef], description: 'Every row, in order.', resolve: (r) => r.rows }),
  }),
});

defineMutation('bulkOnboardOrganisations', {
  description:
    'Tenant admins: onboard many organisations (e.g. 300 schools), every row checked, reported and all-or-nothing or valid-rows-only.',
  input: BulkOnboardInput,
  inputDescription: 'The rows.',
  payload: BulkPayload,
  callers: { roles: ['tenant_admin'], action: 'Onboarding organisations' },
  run: async (input, caller, tx) => {
    if (input.batchKey.length < 8 || input.batchKey.length > 150) {
      throw new ValidationError('The batch key is 8 to 150 characters', 'input.batchKey');
    }
    const parent = await findOrganisation(tx, input.parentId.id);
    if (!parent) throw new NotFoundError('No organisation you may act for has this id');
    return bulkOnboardOrganisations(tx, caller.actor, auditActor(caller), {
      mode: input.mode,
      dryRun: input.dryRun,
      batchKey: input.batchKey,
      rows: input.rows.map((row) => ({
        parentId: parent.id,
        name: row.name,
        kind: row.kind,
        nation: row.nation,
        identifier:
          row.identifierScheme && row.identifier ? { scheme: row.identifierScheme, value: row.identifier } : null,
        subscriptions: row.offeringIds.map((id) => ({ offeringId: id.id, unitPrice: null })),
        tenantAdmin: {
          displayName: row.tenantAdminName,
          email: row.tenantAdminEmail ?? null,
          issuer: row.tenantAdminIssuer,
          subject: row.tenantAdminSubject,
        },
      })),
    });
  },
});
