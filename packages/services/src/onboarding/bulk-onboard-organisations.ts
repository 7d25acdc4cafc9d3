import { type Actor, isDomainError, type PlatformTransaction, ValidationError } from '@ssp/core';
import type { AuditActor } from '@ssp/tenants';
import { type OnboardOrganisationInput, onboardOrganisation } from './onboard-organisation.ts';

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

/** Raised to undo a savepoint while keeping what was learned inside it. */
class Undo extends Error {}

function normalisedName(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, ' ');
}

/**
 * Onboards many organisations (the 300-schools case). Every row runs the one-step onboarding in
 * its own savepoint, so a failing row leaves nothing behind. A row is `already_existed` when an
 * organisation you can see has its official identifier, or its name beneath the same parent (so
 * re-running a file creates nothing twice), and when the file repeats an earlier row.
 * `all_or_nothing` undoes every row when any row fails; `dryRun` reports everything and writes
 * nothing. Row numbers count from 1, as in the file.
 */
export async function bulkOnboardOrganisations(
  tx: PlatformTransaction,
  actor: Actor,
  audit: AuditActor,
  input: { rows: BulkRowInput[]; mode: 'all_or_nothing' | 'valid_rows_only'; dryRun: boolean; batchKey: string },
): Promise<BulkOnboardingResult> {
  if (input.rows.length === 0 || input.rows.length > 1_000) {
    throw new ValidationError('Send 1 to 1,000 rows', 'input.rows');
  }
  const existing = await tx.query.organisations.findMany({
    columns: { id: true, name: true, parentId: true, identifierScheme: true, identifier: true },
  });
  const byIdentifier = new Map<string, string>();
  const byName = new Map<string, string>();
  for (const organisation of existing) {
    if (organisation.identifierScheme && organisation.identifier) {
      byIdentifier.set(`${organisation.identifierScheme}:${organisation.identifier}`, organisation.id);
    }
    byName.set(`${organisation.parentId}:${normalisedName(organisation.name)}`, organisation.id);
  }

  const results: BulkRowResult[] = [];
  const runAll = async (batch: PlatformTransaction) => {
    for (const [index, row] of input.rows.entries()) {
      const rowNumber = index + 1;
      const identifierKey = row.identifier ? `${row.identifier.scheme}:${row.identifier.value}` : null;
      const nameKey = `${row.parentId}:${normalisedName(row.name)}`;
      const known = (identifierKey && byIdentifier.get(identifierKey)) || byName.get(nameKey);
      if (known) {
        results.push({ row: rowNumber, outcome: 'already_existed', organisationId: known, name: row.name });
        continue;
      }
      try {
        const created = await batch.transaction((savepoint) =>
          onboardOrganisation(savepoint, actor, audit, {
            ...row,
            apiClient: null,
            idempotencyKey: `${input.batchKey}:${rowNumber}`,
          }),
        );
        results.push({
          row: rowNumber,
          outcome: created.replayed ? 'already_existed' : 'created',
          organisationId: created.organisationId,
          name: row.name,
        });
        if (identifierKey) byIdentifier.set(identifierKey, created.organisationId);
        byName.set(nameKey, created.organisationId);
      } catch (error) {
        if (!isDomainError(error)) throw error;
        const field = 'field' in error && typeof error.field === 'string' ? error.field.replace(/^input\./, '') : null;
        results.push({ row: rowNumber, outcome: 'error', name: row.name, field, reason: error.message });
      }
    }
  };

  const errors = () => results.filter((result) => result.outcome === 'error').length;
  let written = true;
  try {
    await tx.transaction(async (batch) => {
      await runAll(batch);
      if (input.dryRun || (input.mode === 'all_or_nothing' && errors() > 0)) throw new Undo();
    });
  } catch (error) {
    if (!(error instanceof Undo)) throw error;
    written = false;
  }
  return {
    rows: results,
    created: results.filter((result) => result.outcome === 'created').length,
    alreadyExisted: results.filter((result) => result.outcome === 'already_existed').length,
    errors: errors(),
    written,
  };
}
