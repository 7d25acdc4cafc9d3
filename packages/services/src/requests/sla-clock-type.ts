import { builder } from '@ssp/schema';
import type * as tables from '@ssp/services-tables';
import { WorkingDayConventionEnum } from '../catalogue/catalogue-enums.ts';
import { computeSlaClock, type SlaClock, type WorkingDayConvention } from './sla-clock.ts';

type StatusChange = typeof tables.serviceRequestStatusChanges.$inferSelect;
type SlaDefinition = typeof tables.slaDefinitions.$inferSelect;

const SlaClockStateEnum = builder.enumType('SlaClockState', {
  description: 'Whether an SLA clock is counting.',
  values: {
    RUNNING: { value: 'running', description: 'Counting working time.' },
    PAUSED: { value: 'paused', description: 'Waiting on the customer: not counting.' },
    STOPPED: { value: 'stopped', description: 'Met its end (responded, resolved or cancelled).' },
  } as const,
});

const SlaPauseRef = builder.objectRef<SlaClock['pauses'][number]>('SlaPause').implement({
  description: 'A time the clock stood still because the request was waiting on the customer.',
  fields: (t) => ({
    from: t.field({ type: 'DateTime', description: 'When the wait began.', resolve: (pause) => pause.from }),
    to: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When it ended; null while still waiting.',
      resolve: (pause) => pause.to,
    }),
    reason: t.string({
      nullable: true,
      description: 'Why the request waited (as recorded with the status change).',
      resolve: (pause) => pause.reason,
    }),
  }),
});

/** A clock with what it was computed on: the pinned SLA version and the calendar version. */
export interface SlaClockView extends SlaClock {
  readonly slaVersion: number;
  readonly convention: WorkingDayConvention | null;
  readonly calendarVersion: number | null;
}

export const SlaClockRef = builder.objectRef<SlaClockView>('SlaClock').implement({
  description:
    'A service-level clock computed from the request status history, on the working-time calendar of the organisation nation (Europe/London business hours).',
  fields: (t) => ({
    state: t.field({ type: SlaClockStateEnum, description: 'Counting, paused or stopped.', resolve: (c) => c.state }),
    dueAt: t.field({
      type: 'DateTime',
      description: 'When the target falls (while paused: where it would stand if the clock resumed now).',
      resolve: (c) => c.dueAt,
    }),
    elapsedWorkingSeconds: t.int({
      description:
        'Working seconds counted so far against the target (pauses and time outside working hours not counted).',
      resolve: (c) => Math.trunc(c.workingMillisUsed / 1000),
    }),
    secondsRemaining: t.int({
      description: 'Working seconds left before the target; negative by the overrun once breached.',
      resolve: (c) => Math.trunc(c.workingMillisRemaining / 1000),
    }),
    breached: t.boolean({
      description: 'True once more time was used than the target allows.',
      resolve: (c) => c.breached,
    }),
    stoppedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the clock stopped, if it has.',
      resolve: (c) => c.stoppedAt,
    }),
    pauses: t.field({
      type: [SlaPauseRef],
      description: 'Every pause, oldest first, with its reason.',
      resolve: (c) => c.pauses,
    }),
    pausedSeconds: t.int({
      description: 'Time spent waiting on the customer, not counted against the target.',
      resolve: (c) => Math.trunc(c.pausedMillis / 1000),
    }),
    targetSeconds: t.int({
      description: 'The target as a budget of working (or, for elapsed minutes, real) seconds, fixed at raising.',
      resolve: (c) => Math.trunc(c.targetMillis / 1000),
    }),
    slaVersion: t.int({
      description: 'The version of the SLA definition the clock counts against (pinned when the request was raised).',
      resolve: (c) => c.slaVersion,
    }),
    workingDayConvention: t.field({
      type: WorkingDayConventionEnum,
      nullable: true,
      description:
        'What its working-days target means (see WorkingDayConvention); null when the target is not in working days.',
      resolve: (c) => c.convention,
    }),
    calendarVersion: t.int({
      nullable: true,
      description:
        'The version of the organisation nation bank-holiday calendar the due time was computed on (see `bankHolidayCalendars`); the newest, so a holiday added moves the due time of every open request. Null for an elapsed-minutes target, which no calendar affects (and in a database whose calendars were never loaded, where the clock counts on the built-in generator).',
      resolve: (c) => c.calendarVersion,
    }),
  }),
});

interface ClockSource {
  raisedAt: Date;
  statusChanges: StatusChange[];
  slaDefinition: SlaDefinition;
  organisation: {
    nation: 'england_and_wales' | 'scotland' | 'northern_ireland';
    /** Null only in a database migrated but never seeded: the clock then counts on the generator's days. */
    calendar: { version: number; holidayEpochDays: number[] } | null;
  };
}

function viewOf(clock: SlaClock, request: ClockSource, unit: SlaDefinition['fulfilmentUnit']): SlaClockView {
  return {
    ...clock,
    slaVersion: request.slaDefinition.version,
    convention: unit === 'working_days' ? request.slaDefinition.workingDayConvention : null,
    calendarVersion: unit === 'elapsed_minutes' ? null : (request.organisation.calendar?.version ?? null),
  };
}

/**
 * The fulfilment clock at `now`: stops at resolution, pauses while waiting on the customer. Only
 * the history up to `now` counts, so an earlier `now` reads the clock as it stood then.
 */
export function fulfilmentClock(request: ClockSource, now: Date): SlaClockView {
  const { fulfilmentUnit: unit, fulfilmentAmount: amount, workingDayConvention: convention } = request.slaDefinition;
  const clock = computeSlaClock({
    target: { unit, amount, convention },
    nation: request.organisation.nation,
    holidayEpochDays: request.organisation.calendar?.holidayEpochDays,
    raisedAt: request.raisedAt,
    history: request.statusChanges
      .filter((change) => change.changedAt >= request.raisedAt && change.changedAt <= now)
      .map((change) => ({ status: change.status, at: change.changedAt, reason: change.reason ?? undefined })),
    now,
  });
  return viewOf(clock, request, unit);
}

/** The first-response clock at `now`, when the SLA has one: stops at the first move out of `new` by then. */
export function responseClock(request: ClockSource, now: Date): SlaClockView | null {
  const { responseUnit, responseAmount, workingDayConvention: convention } = request.slaDefinition;
  if (!responseUnit || responseAmount === null) return null;
  const firstResponse = request.statusChanges.find((change) => change.status !== 'new' && change.changedAt <= now);
  const clock = computeSlaClock({
    target: { unit: responseUnit, amount: responseAmount, convention },
    nation: request.organisation.nation,
    holidayEpochDays: request.organisation.calendar?.holidayEpochDays,
    raisedAt: request.raisedAt,
    history: firstResponse ? [{ status: 'resolved', at: firstResponse.changedAt }] : [],
    now,
  });
  return viewOf(clock, request, responseUnit);
}
