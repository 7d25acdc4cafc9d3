import { randomUUID } from 'node:crypto';
import { checkIdempotencyKey, idempotencyInputHash, type PlatformTransaction, ValidationError } from '@ssp/core';
import * as tables from '@ssp/services-tables';
import type { AuditActor } from '@ssp/tenants';
import { and, eq, inArray } from 'drizzle-orm';
import {
  type ImportRecordsResult,
  MAX_IMPORT_ROWS,
  openImport,
  type RowProblem,
  refusedImport,
  replay,
  writeImport,
} from '../records/import/import-records.ts';
import { recordTimeRules } from '../records/import/record-times.ts';
import { newReference } from './raise-service-request.ts';
import { type RequestHistory, readRequestHistories } from './read-request-histories.ts';
import { HISTORY_ROW_FIELDS } from './request-history-fields.ts';

/** Problems reported in full; past this only their number (a wrong file fails on every row). */

export interface ImportRequestHistoryInput {
  tenantId: string;
  /** The system the history comes from (e.g. `Sunrise Service Desk`): one per import. */
  sourceSystem: string;
  importKey: string;
  dryRun: boolean;
  /** The rows as sent, by field name (a CSV file is read into the same shape first); from row 1. */
  rows: readonly Readonly<Record<string, unknown>>[];
}

interface Offering {
  offeringId: string;
  kind: 'request' | 'incident';
  subscriptionId: string;
}

/**
 * Imports service requests from another service desk with their raised times and status
 * histories, all or nothing, idempotent by key, through the record import engine's opening and
 * writing (the same locks, clock, replay and chunked VALUES as the payroll and recruitment
 * imports). Each request is marked as imported (the source system and its reference there),
 * pins the SLA version in force when it was raised, and keeps its history as the append-only
 * status changes a live request has: its clocks are then computed from that history on every
 * read by the same code as a live request's (`fulfilmentClock`, `responseClock`), and it
 * counts in the performance report as a live one does (first response, first-contact
 * resolution and satisfaction are copied from the history as the live moves copy them).
 */
export async function importRequestHistory(
  tx: PlatformTransaction,
  audit: AuditActor,
  input: ImportRequestHistoryInput,
): Promise<ImportRecordsResult> {
  const { tenantId } = input;
  checkIdempotencyKey(input.importKey, 'input.importKey');
  const sourceSystem = input.sourceSystem.trim();
  if (sourceSystem === '' || sourceSystem.length > 100) {
    throw new ValidationError('Name the system the history comes from (1 to 100 characters)', 'input.sourceSystem');
  }
  if (input.rows.length === 0 || input.rows.length > MAX_IMPORT_ROWS) {
    throw new ValidationError(`Send 1 to ${MAX_IMPORT_ROWS.toLocaleString('en-GB')} rows in one import`, 'input.rows');
  }
  const base = {
    kind: 'service_requests' as const,
    importKey: input.importKey,
    dryRun: input.dryRun,
    rows: input.rows.length,
  };
  const refused = (problems: RowProblem[]) => refusedImport(base, problems);

  // 1. The rows on their own: fields, grouping into requests, each history a valid path.
  const read = readRequestHistories(input.rows);
  if ('problems' in read) return refused(read.problems);
  const { requests } = read;
  const inputHash = idempotencyInputHash([
    'service_requests',
    sourceSystem,
    requests.map((request) => [request.values, request.changes]),
  ]);

  // 2. The clock, the locks and any earlier import under the key.
  const opened = await openImport(tx, {
    tenantId,
    importKey: input.importKey,
    kind: 'service_requests',
    dryRun: input.dryRun,
  });
  if (opened.earlier) return replay(opened.earlier, inputHash, base);

  // 3. Against the clock and what is held: back-dating, the subscription and SLA version, and
  // requests already imported from the same system.
  const problems: RowProblem[] = [];
  const checkTimes = recordTimeRules(HISTORY_ROW_FIELDS, opened.now);
  const inTime = requests.filter((request) => {
    // The raised time by the back-dating rules; its changes are after it (read-request-histories)
    // and, checked here, not ahead of the clock.
    const raised = checkTimes({ raisedAt: request.raisedAt });
    if (raised) problems.push({ row: request.row, ...raised });
    const ahead = request.changes.find((change) => change.at > opened.now);
    if (ahead) {
      problems.push({
        row: ahead.row,
        field: 'changedAt',
        reason: 'changedAt is in the future: only what has happened can be recorded',
      });
    }
    return !raised && !ahead;
  });
  const offerings = await subscribedOfferings(tx, tenantId, requests);
  const slaVersions = await slaDefinitionsOf(
    tx,
    [...offerings.values()].map((offering) => offering.offeringId),
  );
  const imported = await importedAlready(tx, tenantId, sourceSystem, requests);
  const planned: { request: RequestHistory; offering: Offering; slaDefinitionId: string }[] = [];
  for (const request of inTime) {
    const code = String(request.values.offeringCode);
    const offering = offerings.get(code);
    if (!offering) {
      problems.push({
        row: request.row,
        field: 'offeringCode',
        reason: `The organisation has no active subscription to an offering ${code}`,
      });
      continue;
    }
    const priority = request.values.priority;
    if (offering.kind === 'incident' && priority === null) {
      problems.push({ row: request.row, field: 'priority', reason: 'An incident needs a priority' });
      continue;
    }
    if (offering.kind === 'request' && priority !== null) {
      problems.push({ row: request.row, field: 'priority', reason: 'Only incidents carry a priority' });
      continue;
    }
    // As a live raise pins it: an incident its own priority's newest version in force before the
    // newest for every priority; a request the newest for every priority.
    const inForce = (slaVersions.get(offering.offeringId) ?? []).filter(
      (definition) => definition.effectiveFrom <= request.raisedAt,
    );
    const sla =
      (priority === null ? undefined : inForce.find((definition) => definition.priority === priority)) ??
      inForce.find((definition) => definition.priority === null);
    if (!sla) {
      problems.push({
        row: request.row,
        field: 'raisedAt',
        reason: `No SLA of ${code} was in force when it was raised`,
      });
      continue;
    }
    const held = imported.get(request.externalReference);
    if (held) {
      problems.push({
        row: request.row,
        field: 'externalReference',
        reason: `Already imported from ${sourceSystem} as ${held}`,
      });
      continue;
    }
    planned.push({ request, offering, slaDefinitionId: sla.id });
  }
  if (problems.length > 0) return refused(problems.sort((a, b) => a.row - b.row));
  const counts = { newRecords: planned.length, corrections: 0, problemCount: 0, problems: [] };
  if (input.dryRun) return { ...base, ...counts, importId: null, recordedAt: null, written: false, replayed: false };

  // 4. Write: the import, its requests, their histories (each opening with `new` at the raised
  // time, as a live request's does), its audit event.
  const logged = await writeImport(tx, audit, {
    tenantId,
    importKey: input.importKey,
    kind: 'service_requests',
    inputHash,
    // Its records are requests (a replay answers with their number; the rows are their histories).
    rowCount: planned.length,
    corrections: 0,
    tables: ({ importId, recordedAt }) => {
      const references = new Set<string>();
      const requestRows: (typeof tables.serviceRequests.$inferInsert)[] = [];
      const changeRows: (typeof tables.serviceRequestStatusChanges.$inferInsert)[] = [];
      for (const [index, { request, offering, slaDefinitionId }] of planned.entries()) {
        let reference = newReference();
        while (references.has(reference)) reference = newReference();
        references.add(reference);
        const id = randomUUID();
        const { values, changes } = request;
        const resolutions = changes.filter((change) => change.status === 'resolved');
        requestRows.push({
          tenantId,
          id,
          reference,
          subscriptionId: offering.subscriptionId,
          offeringId: offering.offeringId,
          slaDefinitionId,
          title: String(values.title),
          description: (values.description as string | null) ?? '',
          priority: values.priority as (typeof tables.incidentPriority.enumValues)[number] | null,
          status: request.status,
          raisedBy: String(values.raisedBy),
          assignedAgent: (values.assignedAgent as string | null) ?? null,
          raisedAt: request.raisedAt,
          firstRespondedAt: changes[0]?.at ?? null,
          firstContactResolution: resolutions.at(-1)?.firstContactResolution ?? null,
          satisfactionScore: (values.satisfactionScore as number | null) ?? null,
          // Not a client's key: unique per import and request, so no raise can replay onto it.
          idempotencyKey: `imported ${importId} ${index}`,
          inputHash,
          importedFrom: sourceSystem,
          externalReference: request.externalReference,
          importedAt: recordedAt,
        });
        changeRows.push({
          tenantId,
          requestId: id,
          status: 'new',
          changedBy: String(values.raisedBy),
          changedAt: request.raisedAt,
        });
        for (const change of changes) {
          changeRows.push({
            tenantId,
            requestId: id,
            status: change.status,
            reason: change.reason,
            changedBy: change.changedBy ?? sourceSystem,
            changedAt: change.at,
          });
        }
      }
      return [
        { table: tables.serviceRequests, rows: requestRows },
        { table: tables.serviceRequestStatusChanges, rows: changeRows },
      ];
    },
  });
  return { ...base, ...counts, ...logged, written: true, replayed: false };
}

/** The organisation's active subscriptions to the offerings the requests name, by offering code. */
async function subscribedOfferings(
  tx: PlatformTransaction,
  tenantId: string,
  requests: readonly RequestHistory[],
): Promise<Map<string, Offering>> {
  const codes = [...new Set(requests.map((request) => String(request.values.offeringCode)))];
  const found = await tx
    .select({
      code: tables.serviceOfferings.code,
      offeringId: tables.serviceOfferings.id,
      kind: tables.serviceOfferings.kind,
      subscriptionId: tables.subscriptions.id,
    })
    .from(tables.subscriptions)
    .innerJoin(tables.serviceOfferings, eq(tables.serviceOfferings.id, tables.subscriptions.offeringId))
    .where(
      and(
        eq(tables.subscriptions.tenantId, tenantId),
        eq(tables.subscriptions.status, 'active'),
        inArray(tables.serviceOfferings.code, codes),
      ),
    );
  return new Map(found.map((row) => [row.code, row]));
}

/**
 * Every SLA version of these offerings (for every priority and per priority), newest first: a
 * request pins the newest in force when it was raised (as a live raise pins the one in force at
 * its raising).
 */
async function slaDefinitionsOf(tx: PlatformTransaction, offeringIds: readonly string[]) {
  const byOffering = new Map<string, { id: string; effectiveFrom: Date; priority: string | null }[]>();
  if (offeringIds.length === 0) return byOffering;
  const versions = await tx
    .select({
      id: tables.slaDefinitions.id,
      offeringId: tables.slaDefinitions.offeringId,
      version: tables.slaDefinitions.version,
      effectiveFrom: tables.slaDefinitions.effectiveFrom,
      priority: tables.slaDefinitions.priority,
    })
    .from(tables.slaDefinitions)
    .where(inArray(tables.slaDefinitions.offeringId, [...offeringIds]));
  versions.sort((a, b) => b.version - a.version);
  for (const version of versions) {
    const list = byOffering.get(version.offeringId) ?? [];
    list.push(version);
    byOffering.set(version.offeringId, list);
  }
  return byOffering;
}

/** Requests already imported from this system under these references: reference to our reference. */
async function importedAlready(
  tx: PlatformTransaction,
  tenantId: string,
  sourceSystem: string,
  requests: readonly RequestHistory[],
): Promise<Map<string, string>> {
  const found = await tx
    .select({ external: tables.serviceRequests.externalReference, reference: tables.serviceRequests.reference })
    .from(tables.serviceRequests)
    .where(
      and(
        eq(tables.serviceRequests.tenantId, tenantId),
        eq(tables.serviceRequests.importedFrom, sourceSystem),
        inArray(
          tables.serviceRequests.externalReference,
          requests.map((request) => request.externalReference),
        ),
      ),
    );
  return new Map(found.map((row) => [row.external!, row.reference]));
}
