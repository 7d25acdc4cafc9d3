import type { MembershipRole, MutationCaller, PlatformTransaction } from '@ssp/core';
import { auditActor } from '../audit/audit-actor.ts';
import { recordAuditEvents } from '../audit/record-audit-event.ts';
import { inviteMember } from './invite-member.ts';
import { type MembershipRow, organisationKind } from './membership-checks.ts';

/**
 * A tenant admin invites a named person into an organisation it may act for (its own unless it
 * says which), and the invitation is recorded in that organisation's audit trail. `inviteMember`
 * is the write alone, for callers that audit in bulk (onboarding).
 */
export async function inviteOrganisationMember(
  tx: PlatformTransaction,
  caller: MutationCaller,
  input: {
    organisationId: string | null;
    issuer: string;
    subject: string;
    displayName: string;
    email: string | null;
    roles: readonly MembershipRole[];
  },
): Promise<MembershipRow> {
  const organisationId = input.organisationId ?? caller.actor.organisationId;
  const membership = await inviteMember(tx, {
    ...input,
    organisationId,
    organisationKind: await organisationKind(tx, organisationId),
  });
  await recordAuditEvents(tx, auditActor(caller), [
    { organisationId, action: 'member.invited', targetType: 'Membership', targetId: membership.id, after: membership },
  ]);
  return membership;
}
