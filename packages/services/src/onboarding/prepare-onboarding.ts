import { type MembershipRole, money, ValidationError } from '@ssp/core';
import type * as tables from '@ssp/services-tables';
import { checkClientRoles, checkMemberRoles, type IdentifierScheme } from '@ssp/tenants';
import { SERVICE_ERRORS } from '../errors/service-error-codes.ts';
import type { OnboardOrganisationInput } from './onboard-organisation.ts';

type Offering = typeof tables.serviceOfferings.$inferSelect;

/** The official identifier formats, checked before anything is written. */
const IDENTIFIER_FORMATS: Record<IdentifierScheme, RegExp> = {
  gss: /^[ENSW]\d{8}$/,
  urn: /^\d{6}$/,
  ods: /^[A-Z0-9]{3,5}$/,
  police_force_code: /^\d{2}$/,
};

export interface PreparedOnboarding {
  name: string;
  adminRoles: MembershipRole[];
  clientRoles: MembershipRole[] | null;
  subscriptions: { offeringId: string; unitPricePence: number; priceBasis: 'catalogue' | 'negotiated' }[];
}

/**
 * Checks one onboarding against the catalogue, with nothing written: the single onboarding and
 * every row of a bulk one go through here. Fields are reported under `path` (`input`, or
 * nothing for a bulk row).
 */
export function prepareOnboarding(
  input: Omit<OnboardOrganisationInput, 'idempotencyKey' | 'parentId'>,
  offerings: readonly Offering[],
  path: string,
): PreparedOnboarding {
  const at = (field: string) => (path ? `${path}.${field}` : field);
  const name = input.name.trim();
  if (name === '' || name.length > 200) throw new ValidationError('Give a name of 1 to 200 characters', at('name'));
  if (input.identifier && !IDENTIFIER_FORMATS[input.identifier.scheme].test(input.identifier.value)) {
    throw new ValidationError(`This is not a valid ${input.identifier.scheme} identifier`, at('identifier.value'));
  }
  const admin = input.tenantAdmin;
  if (admin.displayName.trim() === '' || admin.issuer.trim() === '' || admin.subject.trim() === '') {
    throw new ValidationError(
      'Name the first tenant admin, and the issuer and subject they sign in with',
      at('tenantAdmin'),
    );
  }
  if (input.kind === 'platform_operator' || input.kind === 'partnership') {
    throw new ValidationError('Onboarding is for customers, not partnerships or the operator', at('kind'));
  }
  const subscriptions = input.subscriptions.map((wanted, index) => {
    const offering = offerings.find((candidate) => candidate.id === wanted.offeringId);
    const field = at(`subscriptions.${index}`);
    if (!offering) throw new ValidationError('No such offering', `${field}.offeringId`);
    if (!offering.allowedKinds.includes(input.kind)) {
      throw new ValidationError(
        `A ${input.kind} may not take ${offering.code}`,
        `${field}.offeringId`,
        SERVICE_ERRORS.OFFERING_NOT_OFFERED_TO_KIND,
      );
    }
    const negotiated =
      wanted.unitPrice === null ? null : money.parseMoney(wanted.unitPrice, { field: `${field}.unitPrice` });
    return {
      offeringId: offering.id,
      unitPricePence: negotiated ? money.toPenceNumber(negotiated) : offering.unitPricePence,
      priceBasis: negotiated ? ('negotiated' as const) : ('catalogue' as const),
    };
  });
  if (new Set(subscriptions.map((s) => s.offeringId)).size !== subscriptions.length) {
    throw new ValidationError('Each offering once', at('subscriptions'));
  }
  return {
    name,
    adminRoles: checkMemberRoles(['tenant_admin'], input.kind),
    clientRoles: input.apiClient ? checkClientRoles(input.apiClient.roles) : null,
    subscriptions,
  };
}
