import type { PlatformTransaction } from '@ssp/core';
import type * as tables from '@ssp/services-tables';
import type { PgTable } from 'drizzle-orm/pg-core';

/** A value a record field holds once read: text, an instant, a civil date, a count or a flag. */
export type FieldValue = string | Date | number | boolean | null;

/** The types a record field may have; each reads the same from a CSV cell and a GraphQL value. */
export type FieldType =
  | { type: 'text'; maxLength: number }
  /** An instant, written ISO 8601 with its offset (`2017-04-03T09:30:00+01:00` or `...Z`). */
  | { type: 'instant'; mayBeAhead?: true }
  /** A civil date on the London calendar, `YYYY-MM-DD`. */
  | { type: 'date'; mayBeAhead?: true }
  /** A whole number from 0. */
  | { type: 'count' }
  /** true or false (in a CSV cell, `true` or `false`). */
  | { type: 'flag' }
  | { type: 'enum'; values: readonly string[]; graphqlEnum: string };

export type FieldSpec = FieldType & {
  /** Its name in GraphQL and in a JSON row (camelCase). */
  name: string;
  /** Its column heading in a CSV file (snake_case). */
  csv: string;
  required: boolean;
  description: string;
};

/** A row as read: every field of the kind, each a value or null. */
export type RecordValues = Readonly<Record<string, FieldValue>>;

/** What is wrong with one row, and in which field (the input's name for it). */
export interface FieldProblem {
  field: string;
  reason: string;
}

/** A record already held, by the key the caller knows it by. */
export interface HeldRecord {
  /** The record's id: its first version's id, which rows referring to it name. */
  recordId: string;
  /** Its newest version. */
  version: number;
}

/** Another kind a row refers to (a payroll change to its pay period), found by that kind's key. */
export interface ParentReference {
  kind: RecordKindName;
  /** The parent's key, from the row's values. */
  key: (values: RecordValues) => string;
  /** The field to blame when there is no such parent. */
  field: string;
  /** The column that holds the parent's record id. */
  column: string;
}

/** Every kind an import may be of: the record kinds, and service-desk history. */
export type ImportKindName = (typeof tables.recordKind.enumValues)[number];

/** The kinds of bitemporal record (service-desk history is imported apart: requests-history). */
export type RecordKindName = Exclude<ImportKindName, 'service_requests'>;

/**
 * A kind of record that comes in through the API: its fields (which make its GraphQL input and its
 * CSV columns), its checks, the key the sending system knows each record by, what it refers to,
 * and how a row becomes a database row. The import engine does everything else, the same for
 * every kind.
 */
export interface RecordKind {
  name: RecordKindName;
  /** Singular GraphQL name, e.g. `PayrollChange`. */
  typeName: string;
  /** Plural, for the import mutation, e.g. `PayrollChanges`. */
  pluralName: string;
  description: string;
  table: PgTable;
  fields: readonly FieldSpec[];
  /** The key the caller knows a record by (a reference, a code, a payroll and period). */
  key: (values: RecordValues) => string;
  /** The fields that make the key (blamed for a duplicate or an unknown record). */
  keyField: string;
  /** What one record is called in a message, e.g. `pay period`. */
  noun: string;
  /** Rules between fields (a record cannot be processed before it was received). */
  check?: (values: RecordValues) => FieldProblem | null;
  parents?: readonly ParentReference[];
  /** The records already held under these keys, each with its record id and newest version. */
  held: (tx: PlatformTransaction, tenantId: string, keys: readonly string[]) => Promise<Map<string, HeldRecord>>;
  /** The database row of a version (columns as the table's keys), parents' ids given. */
  toRow: (values: RecordValues, parentIds: Readonly<Record<string, string>>) => Record<string, FieldValue | undefined>;
}
