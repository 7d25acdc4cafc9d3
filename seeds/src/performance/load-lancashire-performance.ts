import type { PlatformTransaction } from '@ssp/core';
import { tables } from '@ssp/schema';
import { v5 as uuidv5 } from 'uuid';
import { seedOfferingId, seedSlaDefinitionId } from '../catalogue/seed-catalogue-ids.ts';
import { seedOrganisationId } from '../organisations/seed-organisation-ids.ts';
import { generateLancashireYear, type LancashireGenerationOptions } from './generate-lancashire-records.ts';
import { LANCASHIRE_FISCAL_YEARS, type LancashireFiscalYear } from './lancashire-kpi-figures.ts';

const PERFORMANCE_NAMESPACE = '0d7c4e1a-62b5-5f38-9a0e-4b1c2d3e4f50';
const LANCASHIRE = 'lancashire-county-council';
// PostgreSQL takes at most 65,535 parameters a statement: 3,000 rows of up to 21 columns.
const CHUNK = 3_000;

const idFor = (...parts: string[]) => uuidv5(parts.join(':'), PERFORMANCE_NAMESPACE);

async function insertInChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK) await insert(rows.slice(start, start + CHUNK));
}

/**
 * Stores the generated Lancashire records (payrolls, pay periods, changes, errors, DBS checks and
 * ICT service-desk contacts as service requests with their status history) for Lancashire County
 * Council, so the performance report computed from the database reproduces the report's figures.
 * Rows have fixed ids: loading again changes nothing. `scale` shrinks the volumes (every
 * percentage still reproduces down to 0.02).
 */
export async function loadLancashirePerformance(
  tx: PlatformTransaction,
  options: LancashireGenerationOptions & { fiscalYears?: readonly LancashireFiscalYear[] } = {},
): Promise<{ rows: number }> {
  const tenantId = seedOrganisationId(LANCASHIRE);
  let rows = 0;
  for (const fiscalYear of options.fiscalYears ?? LANCASHIRE_FISCAL_YEARS) {
    const year = generateLancashireYear(fiscalYear, options);
    const { records } = year;
    const payrollId = (code: string) => idFor('payroll', code);
    const periodId = (code: string, start: string) => idFor('pay-period', code, start);

    await tx
      .insert(tables.payrolls)
      .values(
        year.payrolls.map((p) => ({
          tenantId,
          id: payrollId(p.code),
          code: p.code,
          name: p.name,
          frequency: p.frequency,
        })),
      )
      .onConflictDoNothing();
    await insertInChunks(
      records.payrollPeriods.map((p) => ({
        tenantId,
        id: periodId(p.payrollCode, p.periodStart),
        payrollId: payrollId(p.payrollCode),
        periodStart: p.periodStart,
        publishedDeadline: p.publishedDeadline,
        paymentsMade: p.paymentsMade,
      })),
      (chunk) => tx.insert(tables.payPeriods).values(chunk).onConflictDoNothing(),
    );
    await insertInChunks(
      records.payrollChanges.map((c, index) => ({
        tenantId,
        id: idFor('change', fiscalYear, String(index)),
        payPeriodId: periodId(c.payrollCode, c.periodStart),
        kind: c.kind,
        receivedAt: c.receivedAt,
        processedAt: c.processedAt,
      })),
      (chunk) => tx.insert(tables.payrollChanges).values(chunk).onConflictDoNothing(),
    );
    await insertInChunks(
      records.payrollErrors.map((e, index) => ({
        tenantId,
        id: idFor('error', fiscalYear, String(index)),
        payPeriodId: periodId(e.payrollCode, e.periodStart),
        causedBy: e.causedBy,
        description: e.description,
      })),
      (chunk) => tx.insert(tables.payrollErrors).values(chunk).onConflictDoNothing(),
    );
    await insertInChunks(
      records.dbsChecks.map((d) => ({
        tenantId,
        id: idFor('dbs', d.reference),
        reference: d.reference,
        receivedAt: d.receivedAt,
        informationCompleteAt: d.informationCompleteAt,
        processedAt: d.processedAt,
      })),
      (chunk) => tx.insert(tables.dbsChecks).values(chunk).onConflictDoNothing(),
    );

    // Service-desk contacts are service requests against the council's ICT subscriptions, with
    // the status history the response clock is computed from.
    const subscriptions = await tx.query.subscriptions.findMany({
      where: { tenantId, offeringId: { in: [seedOfferingId('ict-user-support'), seedOfferingId('ict-incident')] } },
      columns: { id: true, offeringId: true },
    });
    const subscriptionFor = new Map(subscriptions.map((s) => [s.offeringId, s.id]));
    const requests = [];
    const changes = [];
    for (const contact of records.ictRequests) {
      const code = contact.kind === 'incident' ? 'ict-incident' : 'ict-user-support';
      const subscriptionId = subscriptionFor.get(seedOfferingId(code));
      if (!subscriptionId) throw new Error(`Lancashire County Council has no ${code} subscription`);
      const id = idFor('ict', contact.reference);
      const resolvedAt =
        contact.firstContactResolution === null || contact.firstRespondedAt === null
          ? null
          : new Date(contact.firstRespondedAt.getTime() + (contact.firstContactResolution ? 10 : 120) * 60_000);
      requests.push({
        tenantId,
        id,
        reference: contact.reference,
        subscriptionId,
        offeringId: seedOfferingId(code),
        slaDefinitionId: seedSlaDefinitionId(code, 1),
        title: contact.kind === 'incident' ? 'Service desk incident' : 'Service desk request',
        description: 'Generated from the Lancashire performance report figures',
        priority: contact.kind === 'incident' ? ('p3' as const) : null,
        status: resolvedAt
          ? ('resolved' as const)
          : contact.firstRespondedAt
            ? ('in_progress' as const)
            : ('new' as const),
        raisedBy: 'seed:lancashire-service-desk',
        raisedAt: contact.raisedAt,
        firstRespondedAt: contact.firstRespondedAt,
        firstContactResolution: contact.firstContactResolution,
        satisfactionScore: contact.satisfactionScore,
        idempotencyKey: `seed:${contact.reference}`,
        inputHash: 'seed',
      });
      const history: { status: 'new' | 'in_progress' | 'resolved'; at: Date }[] = [
        { status: 'new', at: contact.raisedAt },
      ];
      if (contact.firstRespondedAt) history.push({ status: 'in_progress', at: contact.firstRespondedAt });
      if (resolvedAt) history.push({ status: 'resolved', at: resolvedAt });
      for (const [index, change] of history.entries()) {
        changes.push({
          tenantId,
          id: idFor('ict-change', contact.reference, String(index)),
          requestId: id,
          status: change.status,
          changedBy: 'seed:lancashire-service-desk',
          changedAt: change.at,
        });
      }
    }
    await insertInChunks(requests, (chunk) => tx.insert(tables.serviceRequests).values(chunk).onConflictDoNothing());
    await insertInChunks(changes, (chunk) =>
      tx.insert(tables.serviceRequestStatusChanges).values(chunk).onConflictDoNothing(),
    );
    rows +=
      records.payrollPeriods.length +
      records.payrollChanges.length +
      records.payrollErrors.length +
      records.dbsChecks.length +
      requests.length +
      changes.length;
  }
  return { rows };
}
