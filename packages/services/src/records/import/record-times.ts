import type { FieldProblem, FieldSpec, RecordValues } from './record-kind.ts';

/**
 * The back-dating rules, the same for every kind. A record says when things happened; the
 * database clock says when we recorded it. What happened may be back-dated as far as 1 April 2014
 * (the first fiscal year, 2014/15, the working-day calendars cover) but not into the future:
 * nothing can have been received or processed after the moment we record it. Only what is
 * published ahead (a pay period's first day and deadline, a vacancy's closing date) may lie
 * ahead. A correction obeys the same rules and may move any of these times; it never moves when
 * the record was first recorded.
 */
export const EARLIEST_RECORDED_DAY = '2014-04-01';
const EARLIEST_INSTANT = new Date('2014-03-31T23:00:00Z'); // midnight, 1 April 2014, in London (BST)

const londonDay = (instant: Date) => instant.toLocaleDateString('en-CA', { timeZone: 'Europe/London' });

export function recordTimeRules(fields: readonly FieldSpec[], now: Date) {
  // Once per import: formatting a day in a time zone costs ~0.2 ms, 4 s over 20,000 rows.
  const today = londonDay(now);
  return (values: RecordValues): FieldProblem | null => checkRecordTimes(fields, values, now, today);
}

function checkRecordTimes(
  fields: readonly FieldSpec[],
  values: RecordValues,
  now: Date,
  today: string,
): FieldProblem | null {
  for (const spec of fields) {
    const value = values[spec.name];
    if (value === null || value === undefined) continue;
    if (spec.type === 'instant' && value instanceof Date) {
      if (value < EARLIEST_INSTANT) {
        return {
          field: spec.name,
          reason: `${spec.name} is before ${EARLIEST_RECORDED_DAY}, the earliest a record may be back-dated to`,
        };
      }
      if (!spec.mayBeAhead && value > now) {
        return { field: spec.name, reason: `${spec.name} is in the future: only what has happened can be recorded` };
      }
    }
    if (spec.type === 'date' && typeof value === 'string') {
      if (value < EARLIEST_RECORDED_DAY) {
        return {
          field: spec.name,
          reason: `${spec.name} is before ${EARLIEST_RECORDED_DAY}, the earliest a record may be back-dated to`,
        };
      }
      if (!spec.mayBeAhead && value > today) {
        return { field: spec.name, reason: `${spec.name} is in the future: only what has happened can be recorded` };
      }
    }
  }
  return null;
}

/** `later` (when given) may not be before `earlier` (when given): instants or ISO dates. */
export function laterThan(values: RecordValues, later: string, earlier: string): FieldProblem | null {
  const a = values[later];
  const b = values[earlier];
  if (a === null || b === null || a === undefined || b === undefined) return null;
  const before = a instanceof Date && b instanceof Date ? a < b : String(a) < String(b);
  return before ? { field: later, reason: `${later} is before ${earlier}` } : null;
}
