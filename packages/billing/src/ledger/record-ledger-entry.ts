import * as tables from '@ssp/billing-tables';
import {
  ConflictError,
  checkIdempotencyKey,
  type FiscalYear,
  findReplay,
  formatFiscalYear,
  idempotencyInputHash,
  insertOnce,
  type MutationCaller,
  money,
  NotFoundError,
  type PlatformTransaction,
  parseFiscalYear,
  ValidationError,
} from '@ssp/core';
import { auditActor, recordAuditEvents } from '@ssp/tenants';
import { eq } from 'drizzle-orm';
import { requiredText } from '../access/billing-access.ts';

import { BILLING_ERRORS } from '../errors/billing-error-codes.ts';
import { lockSavingsOpportunity } from '../opportunities/decide-savings-opportunity.ts';
import { keepLedgerFigure, loadLedgerFigures } from './ledger-figures.ts';

export type LedgerEntryRow = typeof tables.savingsLedgerEntries.$inferSelect;
export type LedgerEntryKind = (typeof tables.ledgerEntryKind.enumValues)[number];

/** A figure for a year: an estimate, an actual, or a restatement of the current figure. */
export interface RecordSavingsFigureInput {
  kind: 'estimate' | 'actual' | 'restatement';
  opportunityId: string;
  fiscalYear: FiscalYear;
  amount: money.Money;
  reason: string | null;
}

/** The withdrawal of one earlier entry. */
export interface RecordReversalInput {
  kind: 'reversal';
  reversesEntryId: string;
  reason: string;
}

export type RecordLedgerEntryInput = (RecordSavingsFigureInput | RecordReversalInput) & {
  recordedBy: string;
  recordedByOrganisationId: string | null;
  idempotencyKey: string;
};

/** An entry as a client sends it: which fields it needs depends on its kind. */
export interface LedgerEntryRequest {
  kind: LedgerEntryKind;
  opportunityId: string | null;
  fiscalYear: string | null;
  amount: string | null;
  reversesEntryId: string | null;
  reason: string | null;
  idempotencyKey: string;
}

/** Reads a request into the entry its kind makes, refusing fields the kind does not take. */
function parseLedgerEntry(caller: MutationCaller, request: LedgerEntryRequest): RecordLedgerEntryInput {
  const { actor } = caller;
  const common = {
    recordedBy: actor.principal.subject,
    recordedByOrganisationId: actor.platformScope ? null : actor.organisationId,
    idempotencyKey: checkIdempotencyKey(request.idempotencyKey),
  };
  if (request.kind === 'reversal') {
    for (const field of ['opportunityId', 'fiscalYear', 'amount'] as const) {
      if (request[field] !== null) {
        throw new ValidationError('A reversal takes only the entry it withdraws and a reason', `input.${field}`);
      }
    }
    if (!request.reversesEntryId) throw new ValidationError('Give the entry to reverse', 'input.reversesEntryId');
    return {
      ...common,
      kind: 'reversal',
      reversesEntryId: request.reversesEntryId,
      reason: requiredText(request.reason, 'input.reason', 'a reason for the reversal'),
    };
  }
  if (request.reversesEntryId) throw new ValidationError('Only a reversal names an entry', 'input.reversesEntryId');
  if (!request.opportunityId) throw new ValidationError('Give the savings opportunity', 'input.opportunityId');
  if (!request.fiscalYear) throw new ValidationError('Give the fiscal year', 'input.fiscalYear');
  if (!request.amount) throw new ValidationError('Give the amount', 'input.amount');
  return {
    ...common,
    kind: request.kind,
    opportunityId: request.opportunityId,
    fiscalYear: parseFiscalYear(request.fiscalYear, { field: 'input.fiscalYear' }),
    amount: money.parseMoney(request.amount, { field: 'input.amount' }),
    reason:
      request.kind === 'restatement'
        ? requiredText(request.reason, 'input.reason', 'a reason for the restatement')
        : request.reason?.trim() || null,
  };
}

/**
 * Records a ledger entry a client asked for (see `appendLedgerEntry` for the rules) and its
 * audit event; a retry returns the first entry and records nothing more.
 */
export async function recordLedgerEntry(
  tx: PlatformTransaction,
  caller: MutationCaller,
  request: LedgerEntryRequest,
): Promise<{ entry: LedgerEntryRow; replayed: boolean }> {
  const result = await appendLedgerEntry(tx, parseLedgerEntry(caller, request));
  if (!result.replayed) {
    const { entry } = result;
    // Still under the opportunity's lock (appendLedgerEntry took it): the kept figure follows.
    await keepLedgerFigure(tx, entry);
    await recordAuditEvents(tx, auditActor(caller), [
      {
        organisationId: entry.tenantId,
        action: `savings_ledger.${entry.kind}_recorded`,
        targetType: 'savings_ledger_entry',
        targetId: entry.id,
        after: {
          opportunityId: entry.opportunityId,
          fiscalYear: entry.fiscalYear,
          amountPence: entry.amountPence.toString(),
          basis: entry.basis,
          reason: entry.reason,
        },
      },
    ]);
  }
  return result;
}

/** The entry a reversal withdraws, if the caller may see it. */
async function findEntry(tx: PlatformTransaction, entryId: string): Promise<LedgerEntryRow> {
  const [entry] = await tx
    .select()
    .from(tables.savingsLedgerEntries)
    .where(eq(tables.savingsLedgerEntries.id, entryId));
  if (!entry) throw new NotFoundError('No ledger entry you may see has this id');
  return entry;
}

/**
 * Appends one entry to the savings ledger. The rules, checked with the opportunity locked so two
 * recordings for it run one after the other:
 * - only an accepted or delivered opportunity saves anything;
 * - an estimate is pending until an actual settles the year; once settled, neither an estimate
 *   nor a second actual is taken (restate the actual instead, with a reason);
 * - a restatement replaces the current figure and keeps its basis; there must be one to restate;
 * - a reversal withdraws one earlier figure (not a reversal) that has not been reversed, and
 *   records minus its amount; the year's figure falls back to the latest entry still standing.
 * Idempotent by key: a retry returns the first entry, whatever has been recorded since.
 */
async function appendLedgerEntry(
  tx: PlatformTransaction,
  input: RecordLedgerEntryInput,
): Promise<{ entry: LedgerEntryRow; replayed: boolean }> {
  // Lock the opportunity first: every recording for it then runs one after another, and a retry
  // waiting here finds the first call's entry below instead of tripping over its effect.
  const reversed = input.kind === 'reversal' ? await findEntry(tx, input.reversesEntryId) : null;
  const opportunity = await lockSavingsOpportunity(
    tx,
    reversed?.opportunityId ?? (input as RecordSavingsFigureInput).opportunityId,
  );
  const inputHash = idempotencyInputHash(
    input.kind === 'reversal'
      ? [input.kind, input.reversesEntryId, input.reason]
      : [input.kind, input.opportunityId, input.fiscalYear.startYear, input.amount.pence, input.reason],
  );
  const key = { tenantId: opportunity.tenantId, idempotencyKey: input.idempotencyKey, inputHash };
  const replay = await findReplay(tx, tables.savingsLedgerEntries, key);
  if (replay) return { entry: replay, replayed: true };
  const recorder = { recordedBy: input.recordedBy, recordedByOrganisationId: input.recordedByOrganisationId };

  if (reversed) {
    if (reversed.kind === 'reversal') {
      throw new ValidationError(
        'A reversal cannot itself be reversed: record the figure again',
        'input.reversesEntryId',
      );
    }
    const [already] = await tx
      .select({ id: tables.savingsLedgerEntries.id })
      .from(tables.savingsLedgerEntries)
      .where(eq(tables.savingsLedgerEntries.reversesEntryId, reversed.id));
    if (already)
      throw new ConflictError('This entry has already been reversed', BILLING_ERRORS.LEDGER_ENTRY_ALREADY_REVERSED);
    const { row, replayed } = await insertOnce(tx, tables.savingsLedgerEntries, {
      ...key,
      ...recorder,
      opportunityId: reversed.opportunityId,
      fiscalYear: reversed.fiscalYear,
      kind: 'reversal',
      amountPence: -reversed.amountPence,
      basis: null,
      reversesEntryId: reversed.id,
      reason: (input as RecordReversalInput).reason,
    });
    return { entry: row, replayed };
  }
  if (input.kind === 'reversal') throw new Error('unreachable: a reversal has its entry');

  if (opportunity.status !== 'accepted' && opportunity.status !== 'delivered') {
    throw new ConflictError(
      `This opportunity is ${opportunity.status}: only accepted or delivered ones record savings`,
      BILLING_ERRORS.OPPORTUNITY_NOT_ACCEPTED,
    );
  }
  if (input.amount.pence < 0n) throw new ValidationError('A savings figure is zero or more', 'input.amount');
  const year = formatFiscalYear(input.fiscalYear);
  const [current] = await loadLedgerFigures(tx, {
    organisationId: opportunity.tenantId,
    fiscalYears: [input.fiscalYear.startYear],
    opportunityIds: [opportunity.id],
  });
  let basis: 'estimated' | 'actual';
  if (input.kind === 'restatement') {
    if (!current)
      throw new ConflictError(
        `There is no figure for ${year} to restate: record an estimate or an actual`,
        BILLING_ERRORS.LEDGER_NOTHING_TO_RESTATE,
      );
    if (!input.reason) throw new ValidationError('Say why the figure is restated', 'input.reason');
    basis = current.basis;
  } else {
    if (current?.basis === 'actual') {
      throw new ConflictError(
        `${year} is settled by an actual: restate it (with a reason) instead`,
        BILLING_ERRORS.LEDGER_YEAR_SETTLED,
      );
    }
    basis = input.kind === 'actual' ? 'actual' : 'estimated';
  }
  const { row, replayed } = await insertOnce(tx, tables.savingsLedgerEntries, {
    ...key,
    ...recorder,
    opportunityId: opportunity.id,
    fiscalYear: input.fiscalYear.startYear,
    kind: input.kind,
    amountPence: input.amount.pence,
    basis,
    reversesEntryId: null,
    reason: input.reason,
  });
  return { entry: row, replayed };
}
