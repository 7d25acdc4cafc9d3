import { compiledPayloadObject } from '@ssp/core';
import { builder, defineMutation } from '@ssp/schema';
import {
  auditActor,
  findOrganisation,
  IdentifierSchemeEnum,
  MembershipRoleEnum,
  NationEnum,
  OrganisationKindEnum,
  OrganisationRef,
  type OrganisationRow,
} from '@ssp/tenants';
import { ServiceOfferingRef } from '../catalogue/service-offering-type.ts';
import { onboardOrganisation } from './onboard-organisation.ts';

const OfficialIdentifierInput = builder.inputType('OfficialIdentifierInput', {
  description: 'An identifier from an official register.',
  fields: (t) => ({
    scheme: t.field({ type: IdentifierSchemeEnum, required: true, description: 'The register.' }),
    value: t.string({ required: true, description: 'The identifier, e.g. E10000017 or 100000.' }),
  }),
});

const SubscriptionInput = builder.inputType('OnboardingSubscriptionInput', {
  description: 'An offering to subscribe the new organisation to.',
  fields: (t) => ({
    offeringId: t.globalID({ for: ServiceOfferingRef, required: true, description: 'The offering.' }),
    unitPrice: t.string({
      required: false,
      description: 'A negotiated price per request in pounds, e.g. "5.50"; the catalogue price when omitted.',
    }),
  }),
});

const TenantAdminInput = builder.inputType('OnboardingTenantAdminInput', {
  description: 'The named person invited as the first tenant admin.',
  fields: (t) => ({
    displayName: t.string({ required: true, description: 'Their name.' }),
    email: t.string({ required: false, description: 'Their email address.' }),
    issuer: t.string({ required: true, description: 'The identity provider they will sign in with.' }),
    subject: t.string({ required: true, description: 'Who they are to that identity provider.' }),
  }),
});

const ApiClientInput = builder.inputType('OnboardingApiClientInput', {
  description: 'A machine client to register with the organisation.',
  fields: (t) => ({
    name: t.string({ required: true, description: 'What it is.' }),
    roles: t.field({ type: [MembershipRoleEnum], required: true, description: 'The roles its tokens carry.' }),
  }),
});

const OnboardOrganisationInput = builder.inputType('OnboardOrganisationInput', {
  description: 'A new customer, everything it needs to start, and an idempotency key.',
  fields: (t) => ({
    parentId: t.globalID({ for: OrganisationRef, required: true, description: 'The organisation it sits beneath.' }),
    name: t.string({ required: true, description: 'Its name.' }),
    kind: t.field({ type: OrganisationKindEnum, required: true, description: 'What kind of body it is.' }),
    nation: t.field({ type: NationEnum, required: true, description: 'Whose bank holidays apply.' }),
    identifier: t.field({ type: OfficialIdentifierInput, required: false, description: 'Its official identifier.' }),
    subscriptions: t.field({ type: [SubscriptionInput], required: true, description: 'What it takes.' }),
    tenantAdmin: t.field({ type: TenantAdminInput, required: true, description: 'Its first tenant admin.' }),
    apiClient: t.field({ type: ApiClientInput, required: false, description: 'A machine client, if wanted.' }),
    idempotencyKey: t.string({
      required: true,
      description: 'Your unique key for this onboarding (8-200 characters): sending it again returns the first result.',
    }),
  }),
});

interface Onboarded {
  organisation: OrganisationRow;
  replayed: boolean;
  clientId: string | null;
  clientSecret: string | null;
}

const OnboardOrganisationPayload = builder.objectRef<Onboarded>('OnboardOrganisationPayload').implement({
  description: 'The organisation onboarded.',
  fields: (t) => ({
    organisation: t.field({
      type: OrganisationRef,
      description: 'The new organisation.',
      extensions: compiledPayloadObject('organisation'),
      resolve: (p) => p.organisation,
    }),
    replayed: t.boolean({
      description: 'True when an earlier call with this key did the onboarding.',
      resolve: (p) => p.replayed,
    }),
    apiClientId: t.string({
      nullable: true,
      description: 'The API client id, when one was asked for.',
      resolve: (p) => p.clientId,
    }),
    apiClientSecret: t.string({
      nullable: true,
      description: 'Its secret, shown once (null on a replay).',
      resolve: (p) => p.clientSecret,
    }),
  }),
});

defineMutation('onboardOrganisation', {
  description:
    'Tenant admins: onboard a customer in one step (organisation, subscriptions, first tenant admin, optional API client). All or nothing; idempotent by key.',
  input: OnboardOrganisationInput,
  inputDescription: 'The customer.',
  payload: OnboardOrganisationPayload,
  callers: { roles: ['tenant_admin'], action: 'Onboarding an organisation' },
  run: async (input, caller, tx) => {
    const result = await onboardOrganisation(tx, caller.actor, auditActor(caller), {
      parentId: input.parentId.id,
      name: input.name,
      kind: input.kind,
      nation: input.nation,
      identifier: input.identifier ?? null,
      subscriptions: input.subscriptions.map((s) => ({
        offeringId: s.offeringId.id,
        unitPrice: s.unitPrice ?? null,
      })),
      tenantAdmin: { ...input.tenantAdmin, email: input.tenantAdmin.email ?? null },
      apiClient: input.apiClient ?? null,
      idempotencyKey: input.idempotencyKey,
    });
    const organisation = await findOrganisation(tx, result.organisationId);
    if (!organisation) throw new Error('The onboarded organisation is not visible');
    return { organisation, ...result };
  },
});
