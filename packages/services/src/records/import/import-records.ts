import { randomUUID } from 'node:crypto';
import {
  CORE_ERRORS,
  ConflictError,
  checkIdempotencyKey,
  idempotencyInputHash,
  type PlatformTransaction,
  queryRows,
  ValidationError,
} from '@ssp/core';
import * as tables from '@ssp/services-tables';
import { type AuditActor, recordAuditEvents } from '@ssp/tenants';
import { and, eq, getTableColumns, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { readCorrectionFlag, readRecordRow } from './read-record-row.ts';
import type { FieldValue, ImportKindName, RecordKind, RecordValues } from './record-kind.ts';
import { RECORD_KINDS } from './record-kinds.ts';
import { recordTimeRules } from './record-times.ts';

/** Rows in one import: a year of one council's payroll changes. */
export const MAX_IMPORT_ROWS = 20_000;
/** Row problems reported in full; past this only their number (a wrong file fails on every row). */
const MAX_REPORTED_PROBLEMS = 1_000;
/** Bound parameters per INSERT, under PostgreSQL's 65,535. */
const PARAMETERS_PER_STATEMENT = 60_000;

export interface ImportRecordsInput {
  tenantId: string;
  kind: RecordKind;
  importKey: string;
  dryRun: boolean;
  /** The rows as sent, by field name (a CSV file is read into the same shape first); from row 1. */
  rows: readonly Readonly<Record<string, unknown>>[];
}

/** What is wrong with a row: its number (from 1), the field at fault (null for the row), why. */
export interface RowProblem {
  row: number;
  field: string | null;
  reason: string;
}

export interface ImportRecordsResult {
  kind: ImportKindName;
  importKey: string;
  /** The import's id once written (also on a replay); null when nothing was written. */
  importId: string | null;
  /** The database clock when the import was recorded: every record's `recordedAt`. */
  recordedAt: Date | null;
  dryRun: boolean;
  written: boolean;
  /** An earlier call with the same key and rows wrote this import; this one wrote nothing. */
  replayed: boolean;
  rows: number;
  newRecords: number;
  corrections: number;
  problemCount: number;
  problems: RowProblem[];
}

interface PlannedVersion {
  values: RecordValues;
  correction: boolean;
  /** This version withdraws the record (lists and reports from its recording leave it out). */
  retraction: boolean;
}

/** Locks taken by a writing import: its key, then its kind (always in that order). */
export const importKeyLock = (tenantId: string, importKey: string) => `record-import:${tenantId}:${importKey}`;
const kindLock = (tenantId: string, kind: string) => `record-kind:${tenantId}:${kind}`;

/**
 * Records many payroll or recruitment records of one kind for one organisation, all or nothing:
 * every row is read and checked (its fields, the back-dating rules, what it refers to, whether it
 * is new or corrects a record held) before anything is written, and one bad row means nothing is
 * written and every bad row is reported with its number and field. A row marked as a correction
 * becomes the next version of the record its key names; one marked as a retraction too, a version
 * that withdraws the record (counted among the corrections); the others must be new records.
 *
 * Idempotent by `importKey`: the key with the same rows answers with the first import's counts
 * and writes nothing; with other rows it is a ConflictError. Writing imports of one key, and of
 * one kind for one organisation, queue on locks held to the end of the transaction, so two
 * imports never both record the same reference or the same correction. Rows are written as
 * multi-row VALUES in chunks (no INSERT ... SELECT), with one audit event for the import.
 */
export async function importRecords(
  tx: PlatformTransaction,
  audit: AuditActor,
  input: ImportRecordsInput,
): Promise<ImportRecordsResult> {
  const { kind, tenantId } = input;
  checkIdempotencyKey(input.importKey, 'input.importKey');
  if (input.rows.length === 0 || input.rows.length > MAX_IMPORT_ROWS) {
    throw new ValidationError(`Send 1 to ${MAX_IMPORT_ROWS.toLocaleString('en-GB')} rows in one import`, 'input.rows');
  }
  const base = {
    kind: kind.name,
    importKey: input.importKey,
    dryRun: input.dryRun,
    rows: input.rows.length,
  };
  const refused = (problems: RowProblem[]) => refusedImport(base, problems);

  // 1. Each row on its own: its fields, and the rules between them.
  const problems: RowProblem[] = [];
  const planned: PlannedVersion[] = [];
  for (const [index, raw] of input.rows.entries()) {
    const row = index + 1;
    const read = readRecordRow(kind.fields, raw);
    const correction = readCorrectionFlag(raw.correction);
    const retraction = readCorrectionFlag(raw.retraction);
    if (!('values' in read)) problems.push({ row, ...read });
    else if (correction === null) problems.push({ row, field: 'correction', reason: 'correction is true or false' });
    else if (retraction === null) problems.push({ row, field: 'retraction', reason: 'retraction is true or false' });
    else {
      const problem = kind.check?.(read.values) ?? null;
      if (problem) problems.push({ row, ...problem });
      // A retraction is a correction that withdraws the record: it names one held, like a correction.
      else planned.push({ values: read.values, correction: correction || retraction, retraction });
    }
  }
  if (problems.length > 0) return refused(problems);
  const inputHash = idempotencyInputHash([
    kind.name,
    // A row without retraction hashes as before retractions existed: earlier keys still replay.
    planned.map((p) => (p.retraction ? [p.correction, p.values, true] : [p.correction, p.values])),
  ]);

  // 2. The database clock, and (writing) the locks: sends of this key, then imports of this kind.
  const opened = await openImport(tx, { tenantId, importKey: input.importKey, kind: kind.name, dryRun: input.dryRun });
  if (opened.earlier) return replay(opened.earlier, inputHash, base);
  const { now } = opened;

  // 3. Against the clock and what is held: back-dating, duplicates, parents, new or correction.
  const held = await kind.held(
    tx,
    tenantId,
    planned.map((p) => kind.key(p.values)),
  );
  const parentIds = new Map<string, Map<string, { recordId: string }>>();
  for (const parent of kind.parents ?? []) {
    const keys = [...new Set(planned.map((p) => parent.key(p.values)))];
    parentIds.set(parent.column, await RECORD_KINDS[parent.kind].held(tx, tenantId, keys));
  }
  const checkTimes = recordTimeRules(kind.fields, now);
  const seen = new Map<string, number>();
  const rows: Record<string, FieldValue | undefined>[] = [];
  let corrections = 0;
  for (const [index, { values, correction, retraction }] of planned.entries()) {
    const row = index + 1;
    const timing = checkTimes(values);
    if (timing) {
      problems.push({ row, ...timing });
      continue;
    }
    const key = kind.key(values);
    const repeated = seen.get(key);
    if (repeated !== undefined) {
      problems.push({ row, field: kind.keyField, reason: `Row ${repeated} of this import names the same record` });
      continue;
    }
    seen.set(key, row);
    const ids: Record<string, string> = {};
    let missingParent = false;
    for (const parent of kind.parents ?? []) {
      const found = parentIds.get(parent.column)?.get(parent.key(values));
      if (!found) {
        problems.push({
          row,
          field: parent.field,
          reason: `No ${RECORD_KINDS[parent.kind].noun} ${parent.key(values)} is held: record it first`,
        });
        missingParent = true;
        break;
      }
      ids[parent.column] = found.recordId;
    }
    if (missingParent) continue;
    const record = held.get(key);
    if (correction && !record) {
      const what = retraction ? 'retract' : 'correct';
      problems.push({ row, field: kind.keyField, reason: `No record held under this key to ${what}` });
      continue;
    }
    if (!correction && record) {
      problems.push({
        row,
        field: kind.keyField,
        reason: 'A record is already held under this key: mark the row as a correction to replace it',
      });
      continue;
    }
    if (record) corrections += 1;
    rows.push({
      tenantId,
      id: randomUUID(),
      correctsId: record?.recordId ?? null,
      version: record ? record.version + 1 : 1,
      retracted: retraction,
      ...kind.toRow(values, ids),
    });
  }
  if (problems.length > 0) return refused(problems);
  const counts = { newRecords: rows.length - corrections, corrections, problemCount: 0, problems: [] };
  if (input.dryRun) return { ...base, ...counts, importId: null, recordedAt: null, written: false, replayed: false };

  // 4. Write: the import (its key taken), its records, its audit event.
  const logged = await writeImport(tx, audit, {
    tenantId,
    importKey: input.importKey,
    kind: kind.name,
    inputHash,
    rowCount: rows.length,
    corrections,
    tables: () => [{ table: kind.table, rows }],
  });
  return { ...base, ...counts, ...logged, written: true, replayed: false };
}

/**
 * The start every import shares, once its rows have been read: the database clock (every check
 * against "now" reads it, not the server's), and for a writing import the locks (sends of this
 * key, then imports of this kind for this organisation, always in that order) and the import
 * already written under the key, if any (which the caller replays or refuses).
 */
export async function openImport(
  tx: PlatformTransaction,
  input: { tenantId: string; importKey: string; kind: ImportKindName; dryRun: boolean },
): Promise<{ now: Date; earlier: ImportRow | undefined }> {
  const [clock] = input.dryRun
    ? await queryRows<{ now: Date | string }>(tx, sql`select now() as now`)
    : await queryRows<{ now: Date | string }>(
        tx,
        sql`select pg_advisory_xact_lock(hashtextextended(${importKeyLock(input.tenantId, input.importKey)}, 0)),
                   pg_advisory_xact_lock(hashtextextended(${kindLock(input.tenantId, input.kind)}, 0)), now() as now`,
      );
  const now = new Date(clock!.now);
  return { now, earlier: await findImport(tx, input.tenantId, input.importKey) };
}

/** Rows for one table, written in the order given (parents before the rows that refer to them). */
export interface ImportedRows {
  table: PgTable;
  rows: readonly Record<string, unknown>[];
}

/**
 * The end every import shares: the import's row (its key taken), its rows as multi-row VALUES in
 * chunks under PostgreSQL's parameter limit (never INSERT ... SELECT), each row stamped with the
 * import's id where the table has an `import_id`, and one audit event for the import. `tables` is given the import's id and
 * recorded time, for rows that carry them beyond `import_id`.
 */
export async function writeImport(
  tx: PlatformTransaction,
  audit: AuditActor,
  input: {
    tenantId: string;
    importKey: string;
    kind: ImportKindName;
    inputHash: string;
    rowCount: number;
    corrections: number;
    tables: (imported: { importId: string; recordedAt: Date }) => readonly ImportedRows[];
  },
): Promise<{ importId: string; recordedAt: Date }> {
  const { tenantId } = input;
  const importId = randomUUID();
  const [logged] = await tx
    .insert(tables.recordImports)
    .values({
      tenantId,
      id: importId,
      importKey: input.importKey,
      kind: input.kind,
      inputHash: input.inputHash,
      rowCount: input.rowCount,
      corrections: input.corrections,
      recordedBy: audit.subject,
    })
    .onConflictDoNothing({ target: [tables.recordImports.tenantId, tables.recordImports.importKey] })
    .returning({ recordedAt: tables.recordImports.recordedAt });
  if (!logged) {
    // Only another kind's import under the same key can have taken it (one kind queues on its lock).
    throw new ConflictError('This import key was already used for another import', CORE_ERRORS.IDEMPOTENCY_KEY_REUSED);
  }
  for (const { table, rows } of input.tables({ importId, recordedAt: logged.recordedAt })) {
    if (rows.length === 0) continue;
    // Rows of a table that records its import (a status history belongs to its request instead).
    const stamped = 'importId' in getTableColumns(table);
    const perStatement = Math.max(1, Math.floor(PARAMETERS_PER_STATEMENT / (Object.keys(rows[0]!).length + 1)));
    for (let start = 0; start < rows.length; start += perStatement) {
      const chunk = stamped
        ? rows.slice(start, start + perStatement).map((row) => ({ ...row, importId }))
        : rows.slice(start, start + perStatement);
      await tx.insert(table).values(chunk as never);
    }
  }
  await recordAuditEvents(tx, audit, [
    {
      organisationId: tenantId,
      action: 'records.imported',
      targetType: 'RecordImport',
      targetId: importId,
      after: { kind: input.kind, importKey: input.importKey, rows: input.rowCount, corrections: input.corrections },
    },
  ]);
  return { importId, recordedAt: logged.recordedAt };
}

type ImportRow = typeof tables.recordImports.$inferSelect;

export function findImport(
  tx: PlatformTransaction,
  tenantId: string,
  importKey: string,
): Promise<ImportRow | undefined> {
  return tx
    .select()
    .from(tables.recordImports)
    .where(and(eq(tables.recordImports.tenantId, tenantId), eq(tables.recordImports.importKey, importKey)))
    .then((found) => found[0]);
}

/** The answer to an import refused for its rows: nothing written, the first problems reported. */
export function refusedImport(
  base: Pick<ImportRecordsResult, 'kind' | 'importKey' | 'dryRun' | 'rows'>,
  problems: readonly RowProblem[],
): ImportRecordsResult {
  return {
    ...base,
    importId: null,
    recordedAt: null,
    written: false,
    replayed: false,
    newRecords: 0,
    corrections: 0,
    problemCount: problems.length,
    problems: problems.slice(0, MAX_REPORTED_PROBLEMS),
  };
}

/** The answer to a send of a key already written: the first import's counts, or a conflict. */
export function replay(
  earlier: ImportRow,
  inputHash: string,
  base: Pick<ImportRecordsResult, 'kind' | 'importKey' | 'dryRun' | 'rows'>,
): ImportRecordsResult {
  if (earlier.inputHash !== inputHash || earlier.kind !== base.kind) {
    throw new ConflictError('This import key was already used for other rows', CORE_ERRORS.IDEMPOTENCY_KEY_REUSED);
  }
  return {
    ...base,
    importId: earlier.id,
    recordedAt: earlier.recordedAt,
    written: false,
    replayed: true,
    newRecords: earlier.rowCount - earlier.corrections,
    corrections: earlier.corrections,
    problemCount: 0,
    problems: [],
  };
}
