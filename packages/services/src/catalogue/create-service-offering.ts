import { ConflictError, money, type PlatformTransaction, ValidationError } from '@ssp/core';
import * as tables from '@ssp/services-tables';
import type { AuditActor } from '@ssp/tenants';
import { eq, sql } from 'drizzle-orm';
import { SERVICE_ERRORS } from '../errors/service-error-codes.ts';
import { recordReferenceDataChange } from './catalogue-audit.ts';
import { OFFERING_COLUMNS_BUT_KINDS, type ServiceOfferingRow } from './lock-offering.ts';
import { checkOfferingTerms, type OfferingTerms } from './offering-terms.ts';
import { checkSlaTargets, type SlaTargets } from './sla-target-rules.ts';

export interface CreateServiceOfferingInput extends OfferingTerms {
  code: string;
  serviceLineCode: (typeof tables.serviceLineCode.enumValues)[number];
  name: string;
  description: string;
  kind: (typeof tables.offeringKind.enumValues)[number];
  /** Its first service levels (version 1, in effect from the transaction's time, for every request). */
  sla: SlaTargets;
}

const CODE = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** What makes two creations "the same": every field the admin sent. */
function sameOffering(
  row: ServiceOfferingRow,
  input: CreateServiceOfferingInput,
  terms: { allowedKinds: string[]; keywords: string[] },
  pricePence: number,
): boolean {
  return (
    row.serviceLineCode === input.serviceLineCode &&
    row.name === input.name.trim() &&
    row.description === input.description.trim() &&
    row.kind === input.kind &&
    row.unitPricePence === pricePence &&
    JSON.stringify(row.allowedKinds) === JSON.stringify(terms.allowedKinds) &&
    JSON.stringify(row.keywords) === JSON.stringify(terms.keywords)
  );
}

/**
 * Adds an offering to the catalogue with its first SLA version. Its code is its key: the same
 * code with the same terms answers with the offering already made (a retry), with other terms it
 * is OFFERING_CODE_TAKEN.
 */
export async function createServiceOffering(
  tx: PlatformTransaction,
  audit: AuditActor,
  input: CreateServiceOfferingInput,
): Promise<{ offering: ServiceOfferingRow; replayed: boolean }> {
  if (!CODE.test(input.code) || input.code.length > 60) {
    throw new ValidationError('A code is 1 to 60 lower-case letters, digits and single hyphens', 'input.code');
  }
  const name = input.name.trim();
  const description = input.description.trim();
  if (name === '' || name.length > 200) throw new ValidationError('Give a name of 1 to 200 characters', 'input.name');
  if (description === '' || description.length > 2_000) {
    throw new ValidationError('Give a description of 1 to 2,000 characters', 'input.description');
  }
  const terms = checkOfferingTerms(input, 'input');
  checkSlaTargets(input.sla, 'input.sla');
  const pricePence = money.toPenceNumber(terms.unitPrice);

  const [inserted] = await tx
    .insert(tables.serviceOfferings)
    .values({
      code: input.code,
      serviceLineCode: input.serviceLineCode,
      name,
      description,
      kind: input.kind,
      unitPricePence: pricePence,
      allowedKinds: terms.allowedKinds,
      keywords: terms.keywords,
    })
    .onConflictDoNothing({ target: tables.serviceOfferings.code })
    .returning(OFFERING_COLUMNS_BUT_KINDS);
  if (!inserted) {
    const [existing] = await tx
      .select()
      .from(tables.serviceOfferings)
      .where(eq(tables.serviceOfferings.code, input.code));
    if (existing && sameOffering(existing, input, terms, pricePence)) return { offering: existing, replayed: true };
    throw new ConflictError(
      `The catalogue already has an offering with code ${input.code}`,
      SERVICE_ERRORS.OFFERING_CODE_TAKEN,
    );
  }
  const offering = { ...inserted, allowedKinds: terms.allowedKinds };
  await tx.insert(tables.slaDefinitions).values({
    offeringId: offering.id,
    version: 1,
    priority: null,
    ...input.sla,
    // The transaction's time, as the catalogue's "in force now" reads it.
    effectiveFrom: sql`now()`,
    publishedBy: audit.subject,
  });
  await recordReferenceDataChange(tx, audit, {
    action: 'service_offering.create',
    targetType: 'ServiceOffering',
    targetId: offering.id,
    after: {
      code: offering.code,
      unitPricePence: offering.unitPricePence,
      allowedKinds: offering.allowedKinds,
      keywords: offering.keywords,
      sla: input.sla,
    },
  });
  return { offering, replayed: false };
}
