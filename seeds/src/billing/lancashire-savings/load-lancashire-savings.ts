import { refreshLedgerFigures } from '@ssp/billing';
import type { PlatformTransaction } from '@ssp/core';
import { tables } from '@ssp/schema';
import { v5 as uuidv5 } from 'uuid';
import { seedOrganisationId } from '../../organisations/seed-organisation-ids.ts';
import {
  CUSTOMER_SLUG,
  LANCASHIRE_REPORT,
  lancashireReductions,
  lancashireRejectedOpportunity,
  lancashireSavingsLines,
  PARTNER_SLUG,
  REDUCTION_REASON,
  REPORTED_AT,
} from './lancashire-savings.ts';

const SAVINGS_NAMESPACE = '3b2a7c1e-9f4d-5a6b-8c0d-1e2f3a4b5c6d';

/** The fixed id of a seeded billing row, so re-running the loader finds it. */
export function seedBillingId(kind: string, key: string): string {
  return uuidv5(`lancashire-savings:${kind}:${key}`, SAVINGS_NAMESPACE);
}

const SEEDER = 'seed-loader';
const poundsThousands = (thousands: number) => BigInt(thousands) * 100_000n;

/**
 * Lancashire's £3m reduction, the savings opportunities BT Lancashire Services proposed (the
 * delivered ones and the rejected Oracle move), and the ledger figures of the report's table for
 * 2017/18 and 2018/19. Idempotent: fixed ids and keys, existing rows left alone.
 */
export async function loadLancashireSavings(tx: PlatformTransaction): Promise<{ ledgerEntries: number }> {
  const tenantId = seedOrganisationId(CUSTOMER_SLUG);
  const partnerId = seedOrganisationId(PARTNER_SLUG);
  const reportedAt = new Date(REPORTED_AT);
  const source = `seed: ${LANCASHIRE_REPORT}`;

  await tx
    .insert(tables.reductionRequests)
    .values(
      lancashireReductions.map((reduction) => ({
        tenantId,
        id: seedBillingId('reduction', reduction.key),
        amountPence: poundsThousands(reduction.thousands),
        fromFiscalYear: reduction.fromFiscalYear,
        reason: `${REDUCTION_REASON} (${reduction.quote})`,
        requestedBy: SEEDER,
        requestedAt: new Date(`${reduction.fromFiscalYear}-04-01T00:00:00Z`),
        idempotencyKey: `seed:${reduction.key}`,
        inputHash: source,
      })),
    )
    .onConflictDoNothing();

  const proposal = { tenantId, cashable: true, recurrence: 'recurring' as const, proposedByOrganisationId: partnerId };
  await tx
    .insert(tables.savingsOpportunities)
    .values([
      // Proposed a second apart in the table's order, so the reconciliation lists them as the table does.
      ...lancashireSavingsLines.map((line, index) => ({
        ...proposal,
        id: seedBillingId('opportunity', line.key),
        title: line.title,
        category: line.category,
        countsAgainst: line.budgetName === null ? ('affordability_charge' as const) : ('other_budget' as const),
        budgetName: line.budgetName,
        status: 'delivered' as const,
        proposedBy: SEEDER,
        proposedAt: new Date(Date.parse('2015-04-01T00:00:00Z') + index * 1000),
        decidedBy: SEEDER,
        decidedAt: new Date('2015-04-01T00:00:00Z'),
        deliveredAt: reportedAt,
        idempotencyKey: `seed:${line.key}`,
        inputHash: source,
      })),
      {
        ...proposal,
        id: seedBillingId('opportunity', lancashireRejectedOpportunity.key),
        title: lancashireRejectedOpportunity.title,
        description: lancashireRejectedOpportunity.quote,
        category: 'supplier_change' as const,
        countsAgainst: 'affordability_charge' as const,
        budgetName: null,
        status: 'rejected' as const,
        proposedBy: SEEDER,
        proposedAt: new Date('2015-04-01T00:00:00Z'),
        decidedBy: SEEDER,
        decidedAt: new Date('2015-04-01T00:00:00Z'),
        decisionReason: lancashireRejectedOpportunity.reason,
        idempotencyKey: `seed:${lancashireRejectedOpportunity.key}`,
        inputHash: source,
      },
    ])
    .onConflictDoNothing();

  const entries = lancashireSavingsLines.flatMap((line) => {
    const opportunityId = seedBillingId('opportunity', line.key);
    const common = {
      tenantId,
      opportunityId,
      recordedBy: SEEDER,
      recordedByOrganisationId: partnerId,
      recordedAt: reportedAt,
      inputHash: source,
    };
    return [
      {
        ...common,
        id: seedBillingId('entry-2017', line.key),
        fiscalYear: 2017,
        kind: line.estimated2017 ? ('estimate' as const) : ('actual' as const),
        basis: line.estimated2017 ? ('estimated' as const) : ('actual' as const),
        amountPence: poundsThousands(line.saving2017),
        idempotencyKey: `seed:${line.key}:2017`,
      },
      {
        ...common,
        id: seedBillingId('entry-2018', line.key),
        fiscalYear: 2018,
        kind: 'estimate' as const,
        basis: 'estimated' as const,
        amountPence: poundsThousands(line.estimate2018),
        idempotencyKey: `seed:${line.key}:2018`,
      },
    ];
  });
  const inserted = await tx
    .insert(tables.savingsLedgerEntries)
    .values(entries)
    .onConflictDoNothing()
    .returning({ id: tables.savingsLedgerEntries.id });
  // The entries arrive in bulk, beside the ledger's own writer: the kept figures follow them.
  if (inserted.length > 0) await refreshLedgerFigures(tx, { organisationId: tenantId });
  return { ledgerEntries: inserted.length };
}
