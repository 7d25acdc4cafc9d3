import { builder } from '@ssp/schema';
import type * as tables from '@ssp/services-tables';
import { computeSlaClock, type SlaClock } from './sla-clock.ts';

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

export const SlaClockRef = builder.objectRef<SlaClock>('SlaClock').implement({
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
  }),
});

interface ClockSource {
  raisedAt: Date;
  statusChanges: StatusChange[];
  slaDefinition: SlaDefinition;
  organisation: { nation: 'england_and_wales' | 'scotland' | 'northern_ireland' };
}

/**
 * The fulfilment clock at `now`: stops at resolution, pauses while waiting on the customer. Only
 * the history up to `now` counts, so an earlier `now` reads the clock as it stood then.
 */
export function fulfilmentClock(request: ClockSource, now: Date): SlaClock {
  return computeSlaClock({
    target: { unit: request.slaDefinition.fulfilmentUnit, amount: request.slaDefinition.fulfilmentAmount },
    nation: request.organisation.nation,
    raisedAt: request.raisedAt,
    history: request.statusChanges
      .filter((change) => change.changedAt >= request.raisedAt && change.changedAt <= now)
      .map((change) => ({ status: change.status, at: change.changedAt, reason: change.reason ?? undefined })),
    now,
  });
}

/** The first-response clock at `now`, when the SLA has one: stops at the first move out of `new` by then. */
export function responseClock(request: ClockSource, now: Date): SlaClock | null {
  const { responseUnit, responseAmount } = request.slaDefinition;
  if (!responseUnit || responseAmount === null) return null;
  const firstResponse = request.statusChanges.find((change) => change.status !== 'new' && change.changedAt <= now);
  return computeSlaClock({
    target: { unit: responseUnit, amount: responseAmount },
    nation: request.organisation.nation,
    raisedAt: request.raisedAt,
    history: firstResponse ? [{ status: 'resolved', at: firstResponse.changedAt }] : [],
    now,
  });
}
