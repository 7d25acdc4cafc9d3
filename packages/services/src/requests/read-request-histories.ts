import type { RowProblem } from '../records/import/import-records.ts';
import { readRecordRow } from '../records/import/read-record-row.ts';
import type { FieldValue, RecordValues } from '../records/import/record-kind.ts';
import { HISTORY_ROW_FIELDS, REQUEST_COLUMNS, REQUIRED_ON_FIRST_ROW } from './request-history-fields.ts';
import { isAllowedTransition, type RequestStatus, reasonRequired } from './request-status-rules.ts';

/** One status change of an imported history, with the row it came from. */
export interface HistoryChange {
  row: number;
  status: RequestStatus;
  at: Date;
  changedBy: string | null;
  reason: string | null;
  firstContactResolution: boolean | null;
}

/** One request of an import: its first row's columns and its changes, in time order. */
export interface RequestHistory {
  externalReference: string;
  /** The row that states the request (its first). */
  row: number;
  values: RecordValues;
  raisedAt: Date;
  changes: HistoryChange[];
  /** Where the history leaves it: `new` when it has no change. */
  status: RequestStatus;
}

const sameValue = (a: FieldValue, b: FieldValue) =>
  a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b;

const CHANGE_ONLY = ['changedAt', 'changedBy', 'reason', 'firstContactResolution'] as const;

/**
 * Reads the rows of a service-desk history import into requests, before anything is asked of the
 * database: each row's fields; rows grouped by external reference (in the order they come); the
 * request's columns on its first row, repeated exactly or left empty on the others; and each
 * history a valid path through the request status rules from `new` at the raised time, the
 * same rules a live request's moves obey (request-status-rules.ts), in time order. Every problem
 * is reported with its row and field; a request's path is checked up to its first fault.
 */
export function readRequestHistories(
  rows: readonly Readonly<Record<string, unknown>>[],
): { problems: RowProblem[] } | { requests: RequestHistory[] } {
  const problems: RowProblem[] = [];
  const requests = new Map<string, RequestHistory & { broken: boolean }>();
  for (const [index, raw] of rows.entries()) {
    const row = index + 1;
    const read = readRecordRow(HISTORY_ROW_FIELDS, raw);
    if (!('values' in read)) {
      problems.push({ row, ...read });
      continue;
    }
    const { values } = read;
    const reference = String(values.externalReference);
    let request = requests.get(reference);
    if (!request) {
      const missing = REQUIRED_ON_FIRST_ROW.find((field) => values[field] === null);
      if (missing) {
        problems.push({ row, field: missing, reason: `${missing} is required on a request's first row` });
        continue;
      }
      request = {
        externalReference: reference,
        row,
        values,
        raisedAt: values.raisedAt as Date,
        changes: [],
        status: 'new',
        broken: false,
      };
      requests.set(reference, request);
    } else {
      const differing = REQUEST_COLUMNS.find(
        (spec) => values[spec.name] !== null && !sameValue(values[spec.name]!, request!.values[spec.name]!),
      );
      if (differing) {
        problems.push({
          row,
          field: differing.name,
          reason: `${differing.name} differs from row ${request.row}, the request's first row: leave it empty or repeat it`,
        });
        continue;
      }
      if (values.status === null) {
        problems.push({ row, field: 'status', reason: "A request's later rows each record a status change" });
        continue;
      }
    }
    const problem = readChange(row, values, request);
    if (problem) {
      problems.push(problem);
      request.broken = true;
    }
  }
  for (const request of requests.values()) {
    const score = request.values.satisfactionScore;
    if (score === null || request.broken) continue;
    if (typeof score !== 'number' || score < 1 || score > 5) {
      problems.push({ row: request.row, field: 'satisfactionScore', reason: 'satisfactionScore is 1 to 5' });
    } else if (request.status !== 'resolved' && request.status !== 'closed') {
      problems.push({
        row: request.row,
        field: 'satisfactionScore',
        reason: `A request is rated after it is resolved; this history leaves it ${request.status}`,
      });
    }
  }
  if (problems.length > 0) return { problems: problems.sort((a, b) => a.row - b.row) };
  return { requests: [...requests.values()].map(({ broken: _, ...request }) => request) };
}

/** The row's change, appended to its request's history when it is a valid next step. */
function readChange(row: number, values: RecordValues, request: RequestHistory & { broken: boolean }) {
  const status = values.status as RequestStatus | null;
  if (status === null) {
    const given = CHANGE_ONLY.find((field) => values[field] !== null);
    return given ? { row, field: given, reason: `${given} is given only with a status` } : null;
  }
  if (values.changedAt === null) return { row, field: 'changedAt', reason: 'changedAt is required with a status' };
  if (request.broken) return null; // the path is already wrong: later steps cannot be judged
  const at = values.changedAt as Date;
  const previous = request.changes.at(-1);
  if (at < (previous?.at ?? request.raisedAt)) {
    const before = previous ? `the change on row ${previous.row}` : `the request was raised (row ${request.row})`;
    return { row, field: 'changedAt', reason: `changedAt is before ${before}: give a request's changes in time order` };
  }
  if (!isAllowedTransition(request.status, status)) {
    return { row, field: 'status', reason: `A ${request.status} request cannot become ${status}` };
  }
  const reason = (values.reason as string | null) ?? null;
  if (reasonRequired(status) && !reason) return { row, field: 'reason', reason: `Say why the request is ${status}` };
  const firstContact = values.firstContactResolution as boolean | null;
  if (status === 'resolved' && firstContact === null) {
    return {
      row,
      field: 'firstContactResolution',
      reason: 'Say whether it was resolved at the first point of contact',
    };
  }
  if (status !== 'resolved' && firstContact !== null) {
    return { row, field: 'firstContactResolution', reason: 'firstContactResolution is given only when resolving' };
  }
  request.changes.push({
    row,
    status,
    at,
    changedBy: (values.changedBy as string | null) ?? null,
    reason,
    firstContactResolution: firstContact,
  });
  request.status = status;
  return null;
}
