import {
  addWorkingDays,
  addWorkingMillis,
  type BusinessHours,
  type Nation,
  type WorkingCalendar,
  workingCalendar,
  workingDayMillis,
  workingMillisBetween,
} from '@ssp/core';

/**
 * An SLA clock recomputed from a request's append-only status history, so that the same history
 * and the same `now` always give the same answer (no stored counters to drift).
 *
 * The rules:
 * - The clock runs from `raisedAt` while the status is `new` or `in_progress`.
 * - It pauses while the status is `waiting_on_customer`; each pause is reported with the reason
 *   recorded on the entry that started it. Another `waiting_on_customer` entry during a pause
 *   (say, a new question to the customer) ends that pause and starts another with its own reason.
 * - It stops at `resolved`, `closed` or `cancelled`. `stoppedAt` is when it first stopped, so
 *   resolved-then-closed keeps the resolution time.
 * - Re-opening (any later move back to `new`, `in_progress` or `waiting_on_customer`) resumes the
 *   clock from the re-opening with the time already used; the time it spent stopped never counts.
 *   A breach is never undone by a re-open: used time only grows.
 * - Time is working time on the nation's calendar for `working_hours` and `working_days` targets
 *   and real time for `elapsed_minutes` (an ICT response within 30 minutes counts the minutes
 *   that pass, nights included); pauses apply to all three.
 * - A `working_days` target is turned into a working-time budget once, at raising, by the
 *   definition's convention (docs/sla-rules.md):
 *   - `end_of_nth_working_day`: the working time from `raisedAt` to addWorkingDays(raisedAt,
 *     amount), the close of business on the Nth working day after the day of receipt (see
 *     working-time.ts for the day rule);
 *   - `same_time_nth_working_day`: N whole working days of business hours (N x 8 hours on
 *     09:00-17:00), so the target falls at the same clock time N working days later; a start
 *     outside business hours counts from the next opening, and a target that falls exactly at a
 *     closing is shown at the next opening (the same working instant).
 *   A pause then moves the due time by exactly the working time it paused, under either
 *   convention: a pause of two whole working days moves it two working days.
 * - Breached means more time used than the target: finishing exactly at the due time is in time.
 * - `dueAt` is never null. While running it is when the budget will run out; while paused it is
 *   where it would stand if the clock resumed now (so it moves later for as long as the pause
 *   lasts, and `paused` says so); once stopped it is where it stood when the clock stopped; once
 *   the budget has run out it is the instant it ran out.
 * - Entries after `now` are ignored, so `now` can be any past instant ("as at the year end").
 */

export type SlaStatus = 'new' | 'in_progress' | 'waiting_on_customer' | 'resolved' | 'closed' | 'cancelled';
export type SlaTargetUnit = 'working_hours' | 'working_days' | 'elapsed_minutes';
export type SlaClockState = 'running' | 'paused' | 'stopped';
export type WorkingDayConvention = 'end_of_nth_working_day' | 'same_time_nth_working_day';

export interface SlaTarget {
  readonly unit: SlaTargetUnit;
  /** Hours or minutes may be fractional; working days must be whole. */
  readonly amount: number;
  /** What N working days means; defaults to `end_of_nth_working_day`. */
  readonly convention?: WorkingDayConvention;
}

export interface SlaStatusChange {
  readonly status: SlaStatus;
  readonly at: Date;
  /** Why, for a move to waiting_on_customer; kept on the pause it starts. */
  readonly reason?: string | null;
}

export interface SlaClockInput {
  readonly target: SlaTarget;
  readonly nation: Nation;
  /** The nation's bank holidays (days since 1970-01-01) from a stored calendar version; absent, the generator's. */
  readonly holidayEpochDays?: readonly number[];
  /** Defaults to 09:00-17:00. */
  readonly businessHours?: BusinessHours;
  readonly raisedAt: Date;
  /** In time order (equal times keep their array order); the clock starts as `new` at raisedAt. */
  readonly history: readonly SlaStatusChange[];
  readonly now: Date;
}

export interface SlaPause {
  readonly from: Date;
  /** Null while the pause is still going on at `now`. */
  readonly to: Date | null;
  readonly reason: string | null;
}

export interface SlaClock {
  readonly state: SlaClockState;
  readonly paused: boolean;
  readonly dueAt: Date;
  /** The target as a budget of (working, or for elapsed_minutes real) milliseconds. */
  readonly targetMillis: number;
  /** Budget used so far; working milliseconds, or real ones for elapsed_minutes. */
  readonly workingMillisUsed: number;
  /** targetMillis minus workingMillisUsed: negative by the overrun once breached. */
  readonly workingMillisRemaining: number;
  /** Time the clock has spent paused, in the same measure as the budget. */
  readonly pausedMillis: number;
  readonly breached: boolean;
  readonly stoppedAt: Date | null;
  readonly pauses: readonly SlaPause[];
}

/** The history cannot be read as a clock; this is a data fault, not a breach. */
export class SlaHistoryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SlaHistoryError';
  }
}

const STATE_OF: Readonly<Record<SlaStatus, SlaClockState>> = Object.freeze({
  new: 'running',
  in_progress: 'running',
  waiting_on_customer: 'paused',
  resolved: 'stopped',
  closed: 'stopped',
  cancelled: 'stopped',
});

const UNITS: readonly SlaTargetUnit[] = ['working_hours', 'working_days', 'elapsed_minutes'];

/** How the clock measures time: working time on a calendar, or real time. */
interface Measure {
  between(from: number, to: number): number;
  after(from: number, millis: number): number;
}

function measureFor(target: SlaTarget, calendar: WorkingCalendar): Measure {
  if (target.unit === 'elapsed_minutes') {
    return { between: (from, to) => to - from, after: (from, millis) => from + millis };
  }
  const atClosing =
    target.unit === 'working_days' && target.convention === 'same_time_nth_working_day' ? 'next_opening' : 'closing';
  return {
    between: (from, to) => workingMillisBetween(new Date(from), new Date(to), calendar),
    after: (from, millis) => addWorkingMillis(new Date(from), millis, calendar, { atClosing }).getTime(),
  };
}

function targetMillisOf(target: SlaTarget, raisedAt: Date, calendar: WorkingCalendar): number {
  if (!UNITS.includes(target.unit)) throw new RangeError(`Unknown SLA target unit '${target.unit}'`);
  if (!Number.isFinite(target.amount) || target.amount < 0) {
    throw new RangeError(`An SLA target must be a finite, non-negative amount, got ${target.amount}`);
  }
  switch (target.unit) {
    case 'working_hours':
      return Math.round(target.amount * 3_600_000);
    case 'elapsed_minutes':
      return Math.round(target.amount * 60_000);
    case 'working_days':
      if (!Number.isInteger(target.amount)) throw new RangeError(`Working days must be whole, got ${target.amount}`);
      if (target.convention === 'same_time_nth_working_day') return target.amount * workingDayMillis(calendar);
      return workingMillisBetween(raisedAt, addWorkingDays(raisedAt, target.amount, calendar), calendar);
  }
}

function checkHistory(input: SlaClockInput): void {
  const raisedAt = input.raisedAt.getTime();
  if (!Number.isFinite(raisedAt)) throw new SlaHistoryError('raisedAt is not a valid date');
  if (!Number.isFinite(input.now.getTime())) throw new SlaHistoryError('now is not a valid date');
  if (input.now.getTime() < raisedAt) {
    throw new SlaHistoryError(
      `now (${input.now.toISOString()}) is before the request was raised (${input.raisedAt.toISOString()})`,
    );
  }
  let previous = raisedAt;
  input.history.forEach((change, index) => {
    if (!Object.hasOwn(STATE_OF, change.status)) {
      throw new SlaHistoryError(`History entry ${index} has unknown status '${change.status}'`);
    }
    const at = change.at.getTime();
    if (!Number.isFinite(at)) throw new SlaHistoryError(`History entry ${index} has an invalid date`);
    if (at < previous) {
      throw new SlaHistoryError(
        `History is out of order: entry ${index} (${change.status} at ${change.at.toISOString()}) is earlier ` +
          `than ${index === 0 ? 'the raising of the request' : `entry ${index - 1}`} (${new Date(previous).toISOString()})`,
      );
    }
    previous = at;
  });
}

export function computeSlaClock(input: SlaClockInput): SlaClock {
  checkHistory(input);
  const calendar = workingCalendar(input.nation, input.businessHours, input.holidayEpochDays);
  const targetMillis = targetMillisOf(input.target, input.raisedAt, calendar);
  const measure = measureFor(input.target, calendar);
  const now = input.now.getTime();

  let state: SlaClockState = 'running';
  let since = input.raisedAt.getTime();
  let used = 0;
  let pausedMillis = 0;
  let ranOutAt: number | null = null;
  let stoppedAt: number | null = null;
  const pauses: { from: number; to: number | null; reason: string | null }[] = [];

  /** Accounts for the time from `since` to `until` in the current state. */
  const elapse = (until: number) => {
    if (state === 'running') {
      const segment = measure.between(since, until);
      if (ranOutAt === null && used + segment >= targetMillis) {
        ranOutAt = measure.after(since, targetMillis - used);
      }
      used += segment;
    } else if (state === 'paused') {
      pausedMillis += measure.between(since, until);
    }
    since = until;
  };

  for (const change of input.history) {
    const at = change.at.getTime();
    if (at > now) break; // the history is in order, so nothing later matters as at `now`
    elapse(at);
    const next = STATE_OF[change.status];
    const openPause = pauses.at(-1);
    if (state === 'paused' && openPause !== undefined) openPause.to = at;
    if (next === 'paused') pauses.push({ from: at, to: null, reason: change.reason ?? null });
    if (next === 'stopped') {
      if (state !== 'stopped') stoppedAt = at;
    } else {
      stoppedAt = null;
    }
    state = next;
  }
  elapse(now);

  // Where the due time stands: fixed once the budget ran out, otherwise projected from the
  // moment the clock would next run with what is left.
  const projectFrom = state === 'stopped' ? stoppedAt! : now;
  const dueAt = ranOutAt ?? measure.after(projectFrom, targetMillis - used);

  return {
    state,
    paused: state === 'paused',
    dueAt: new Date(dueAt),
    targetMillis,
    workingMillisUsed: used,
    workingMillisRemaining: targetMillis - used,
    pausedMillis,
    breached: used > targetMillis,
    stoppedAt: stoppedAt === null ? null : new Date(stoppedAt),
    pauses: pauses.map((pause) => ({
      from: new Date(pause.from),
      to: pause.to === null ? null : new Date(pause.to),
      reason: pause.reason,
    })),
  };
}
