import { randomUUID } from 'node:crypto';
import {
  type Actor,
  admitNewTenants,
  CORE_ERRORS,
  ConflictError,
  checkIdempotencyKey,
  idempotencyInputHash,
  type MembershipRole,
  NotFoundError,
  type PlatformTransaction,
} from '@ssp/core';
import * as tables from '@ssp/services-tables';
import {
  type AuditActor,
  createApiClient,
  delegateNewOrganisations,
  findOrganisation,
  type IdentifierScheme,
  inviteMember,
  type NewOrganisation,
  type OrganisationKind,
  recordAuditEvents,
  registerOrganisation,
} from '@ssp/tenants';
import { and, eq } from 'drizzle-orm';
import { prepareOnboarding } from './prepare-onboarding.ts';

export interface OnboardOrganisationInput {
  parentId: string;
  name: string;
  kind: OrganisationKind;
  nation: NewOrganisation['nation'];
  identifier: { scheme: IdentifierScheme; value: string } | null;
  /** Offerings to subscribe to; `unitPrice` (pounds, e.g. "5.50") when a price was negotiated. */
  subscriptions: { offeringId: string; unitPrice: string | null }[];
  /** The first tenant admin: an invitation for a named person. */
  tenantAdmin: { displayName: string; email: string | null; issuer: string; subject: string };
  apiClient: { name: string; roles: MembershipRole[] } | null;
  idempotencyKey: string;
}

export interface OnboardingResult {
  organisationId: string;
  replayed: boolean;
  /** Shown once, when an API client was asked for (never on a replay). */
  clientSecret: string | null;
  clientId: string | null;
}

/** Everything the client sent but the key (`idempotencyInputHash` of the rest of the input object). */
function inputHash(input: OnboardOrganisationInput): string {
  const { idempotencyKey: _key, ...rest } = input;
  return idempotencyInputHash(rest);
}

/**
 * Onboards a customer in one step, in the caller's transaction: the organisation beneath its
 * parent, its subscriptions, the invitation of its first tenant admin, optionally an API client,
 * a delegation so the onboarding organisation keeps seeing it, and the audit trail. All of it
 * commits or none of it does. Idempotent by key (per onboarding organisation): the same key with
 * the same input answers with the first result; with other input it is a ConflictError.
 *
 * Row-level security stays in force: the organisation can only be created beneath one the caller
 * acts for, and its rows can only be written once its id is added to the tenant context.
 */
export async function onboardOrganisation(
  tx: PlatformTransaction,
  actor: Actor,
  audit: AuditActor,
  input: OnboardOrganisationInput,
  hooks: { beforeFinish?: () => Promise<void> } = {},
): Promise<OnboardingResult> {
  checkIdempotencyKey(input.idempotencyKey);
  const parent = await findOrganisation(tx, input.parentId);
  if (!parent) throw new NotFoundError('No organisation you may act for has this id');
  const offerings = await tx.query.serviceOfferings.findMany({
    where: { id: { in: input.subscriptions.map((s) => s.offeringId) } },
  });
  const { name, adminRoles, clientRoles, subscriptions } = prepareOnboarding(input, offerings, 'input');

  // Claim the key first: a concurrent retry waits here on the unique constraint, then finds it.
  const hash = inputHash(input);
  const organisationId = randomUUID();
  const [claimed] = await tx
    .insert(tables.onboardingRequests)
    .values({ tenantId: actor.organisationId, idempotencyKey: input.idempotencyKey, inputHash: hash, organisationId })
    .onConflictDoNothing({ target: [tables.onboardingRequests.tenantId, tables.onboardingRequests.idempotencyKey] })
    .returning();
  if (!claimed) {
    const [existing] = await tx
      .select()
      .from(tables.onboardingRequests)
      .where(
        and(
          eq(tables.onboardingRequests.tenantId, actor.organisationId),
          eq(tables.onboardingRequests.idempotencyKey, input.idempotencyKey),
        ),
      );
    if (!existing) throw new Error('An idempotency key conflicted but its record is not visible');
    if (existing.inputHash !== hash)
      throw new ConflictError(
        'This idempotency key was already used for another onboarding',
        CORE_ERRORS.IDEMPOTENCY_KEY_REUSED,
      );
    // The first onboarding delegated it to this organisation, but a retry that waited on the key
    // set its context before that committed: admit the organisation this key created.
    await admitNewTenants(tx, [existing.organisationId]);
    return { organisationId: existing.organisationId, replayed: true, clientSecret: null, clientId: null };
  }

  // The new organisation joins this transaction's tenant context, so its rows can be written.
  await admitNewTenants(tx, [organisationId]);
  await registerOrganisation(tx, {
    id: organisationId,
    name,
    kind: input.kind,
    parentId: parent.id,
    nation: input.nation,
    identifier: input.identifier,
  });
  if (subscriptions.length > 0) {
    await tx.insert(tables.subscriptions).values(subscriptions.map((s) => ({ tenantId: organisationId, ...s })));
  }
  const membership = await inviteMember(tx, {
    organisationId,
    organisationKind: input.kind,
    issuer: input.tenantAdmin.issuer,
    subject: input.tenantAdmin.subject,
    displayName: input.tenantAdmin.displayName,
    email: input.tenantAdmin.email,
    roles: adminRoles,
  });
  const client =
    input.apiClient && clientRoles
      ? await createApiClient(tx, { organisationId, name: input.apiClient.name.trim(), roles: clientRoles })
      : null;
  // The onboarder keeps a delegation over what it onboarded (a platform admin's included, though
  // the platform sits outside every hierarchy): the new organisation exists only because the
  // onboarder created it, so grantDelegation's hierarchy walk has nothing to check.
  await delegateNewOrganisations(tx, {
    granteeOrganisationId: actor.organisationId,
    organisationIds: [organisationId],
    reason: 'Onboarded this organisation',
    grantedBy: audit.subject,
  });
  const after = {
    name,
    kind: input.kind,
    parentId: parent.id,
    subscriptions: subscriptions.length,
    tenantAdmin: membership.id,
  };
  await recordAuditEvents(tx, audit, [
    { organisationId, action: 'organisation.onboarded', targetType: 'Organisation', targetId: organisationId, after },
    {
      organisationId: actor.organisationId,
      action: 'organisation.onboarded',
      targetType: 'Organisation',
      targetId: organisationId,
      after,
    },
  ]);
  await hooks.beforeFinish?.();
  return {
    organisationId,
    replayed: false,
    clientSecret: client?.clientSecret ?? null,
    clientId: client?.clientId ?? null,
  };
}
