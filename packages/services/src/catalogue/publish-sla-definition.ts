import { ConflictError, type PlatformTransaction, ValidationError } from '@ssp/core';
import * as tables from '@ssp/services-tables';
import type { AuditActor } from '@ssp/tenants';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { SERVICE_ERRORS } from '../errors/service-error-codes.ts';
import { recordReferenceDataChange } from './catalogue-audit.ts';
import { lockOffering } from './lock-offering.ts';
import { checkSlaTargets, type IncidentPriority, type SlaTargets } from './sla-target-rules.ts';

export type SlaDefinitionRow = typeof tables.slaDefinitions.$inferSelect;

export interface PublishSlaDefinitionInput extends SlaTargets {
  offeringId: string;
  /** Null: every request of the offering; a priority: that priority's incidents only. */
  priority: IncidentPriority | null;
  /** When it takes effect; null for now. */
  effectiveFrom: Date | null;
  now: Date;
}

/**
 * Whether a version is what the input asks for (a replay): the same targets from the same time,
 * or, when no time is given, the same targets already in effect.
 */
function sameDefinition(row: SlaDefinitionRow, input: PublishSlaDefinitionInput): boolean {
  const sameTime =
    input.effectiveFrom === null
      ? row.effectiveFrom.getTime() <= input.now.getTime()
      : row.effectiveFrom.getTime() === input.effectiveFrom.getTime();
  return (
    sameTime &&
    row.fulfilmentUnit === input.fulfilmentUnit &&
    row.fulfilmentAmount === input.fulfilmentAmount &&
    row.responseUnit === input.responseUnit &&
    row.responseAmount === input.responseAmount &&
    row.workingDayConvention === input.workingDayConvention
  );
}

/**
 * Publishes the next version of an offering's service levels (for all its requests, or for one
 * incident priority). It applies to requests raised from `effectiveFrom` on; requests raised
 * before keep the version they pinned. Versions of one offering and priority take effect in
 * order, never back-dated. Sending the newest version again (same targets, same time) answers
 * with it and writes nothing.
 */
export async function publishSlaDefinition(
  tx: PlatformTransaction,
  audit: AuditActor,
  input: PublishSlaDefinitionInput,
): Promise<{ definition: SlaDefinitionRow; replayed: boolean }> {
  checkSlaTargets(input, 'input');
  const offering = await lockOffering(tx, input.offeringId);
  if (input.priority !== null && offering.kind !== 'incident') {
    throw new ValidationError(
      'Only an incident offering has SLA definitions per priority',
      'input.priority',
      SERVICE_ERRORS.SLA_PRIORITY_NOT_INCIDENT,
    );
  }
  const [latest] = await tx
    .select()
    .from(tables.slaDefinitions)
    .where(
      and(
        eq(tables.slaDefinitions.offeringId, offering.id),
        input.priority === null
          ? isNull(tables.slaDefinitions.priority)
          : eq(tables.slaDefinitions.priority, input.priority),
      ),
    )
    .orderBy(desc(tables.slaDefinitions.version))
    .limit(1);
  if (latest && sameDefinition(latest, input)) return { definition: latest, replayed: true };
  // A little slack for the caller's clock: "now" sent from a client is a few seconds old.
  const effectiveFrom = input.effectiveFrom ?? input.now;
  if (effectiveFrom.getTime() < input.now.getTime() - 60_000) {
    throw new ValidationError(
      'A new SLA version takes effect now or later',
      'input.effectiveFrom',
      SERVICE_ERRORS.SLA_EFFECTIVE_FROM_IN_PAST,
    );
  }
  if (latest && latest.effectiveFrom.getTime() >= effectiveFrom.getTime()) {
    throw new ConflictError(
      `Version ${latest.version} already takes effect at ${latest.effectiveFrom.toISOString()}: publish a later time`,
      SERVICE_ERRORS.SLA_VERSION_OUT_OF_ORDER,
    );
  }
  const [definition] = await tx
    .insert(tables.slaDefinitions)
    .values({
      offeringId: offering.id,
      version: (latest?.version ?? 0) + 1,
      priority: input.priority,
      fulfilmentUnit: input.fulfilmentUnit,
      fulfilmentAmount: input.fulfilmentAmount,
      responseUnit: input.responseUnit,
      responseAmount: input.responseAmount,
      workingDayConvention: input.workingDayConvention,
      // "Now" is the transaction's time, as the catalogue's "in force now" reads it, so a
      // version published for now is in force in the answer that publishes it.
      effectiveFrom: input.effectiveFrom ?? sql`now()`,
      publishedBy: audit.subject,
    })
    .returning();
  await recordReferenceDataChange(tx, audit, {
    action: 'sla_definition.publish',
    targetType: 'SlaDefinition',
    targetId: definition!.id,
    before: latest ? { version: latest.version } : null,
    after: {
      offering: offering.code,
      version: definition!.version,
      priority: definition!.priority,
      fulfilment: { unit: definition!.fulfilmentUnit, amount: definition!.fulfilmentAmount },
      response: { unit: definition!.responseUnit, amount: definition!.responseAmount },
      workingDayConvention: definition!.workingDayConvention,
      effectiveFrom: definition!.effectiveFrom.toISOString(),
    },
  });
  return { definition: definition!, replayed: false };
}
