import { randomBytes } from 'node:crypto';
import {
  CORE_ERRORS,
  ConflictError,
  checkIdempotencyKey,
  idempotencyInputHash,
  type MutationCaller,
  NotFoundError,
  type PlatformTransaction,
  ValidationError,
} from '@ssp/core';
import * as tables from '@ssp/services-tables';
import { findOrganisation } from '@ssp/tenants';
import { and, asc, desc, eq, isNull, lte, or, sql } from 'drizzle-orm';
import { SERVICE_ERRORS } from '../errors/service-error-codes.ts';
import { recordRequestAudit } from './record-request-audit.ts';

export interface RaiseServiceRequestInput {
  organisationId: string;
  offeringId: string;
  title: string;
  description: string;
  priority: 'p1' | 'p2' | 'p3' | 'p4' | null;
  idempotencyKey: string;
  now: Date;
}

export type ServiceRequestRow = typeof tables.serviceRequests.$inferSelect;

/** Crockford base32 without I, L, O, U: easy to read out over the phone. */
const REFERENCE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function newReference(): string {
  const bytes = randomBytes(8);
  let reference = 'SR-';
  for (const byte of bytes) reference += REFERENCE_ALPHABET[byte % 32];
  return reference;
}

/** What makes two raises "the same": everything the client sent except the key itself. */
function inputHash(input: RaiseServiceRequestInput): string {
  const { organisationId, offeringId, title, description, priority } = input;
  return idempotencyInputHash([organisationId, offeringId, title, description, priority]);
}

/**
 * Raises a request against one of the organisation's active subscriptions, for an organisation
 * the caller may act for, and records it in that organisation's audit trail. Idempotent: the same
 * key with the same input returns the first request (even when both arrive at once) and records
 * nothing again; the same key with other input is a ConflictError.
 */
export async function raiseServiceRequest(
  tx: PlatformTransaction,
  caller: MutationCaller,
  input: RaiseServiceRequestInput,
): Promise<{ request: ServiceRequestRow; replayed: boolean }> {
  const organisation = await findOrganisation(tx, input.organisationId);
  if (!organisation) throw new NotFoundError('No organisation you may act for has this id');
  const raisedBy = caller.actor.principal.subject;
  const title = input.title.trim();
  const description = input.description.trim();
  if (title === '' || title.length > 200)
    throw new ValidationError('Give a title of 1 to 200 characters', 'input.title');
  if (description.length > 10_000)
    throw new ValidationError('The description is at most 10,000 characters', 'input.description');
  checkIdempotencyKey(input.idempotencyKey);
  const hash = inputHash(input);

  const [subscription] = await tx
    .select({
      id: tables.subscriptions.id,
      kind: tables.serviceOfferings.kind,
      slaDefinitionId: tables.slaDefinitions.id,
    })
    .from(tables.subscriptions)
    .innerJoin(tables.serviceOfferings, eq(tables.serviceOfferings.id, tables.subscriptions.offeringId))
    .innerJoin(
      tables.slaDefinitions,
      and(
        eq(tables.slaDefinitions.offeringId, tables.serviceOfferings.id),
        lte(tables.slaDefinitions.effectiveFrom, input.now),
        input.priority === null
          ? isNull(tables.slaDefinitions.priority)
          : or(isNull(tables.slaDefinitions.priority), eq(tables.slaDefinitions.priority, input.priority)),
      ),
    )
    .where(
      and(
        eq(tables.subscriptions.tenantId, input.organisationId),
        eq(tables.subscriptions.offeringId, input.offeringId),
        eq(tables.subscriptions.status, 'active'),
      ),
    )
    // The version in force now: for an incident, its priority's own definitions before those for
    // every priority; within them, the newest version already in effect.
    .orderBy(asc(sql`${tables.slaDefinitions.priority} is null`), desc(tables.slaDefinitions.version))
    .limit(1);
  if (!subscription) {
    throw new ValidationError(
      'The organisation has no active subscription to this offering',
      'input.offeringId',
      SERVICE_ERRORS.NOT_SUBSCRIBED,
    );
  }
  if (subscription.kind === 'incident' && input.priority === null) {
    throw new ValidationError('An incident needs a priority', 'input.priority');
  }
  if (subscription.kind === 'request' && input.priority !== null) {
    throw new ValidationError('Only incidents carry a priority', 'input.priority');
  }

  // Concurrent raises with one key: the unique (tenant_id, idempotency_key) lets one insert win;
  // the others find its row below.
  const [inserted] = await tx
    .insert(tables.serviceRequests)
    .values({
      tenantId: input.organisationId,
      reference: newReference(),
      subscriptionId: subscription.id,
      offeringId: input.offeringId,
      slaDefinitionId: subscription.slaDefinitionId,
      title,
      description,
      priority: input.priority,
      raisedBy,
      raisedAt: input.now,
      idempotencyKey: input.idempotencyKey,
      inputHash: hash,
    })
    .onConflictDoNothing({ target: [tables.serviceRequests.tenantId, tables.serviceRequests.idempotencyKey] })
    .returning();
  if (inserted) {
    await tx.insert(tables.serviceRequestStatusChanges).values({
      tenantId: inserted.tenantId,
      requestId: inserted.id,
      status: 'new',
      changedBy: raisedBy,
      changedAt: input.now,
    });
    await recordRequestAudit(tx, caller, {
      organisationId: inserted.tenantId,
      action: 'service_request.raised',
      targetId: inserted.id,
      after: {
        reference: inserted.reference,
        offeringId: inserted.offeringId,
        slaDefinitionId: inserted.slaDefinitionId,
        priority: inserted.priority,
        title: inserted.title,
      },
    });
    return { request: inserted, replayed: false };
  }

  const [existing] = await tx
    .select()
    .from(tables.serviceRequests)
    .where(
      and(
        eq(tables.serviceRequests.tenantId, input.organisationId),
        eq(tables.serviceRequests.idempotencyKey, input.idempotencyKey),
      ),
    );
  if (!existing) throw new Error('An idempotency key conflicted but its request is not visible');
  if (existing.inputHash !== hash) {
    throw new ConflictError(
      'This idempotency key was already used for a different request',
      CORE_ERRORS.IDEMPOTENCY_KEY_REUSED,
    );
  }
  return { request: existing, replayed: true };
}
