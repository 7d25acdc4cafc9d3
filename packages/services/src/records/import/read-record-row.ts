import { z } from 'zod';
import type { FieldProblem, FieldSpec, FieldValue, RecordValues } from './record-kind.ts';

const INSTANT = z.iso.datetime({ offset: true });
const DATE = z.iso.date();
const COUNT = /^\d{1,9}$/;

/**
 * Reads one field from what the caller sent: a CSV cell (always text; empty means absent) or a
 * GraphQL value (text, a number, an enum's value). The same rules either way, so a file and the
 * same rows as JSON are refused, or accepted, alike.
 */
function readField(spec: FieldSpec, raw: unknown): { value: FieldValue } | { reason: string } {
  const text = typeof raw === 'string' ? raw.trim() : raw;
  if (text === undefined || text === null || text === '') {
    return spec.required ? { reason: `${spec.name} is required` } : { value: null };
  }
  switch (spec.type) {
    case 'text':
      if (typeof text !== 'string') return { reason: `${spec.name} is text` };
      if (text.length > spec.maxLength) return { reason: `${spec.name} is at most ${spec.maxLength} characters` };
      return { value: text };
    case 'instant':
      if (typeof text !== 'string' || !INSTANT.safeParse(text).success) {
        return { reason: `${spec.name} is an ISO 8601 instant with its offset, e.g. 2017-04-03T09:30:00+01:00` };
      }
      return { value: new Date(text) };
    case 'date':
      if (typeof text !== 'string' || !DATE.safeParse(text).success) {
        return { reason: `${spec.name} is an ISO date, e.g. 2017-04-01` };
      }
      return { value: text };
    case 'count': {
      const count = typeof text === 'number' ? text : typeof text === 'string' && COUNT.test(text) ? Number(text) : NaN;
      if (!Number.isInteger(count) || count < 0) return { reason: `${spec.name} is a whole number from 0` };
      return { value: count };
    }
    case 'flag':
      if (text === true || text === 'true') return { value: true };
      if (text === false || text === 'false') return { value: false };
      return { reason: `${spec.name} is true or false` };
    case 'enum':
      if (typeof text !== 'string' || !spec.values.includes(text)) {
        return { reason: `${spec.name} is one of ${spec.values.join(', ')}` };
      }
      return { value: text };
  }
}

/** A row's values, or the first problem found in it (fields in their declared order). */
export function readRecordRow(
  fields: readonly FieldSpec[],
  raw: Readonly<Record<string, unknown>>,
): { values: RecordValues } | FieldProblem {
  const values: Record<string, FieldValue> = {};
  for (const spec of fields) {
    const read = readField(spec, raw[spec.name]);
    if ('reason' in read) return { field: spec.name, reason: read.reason };
    values[spec.name] = read.value;
  }
  return { values };
}

/**
 * Whether a row corrects (or retracts) a record held: `true`/`false` (absent or empty: false);
 * null if neither.
 */
export function readCorrectionFlag(raw: unknown): boolean | null {
  if (raw === undefined || raw === null || raw === '' || raw === false || raw === 'false') return false;
  if (raw === true || raw === 'true') return true;
  return null;
}
