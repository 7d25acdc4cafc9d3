import type { Nation } from '@ssp/core';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { computeSlaClock, type SlaClock, SlaHistoryError, type SlaStatus, type SlaTarget } from './sla-clock.ts';

// Times are London wall-clock times. 10 June 2024 is a Monday; the week has no bank holiday.

const london = (wallTime: string): Date => {
  const parsed = DateTime.fromISO(wallTime, { zone: 'Europe/London' });
  if (!parsed.isValid) throw new Error(`bad test time ${wallTime}`);
  return parsed.toJSDate();
};
const wall = (date: Date | null): string | null =>
  date === null ? null : DateTime.fromJSDate(date, { zone: 'Europe/London' }).toFormat("yyyy-MM-dd'T'HH:mm");

const HOUR = 3_600_000;
const MINUTE = 60_000;
const hours = (amount: number): SlaTarget => ({ unit: 'working_hours', amount });
const days = (amount: number): SlaTarget => ({ unit: 'working_days', amount });
const minutes = (amount: number): SlaTarget => ({ unit: 'elapsed_minutes', amount });

type Step = [SlaStatus, string, string?];

function clock(options: { target: SlaTarget; raised: string; steps?: Step[]; now: string; nation?: Nation }): SlaClock {
  return computeSlaClock({
    target: options.target,
    nation: options.nation ?? 'england_and_wales',
    raisedAt: london(options.raised),
    history: [
      { status: 'new', at: london(options.raised) },
      ...(options.steps ?? []).map(([status, at, reason]) => ({ status, at: london(at), reason })),
    ],
    now: london(options.now),
  });
}

/** The clock in the units a person reads it in, so each row of the table states it plainly. */
function summary(result: SlaClock, unit = HOUR) {
  return {
    state: result.state,
    dueAt: wall(result.dueAt),
    used: result.workingMillisUsed / unit,
    remaining: result.workingMillisRemaining / unit,
    breached: result.breached,
    stoppedAt: wall(result.stoppedAt),
  };
}

describe('working-hours and working-days clocks', () => {
  it.each([
    {
      why: 'no pause, running',
      target: hours(8),
      raised: '2024-06-10T10:00',
      steps: [['in_progress', '2024-06-10T10:30']] as Step[],
      now: '2024-06-10T14:00',
      expected: {
        state: 'running',
        dueAt: '2024-06-11T10:00',
        used: 4,
        remaining: 4,
        breached: false,
        stoppedAt: null,
      },
    },
    {
      why: 'no pause, running past due',
      target: hours(8),
      raised: '2024-06-10T10:00',
      steps: [],
      now: '2024-06-11T12:00',
      expected: {
        state: 'running',
        dueAt: '2024-06-11T10:00',
        used: 10,
        remaining: -2,
        breached: true,
        stoppedAt: null,
      },
    },
    {
      why: 'raised at the weekend: nothing counts until Monday',
      target: hours(4),
      raised: '2024-06-08T11:00',
      steps: [],
      now: '2024-06-10T08:00',
      expected: {
        state: 'running',
        dueAt: '2024-06-10T13:00',
        used: 0,
        remaining: 4,
        breached: false,
        stoppedAt: null,
      },
    },
    {
      why: 'a pause of two working days moves a 16-hour due time by two days (Wednesday 10:00 to Friday 10:00)',
      target: hours(16),
      raised: '2024-06-10T10:00',
      steps: [
        ['waiting_on_customer', '2024-06-10T12:00', 'Awaiting the signed starter form'],
        ['in_progress', '2024-06-12T12:00'],
      ] as Step[],
      now: '2024-06-12T14:00',
      expected: {
        state: 'running',
        dueAt: '2024-06-14T10:00',
        used: 4,
        remaining: 12,
        breached: false,
        stoppedAt: null,
      },
    },
    {
      why: 'a pause of two working days moves a 2-working-day due time from Wednesday to Friday close',
      target: days(2),
      raised: '2024-06-10T10:00',
      steps: [
        ['waiting_on_customer', '2024-06-10T12:00', 'Awaiting DBS identity documents'],
        ['in_progress', '2024-06-12T12:00'],
      ] as Step[],
      now: '2024-06-12T14:00',
      expected: {
        state: 'running',
        dueAt: '2024-06-14T17:00',
        used: 4,
        remaining: 19,
        breached: false,
        stoppedAt: null,
      },
    },
    {
      why: 'working days without a pause: Monday 10:00 plus 2 is Wednesday close',
      target: days(2),
      raised: '2024-06-10T10:00',
      steps: [],
      now: '2024-06-10T10:00',
      expected: {
        state: 'running',
        dueAt: '2024-06-12T17:00',
        used: 0,
        remaining: 23,
        breached: false,
        stoppedAt: null,
      },
    },
    {
      why: 'paused now: due time shown as if resumed now',
      target: hours(8),
      raised: '2024-06-10T10:00',
      steps: [['waiting_on_customer', '2024-06-10T12:00', 'Asked for the employee number']] as Step[],
      now: '2024-06-11T15:00',
      expected: { state: 'paused', dueAt: '2024-06-12T13:00', used: 2, remaining: 6, breached: false, stoppedAt: null },
    },
    {
      why: 'paused after running out: the due time stays when it ran out',
      target: hours(2),
      raised: '2024-06-10T10:00',
      steps: [['waiting_on_customer', '2024-06-10T15:00', 'Asked for the cost code']] as Step[],
      now: '2024-06-11T15:00',
      expected: { state: 'paused', dueAt: '2024-06-10T12:00', used: 5, remaining: -3, breached: true, stoppedAt: null },
    },
    {
      why: 'resolved before due: not breached, stopped at resolution even once closed',
      target: hours(8),
      raised: '2024-06-10T10:00',
      steps: [
        ['in_progress', '2024-06-10T10:30'],
        ['resolved', '2024-06-10T15:00'],
        ['closed', '2024-06-11T10:00'],
      ] as Step[],
      now: '2024-06-14T12:00',
      expected: {
        state: 'stopped',
        dueAt: '2024-06-11T10:00',
        used: 5,
        remaining: 3,
        breached: false,
        stoppedAt: '2024-06-10T15:00',
      },
    },
    {
      why: 'resolved exactly at the due time: in time',
      target: hours(8),
      raised: '2024-06-10T10:00',
      steps: [['resolved', '2024-06-11T10:00']] as Step[],
      now: '2024-06-12T10:00',
      expected: {
        state: 'stopped',
        dueAt: '2024-06-11T10:00',
        used: 8,
        remaining: 0,
        breached: false,
        stoppedAt: '2024-06-11T10:00',
      },
    },
    {
      why: 'resolved after due: breached, overrun shown as negative remaining',
      target: hours(8),
      raised: '2024-06-10T10:00',
      steps: [
        ['in_progress', '2024-06-10T11:00'],
        ['resolved', '2024-06-11T12:00'],
      ] as Step[],
      now: '2024-06-12T10:00',
      expected: {
        state: 'stopped',
        dueAt: '2024-06-11T10:00',
        used: 10,
        remaining: -2,
        breached: true,
        stoppedAt: '2024-06-11T12:00',
      },
    },
    {
      why: 'cancelled stops the clock',
      target: hours(8),
      raised: '2024-06-10T10:00',
      steps: [['cancelled', '2024-06-10T11:00']] as Step[],
      now: '2024-06-20T10:00',
      expected: {
        state: 'stopped',
        dueAt: '2024-06-11T10:00',
        used: 1,
        remaining: 7,
        breached: false,
        stoppedAt: '2024-06-10T11:00',
      },
    },
    {
      why: 're-opened: resumes with the time already used; the time it stood resolved does not count',
      target: hours(8),
      raised: '2024-06-10T10:00',
      steps: [
        ['resolved', '2024-06-10T12:00'],
        ['in_progress', '2024-06-12T09:00'],
      ] as Step[],
      now: '2024-06-12T11:00',
      expected: {
        state: 'running',
        dueAt: '2024-06-12T15:00',
        used: 4,
        remaining: 4,
        breached: false,
        stoppedAt: null,
      },
    },
    {
      why: 're-opened and resolved again: stopped at the second resolution',
      target: hours(8),
      raised: '2024-06-10T10:00',
      steps: [
        ['resolved', '2024-06-10T12:00'],
        ['in_progress', '2024-06-12T09:00'],
        ['resolved', '2024-06-12T16:00'],
      ] as Step[],
      now: '2024-06-13T11:00',
      expected: {
        state: 'stopped',
        dueAt: '2024-06-12T15:00',
        used: 9,
        remaining: -1,
        breached: true,
        stoppedAt: '2024-06-12T16:00',
      },
    },
    {
      why: 'history after now is ignored: the clock as it stood then',
      target: hours(8),
      raised: '2024-06-10T10:00',
      steps: [['resolved', '2024-06-11T12:00']] as Step[],
      now: '2024-06-10T14:00',
      expected: {
        state: 'running',
        dueAt: '2024-06-11T10:00',
        used: 4,
        remaining: 4,
        breached: false,
        stoppedAt: null,
      },
    },
  ])('$why', ({ target, raised, steps, now, expected }) => {
    expect(summary(clock({ target, raised, steps, now }))).toEqual(expected);
  });

  it.each([
    ['england_and_wales', '2024-04-02T17:00'],
    ['scotland', '2024-04-01T17:00'],
  ] as const)('follows the nation: 1 working day from Thursday before Easter, %s, is due %s', (nation, due) => {
    const result = clock({ target: days(1), raised: '2024-03-28T15:00', now: '2024-03-28T15:00', nation });
    expect(wall(result.dueAt)).toBe(due);
  });
});

describe('pauses', () => {
  it('records each pause with its reason, and the paused working time', () => {
    const result = clock({
      target: hours(16),
      raised: '2024-06-10T10:00',
      steps: [
        ['waiting_on_customer', '2024-06-10T12:00', 'Awaiting the signed starter form'],
        ['in_progress', '2024-06-12T12:00'],
      ],
      now: '2024-06-12T14:00',
    });
    expect(result.pauses).toEqual([
      { from: london('2024-06-10T12:00'), to: london('2024-06-12T12:00'), reason: 'Awaiting the signed starter form' },
    ]);
    expect(result.pausedMillis).toBe(16 * HOUR);
    expect(result.paused).toBe(false);
  });

  it('shows an open pause while waiting, and a new pause for each new reason', () => {
    const result = clock({
      target: hours(8),
      raised: '2024-06-10T10:00',
      steps: [
        ['waiting_on_customer', '2024-06-10T12:00', 'Asked for the employee number'],
        ['waiting_on_customer', '2024-06-11T10:00', 'Asked for the manager to approve'],
      ],
      now: '2024-06-11T15:00',
    });
    expect(result.paused).toBe(true);
    expect(result.pauses).toEqual([
      { from: london('2024-06-10T12:00'), to: london('2024-06-11T10:00'), reason: 'Asked for the employee number' },
      { from: london('2024-06-11T10:00'), to: null, reason: 'Asked for the manager to approve' },
    ]);
    expect(result.pausedMillis).toBe(11 * HOUR);
  });

  it('records a pause without a reason as null rather than failing the clock', () => {
    const result = clock({
      target: hours(8),
      raised: '2024-06-10T10:00',
      steps: [['waiting_on_customer', '2024-06-10T12:00']],
      now: '2024-06-10T13:00',
    });
    expect(result.pauses).toEqual([{ from: london('2024-06-10T12:00'), to: null, reason: null }]);
  });
});

describe('elapsed-minute clocks (ICT response within 30 minutes)', () => {
  it.each([
    {
      why: 'counts real minutes out of hours, and pauses',
      raised: '2024-06-10T22:00',
      steps: [
        ['waiting_on_customer', '2024-06-10T22:10', 'Customer to confirm the asset tag'],
        ['in_progress', '2024-06-10T23:00'],
        ['resolved', '2024-06-10T23:15'],
      ] as Step[],
      now: '2024-06-11T09:00',
      expected: {
        state: 'stopped',
        dueAt: '2024-06-10T23:20',
        used: 25,
        remaining: 5,
        breached: false,
        stoppedAt: '2024-06-10T23:15',
      },
      pausedMinutes: 50,
    },
    {
      why: 'breaches after the pause when the minutes run out',
      raised: '2024-06-10T22:00',
      steps: [
        ['waiting_on_customer', '2024-06-10T22:10', 'Customer to confirm the asset tag'],
        ['in_progress', '2024-06-10T23:00'],
      ] as Step[],
      now: '2024-06-10T23:30',
      expected: {
        state: 'running',
        dueAt: '2024-06-10T23:20',
        used: 40,
        remaining: -10,
        breached: true,
        stoppedAt: null,
      },
      pausedMinutes: 50,
    },
    {
      why: 'does not wait for Monday: a Friday 16:50 request is due 17:20',
      raised: '2024-06-07T16:50',
      steps: [] as Step[],
      now: '2024-06-07T16:55',
      expected: {
        state: 'running',
        dueAt: '2024-06-07T17:20',
        used: 5,
        remaining: 25,
        breached: false,
        stoppedAt: null,
      },
      pausedMinutes: 0,
    },
    {
      why: 'counts the real hour lost when the clocks go forward (00:50 GMT + 30 is 02:20 BST)',
      raised: '2024-03-31T00:50',
      steps: [] as Step[],
      now: '2024-03-31T00:50',
      expected: {
        state: 'running',
        dueAt: '2024-03-31T02:20',
        used: 0,
        remaining: 30,
        breached: false,
        stoppedAt: null,
      },
      pausedMinutes: 0,
    },
  ])('$why', ({ raised, steps, now, expected, pausedMinutes }) => {
    const result = clock({ target: minutes(30), raised, steps, now });
    expect(summary(result, MINUTE)).toEqual(expected);
    expect(result.pausedMillis).toBe(pausedMinutes * MINUTE);
  });
});

describe('refusals', () => {
  const base = {
    target: hours(8),
    nation: 'england_and_wales' as const,
    raisedAt: london('2024-06-10T10:00'),
    now: london('2024-06-11T10:00'),
  };

  it.each([
    [
      'an out-of-order history',
      [
        { status: 'in_progress', at: london('2024-06-10T11:00') },
        { status: 'waiting_on_customer', at: london('2024-06-10T10:30') },
      ],
      /out of order: entry 1/,
    ],
    [
      'an entry before the request was raised',
      [{ status: 'new', at: london('2024-06-10T09:00') }],
      /out of order: entry 0/,
    ],
    ['an invalid date', [{ status: 'resolved', at: new Date('nonsense') }], /invalid date/],
    ['an unknown status', [{ status: 'reopened', at: london('2024-06-10T11:00') }], /unknown status 'reopened'/],
  ])('rejects %s', (_why, history, message) => {
    const input = { ...base, history: history as { status: SlaStatus; at: Date }[] };
    expect(() => computeSlaClock(input)).toThrow(SlaHistoryError);
    expect(() => computeSlaClock(input)).toThrow(message);
  });

  it('rejects a now before the request was raised', () => {
    expect(() => computeSlaClock({ ...base, history: [], now: london('2024-06-10T09:00') })).toThrow(SlaHistoryError);
  });

  it.each([
    ['a negative target', hours(-1)],
    ['a fractional number of working days', days(1.5)],
    ['an unknown unit', { unit: 'fortnights', amount: 1 } as unknown as SlaTarget],
  ])('rejects %s', (_why, target) => {
    expect(() => computeSlaClock({ ...base, target, history: [] })).toThrow(RangeError);
  });
});

describe('determinism', () => {
  it('gives the same clock from the same history, without touching it', () => {
    const history = Object.freeze([
      Object.freeze({ status: 'new' as const, at: london('2024-06-10T10:00') }),
      Object.freeze({ status: 'waiting_on_customer' as const, at: london('2024-06-10T12:00'), reason: 'form' }),
    ]);
    const input = { target: days(2), nation: 'scotland' as const, raisedAt: london('2024-06-10T10:00') };
    const now = london('2024-06-11T12:00');
    expect(computeSlaClock({ ...input, history, now })).toEqual(computeSlaClock({ ...input, history, now }));
  });
});

describe('the two working-day conventions', () => {
  const sameTime = (amount: number): SlaTarget => ({
    unit: 'working_days',
    amount,
    convention: 'same_time_nth_working_day',
  });

  it.each([
    // [raised, end of the Nth working day, same time on the Nth working day] for 2 working days
    ['2024-06-10T10:00', '2024-06-12T17:00', '2024-06-12T10:00'], // Monday, inside hours
    ['2024-06-10T08:00', '2024-06-12T17:00', '2024-06-12T09:00'], // before opening
    ['2024-06-10T18:00', '2024-06-13T17:00', '2024-06-13T09:00'], // after closing: from Tuesday 09:00
    ['2024-06-15T11:00', '2024-06-19T17:00', '2024-06-19T09:00'], // Saturday: from Monday 09:00
    ['2024-06-14T16:00', '2024-06-18T17:00', '2024-06-18T16:00'], // Friday afternoon, over the weekend
  ])('raised %s: %s at the end of the day, %s at the same time', (raised, endOfDay, sameClockTime) => {
    expect(wall(clock({ target: days(2), raised, now: raised }).dueAt)).toBe(endOfDay);
    expect(wall(clock({ target: sameTime(2), raised, now: raised }).dueAt)).toBe(sameClockTime);
    expect(clock({ target: sameTime(2), raised, now: raised }).targetMillis).toBe(16 * HOUR);
  });

  it('a pause moves both by the working time it lasted', () => {
    const steps: Step[] = [
      ['waiting_on_customer', '2024-06-10T11:00'],
      ['in_progress', '2024-06-10T13:00'],
    ];
    const now = '2024-06-10T13:00';
    expect(wall(clock({ target: days(2), raised: '2024-06-10T10:00', steps, now }).dueAt)).toBe('2024-06-13T11:00');
    expect(wall(clock({ target: sameTime(2), raised: '2024-06-10T10:00', steps, now }).dueAt)).toBe('2024-06-12T12:00');
  });

  it('finishing at the close of the day before a same-time due at opening is in time; the next morning is late', () => {
    const raised = '2024-06-10T09:00';
    const resolvedAt = (at: string) => clock({ target: sameTime(2), raised, steps: [['resolved', at]], now: at });
    expect(wall(resolvedAt('2024-06-11T17:00').dueAt)).toBe('2024-06-12T09:00');
    expect(resolvedAt('2024-06-11T17:00').breached).toBe(false);
    expect(resolvedAt('2024-06-12T09:01').breached).toBe(true);
  });

  it('counts on a stored calendar when one is given', () => {
    // Tuesday 11 June 2024 made a holiday: the end-of-day target moves a day later.
    const tuesday = Date.UTC(2024, 5, 11) / 86_400_000;
    const result = computeSlaClock({
      target: days(2),
      nation: 'england_and_wales',
      holidayEpochDays: [tuesday],
      raisedAt: london('2024-06-10T10:00'),
      history: [],
      now: london('2024-06-10T10:00'),
    });
    expect(wall(result.dueAt)).toBe('2024-06-13T17:00');
  });
});
