import { insertRows, type PlatformTransaction } from '@ssp/core';
import * as tables from '@ssp/tenants-tables';

/** Who made a change, and in which request: taken from the request context. */
export interface AuditActor {
  requestId: string;
  subject: string;
  organisationId: string | null;
}

export interface AuditChange {
  /** The organisation the change was made for: the trail it appears in. */
  organisationId: string;
  action: string;
  targetType: string;
  targetId: string;
  before?: unknown;
  after?: unknown;
}

/**
 * Appends changes to the audit trail inside the transaction that makes them, so a change and its
 * record commit or roll back together. One statement however many changes.
 */
export async function recordAuditEvents(
  tx: PlatformTransaction,
  actor: AuditActor,
  changes: AuditChange[],
): Promise<void> {
  if (changes.length === 0) return;
  await tx.insert(tables.auditEvents).values(
    changes.map((change) => ({
      tenantId: change.organisationId,
      requestId: actor.requestId,
      actorSubject: actor.subject,
      actorOrganisationId: actor.organisationId,
      action: change.action,
      targetType: change.targetType,
      targetId: change.targetId,
      before: change.before ?? null,
      after: change.after ?? null,
    })),
  );
}

/**
 * `recordAuditEvents` for hundreds of changes (bulk onboarding writes two per school): the rows
 * go as one JSON parameter, where a VALUES list would bind thousands.
 */
export async function recordManyAuditEvents(
  tx: PlatformTransaction,
  actor: AuditActor,
  changes: readonly AuditChange[],
): Promise<void> {
  await insertRows(
    tx,
    tables.auditEvents,
    {
      tenantId: 'uuid',
      requestId: 'text',
      actorSubject: 'text',
      actorOrganisationId: 'uuid',
      action: 'text',
      targetType: 'text',
      targetId: 'uuid',
      before: 'jsonb',
      after: 'jsonb',
    },
    changes.map((change) => ({
      tenantId: change.organisationId,
      requestId: actor.requestId,
      actorSubject: actor.subject,
      actorOrganisationId: actor.organisationId,
      action: change.action,
      targetType: change.targetType,
      targetId: change.targetId,
      before: change.before ?? null,
      after: change.after ?? null,
    })),
  );
}
