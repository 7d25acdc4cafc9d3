import { randomUUID } from 'node:crypto';
import {
  type Actor,
  admitNewTenants,
  CORE_ERRORS,
  ConflictError,
  idempotencyInputHash,
  insertRows,
  isDomainError,
  type PlatformTransaction,
  ValidationError,
} from '@ssp/core';
import * as tables from '@ssp/services-tables';
import {
  type AuditActor,
  delegateNewOrganisations,
  inviteMembers,
  recordManyAuditEvents,
  registerOrganisations,
  visibleOrganisationIdentities,
} from '@ssp/tenants';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { OnboardOrganisationInput } from './onboard-organisation.ts';
import { type PreparedOnboarding, prepareOnboarding } from './prepare-onboarding.ts';

export type BulkRowInput = Omit<OnboardOrganisationInput, 'idempotencyKey' | 'apiClient'>;

export type BulkRowResult =
  | { row: number; outcome: 'created' | 'already_existed'; organisationId: string; name: string }
  | { row: number; outcome: 'error'; name: string; field: string | null; reason: string };

export interface BulkOnboardingResult {
  rows: BulkRowResult[];
  created: number;
  alreadyExisted: number;
  errors: number;
  /** False for a dry run, and for all-or-nothing with an error: nothing was written. */
  written: boolean;
}

/** Rows in one batch (the schema says so too). */
const MAX_ROWS = 1_000;

/** Raised to undo the batch's savepoint while keeping the report. */
class Undo extends Error {}

const normalisedName = (name: string) => name.trim().toLowerCase().replace(/\s+/g, ' ');

interface Planned {
  row: number;
  id: string;
  input: BulkRowInput;
  prepared: PreparedOnboarding;
}

/**
 * Onboards many organisations beneath one parent (the 300-schools case) with a fixed number of
 * statements whatever the number of rows: every row is checked first (against the catalogue, the
 * organisations the caller can see, and the rows before it), then the valid rows are written
 * together, table by table. A row is `already_existed` when an organisation the caller can see
 * has its official identifier, or its name beneath the same parent, so re-running a file creates
 * nothing twice. `all_or_nothing` writes nothing when any row fails; `dryRun` reports everything,
 * including identifiers registered elsewhere, and writes nothing. Rows count from 1.
 *
 * One batch per `batchKey`, whatever the concurrency: sends of the same key queue on a lock held to
 * the end of the transaction, and a send that finds the key's rows written answers with the first
 * send's result (the same file under the same key) or a ConflictError (another file). A row whose
 * official identifier (or, without one, its name beneath the same parent) repeats an earlier row
 * of the same file is an error on that row, not a silent skip.
 */
export async function bulkOnboardOrganisations(
  tx: PlatformTransaction,
  actor: Actor,
  audit: AuditActor,
  input: { rows: BulkRowInput[]; mode: 'all_or_nothing' | 'valid_rows_only'; dryRun: boolean; batchKey: string },
): Promise<BulkOnboardingResult> {
  if (input.rows.length === 0 || input.rows.length > MAX_ROWS) {
    throw new ValidationError(`Send 1 to ${MAX_ROWS} rows in one batch`, 'input.rows');
  }
  // Every row of a batch stores the hash of the whole file, marked as a batch's.
  const fileHash = `bulk:${idempotencyInputHash({ mode: input.mode, rows: input.rows })}`;
  // Concurrent sends of this key wait here until the one before them commits or rolls back; each
  // statement after it reads what that one committed (READ COMMITTED takes a snapshot a statement).
  const earlierRows = new Map<number, string>();
  if (!input.dryRun) {
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtextextended(${`bulk-onboarding:${actor.organisationId}:${input.batchKey}`}, 0))`,
    );
    const earlier = await tx
      .select({
        key: tables.onboardingRequests.idempotencyKey,
        inputHash: tables.onboardingRequests.inputHash,
        organisationId: tables.onboardingRequests.organisationId,
      })
      .from(tables.onboardingRequests)
      .where(
        and(
          eq(tables.onboardingRequests.tenantId, actor.organisationId),
          inArray(
            tables.onboardingRequests.idempotencyKey,
            input.rows.map((_, index) => `${input.batchKey}:${index + 1}`),
          ),
        ),
      );
    if (earlier.some((record) => record.inputHash !== fileHash)) {
      throw new ConflictError('This batch key was already used for another file', CORE_ERRORS.IDEMPOTENCY_KEY_REUSED);
    }
    for (const record of earlier) {
      earlierRows.set(Number(record.key.slice(input.batchKey.length + 1)), record.organisationId);
    }
  }
  const existing = await visibleOrganisationIdentities(tx);
  const byIdentifier = new Map<string, string>();
  const byName = new Map<string, string>();
  const identifierKey = (scheme: string, value: string) => `${scheme}:${value}`;
  const nameKey = (parentId: string | null, name: string) => `${parentId}:${normalisedName(name)}`;
  for (const organisation of existing) {
    if (organisation.identifierScheme && organisation.identifier) {
      byIdentifier.set(identifierKey(organisation.identifierScheme, organisation.identifier), organisation.id);
    }
    byName.set(nameKey(organisation.parentId, organisation.name), organisation.id);
  }
  const offerings = await tx.query.serviceOfferings.findMany();

  const results = new Map<number, BulkRowResult>();
  const planned: Planned[] = [];
  // The rows before, by the key that makes a row the same organisation: its official identifier,
  // or its name beneath its parent when it has none.
  const inFile = new Map<string, number>();
  for (const [index, row] of input.rows.entries()) {
    const number = index + 1;
    const fileKey = row.identifier
      ? `identifier:${identifierKey(row.identifier.scheme, row.identifier.value)}`
      : `name:${nameKey(row.parentId, row.name)}`;
    const repeated = inFile.get(fileKey);
    if (repeated !== undefined) {
      results.set(number, {
        row: number,
        outcome: 'error',
        name: row.name,
        field: row.identifier ? 'identifier.value' : 'name',
        reason: row.identifier
          ? `Row ${repeated} of this file has the same official identifier`
          : `Row ${repeated} of this file has the same name beneath the same parent`,
      });
      continue;
    }
    inFile.set(fileKey, number);
    // A row without an identifier is known by its name, so a later one may not reuse it either.
    const nameInFile = `name:${nameKey(row.parentId, row.name)}`;
    if (!inFile.has(nameInFile)) inFile.set(nameInFile, number);
    const createdEarlier = earlierRows.get(number);
    if (createdEarlier) {
      // This key's first send created it: answer as that send did.
      results.set(number, { row: number, outcome: 'created', organisationId: createdEarlier, name: row.name.trim() });
      continue;
    }
    const byId = row.identifier
      ? byIdentifier.get(identifierKey(row.identifier.scheme, row.identifier.value))
      : undefined;
    const known = byId ?? byName.get(nameKey(row.parentId, row.name));
    if (known) {
      results.set(number, { row: number, outcome: 'already_existed', organisationId: known, name: row.name });
      continue;
    }
    try {
      const prepared = prepareOnboarding({ ...row, apiClient: null }, offerings, '');
      planned.push({ row: number, id: randomUUID(), input: row, prepared });
    } catch (error) {
      if (!isDomainError(error)) throw error;
      const field = 'field' in error && typeof error.field === 'string' ? error.field : null;
      results.set(number, { row: number, outcome: 'error', name: row.name, field, reason: error.message });
    }
  }

  let written = planned.length > 0 || earlierRows.size > 0;
  try {
    await tx.transaction(async (batch) => {
      if (planned.length === 0) return;
      // The new organisations join the tenant context so their rows can be written.
      await admitNewTenants(
        batch,
        planned.map((p) => p.id),
      );
      const insertedIds = await registerOrganisations(
        batch,
        planned.map(({ id, input: row, prepared }) => ({
          id,
          name: prepared.name,
          kind: row.kind,
          parentId: row.parentId,
          nation: row.nation,
          identifier: row.identifier,
        })),
      );
      const created = planned.filter((p) => insertedIds.has(p.id));
      for (const p of planned) {
        results.set(
          p.row,
          insertedIds.has(p.id)
            ? { row: p.row, outcome: 'created', organisationId: p.id, name: p.prepared.name }
            : {
                row: p.row,
                outcome: 'error',
                name: p.input.name,
                field: 'identifier.value',
                reason: 'An organisation with this official identifier is already registered',
              },
        );
      }
      await insertRows(
        batch,
        tables.subscriptions,
        { tenantId: 'uuid', offeringId: 'uuid', unitPricePence: 'bigint', priceBasis: 'price_basis' },
        created.flatMap((p) => p.prepared.subscriptions.map((s) => ({ tenantId: p.id, ...s }))),
      );
      if (created.length > 0) {
        await inviteMembers(
          batch,
          created.map((p) => ({
            organisationId: p.id,
            organisationKind: p.input.kind,
            issuer: p.input.tenantAdmin.issuer,
            subject: p.input.tenantAdmin.subject,
            displayName: p.input.tenantAdmin.displayName,
            email: p.input.tenantAdmin.email,
            roles: p.prepared.adminRoles,
          })),
        );
        await delegateNewOrganisations(batch, {
          granteeOrganisationId: actor.organisationId,
          organisationIds: created.map((p) => p.id),
          reason: 'Onboarded this organisation',
          grantedBy: audit.subject,
        });
        await insertRows(
          batch,
          tables.onboardingRequests,
          { tenantId: 'uuid', idempotencyKey: 'text', inputHash: 'text', organisationId: 'uuid' },
          created.map((p) => ({
            tenantId: actor.organisationId,
            idempotencyKey: `${input.batchKey}:${p.row}`,
            inputHash: fileHash,
            organisationId: p.id,
          })),
          { onConflict: 'do-nothing' },
        );
        // Two events per school: its own trail and the onboarding organisation's.
        await recordManyAuditEvents(
          batch,
          audit,
          created.flatMap((p) => {
            const change = {
              action: 'organisation.onboarded',
              targetType: 'Organisation',
              targetId: p.id,
              after: {
                name: p.prepared.name,
                kind: p.input.kind,
                parentId: p.input.parentId,
                batch: input.batchKey,
                row: p.row,
              },
            };
            return [
              { organisationId: p.id, ...change },
              { organisationId: actor.organisationId, ...change },
            ];
          }),
        );
      }
      const failed = [...results.values()].some((result) => result.outcome === 'error');
      if (input.dryRun || (input.mode === 'all_or_nothing' && failed)) throw new Undo();
    });
  } catch (error) {
    if (!(error instanceof Undo)) throw error;
    written = false;
  }
  if (input.mode === 'all_or_nothing' && [...results.values()].some((result) => result.outcome === 'error')) {
    written = false;
  }
  const rows = [...results.values()].sort((a, b) => a.row - b.row);
  const count = (outcome: BulkRowResult['outcome']) => rows.filter((row) => row.outcome === outcome).length;
  return { rows, created: count('created'), alreadyExisted: count('already_existed'), errors: count('error'), written };
}
