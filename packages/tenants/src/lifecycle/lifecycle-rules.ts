import type * as tables from '@ssp/tenants-tables';

export type LifecycleStatus = (typeof tables.lifecycleStatus.enumValues)[number];
export type LifecycleAction = 'start_onboarding' | 'activate' | 'suspend' | 'reinstate' | 'offboard';

/**
 * The moves an organisation's lifecycle allows. Offboarded is final: the records stay, nobody can
 * act for the organisation again (its tokens are refused by the actor check).
 */
const MOVES: Readonly<Record<LifecycleAction, { from: readonly LifecycleStatus[]; to: LifecycleStatus }>> = {
  start_onboarding: { from: ['prospect'], to: 'onboarding' },
  activate: { from: ['onboarding'], to: 'active' },
  suspend: { from: ['active'], to: 'suspended' },
  reinstate: { from: ['suspended'], to: 'active' },
  offboard: { from: ['onboarding', 'active', 'suspended'], to: 'offboarded' },
};

export const LIFECYCLE_ACTIONS = Object.keys(MOVES) as LifecycleAction[];

/** The actions that can follow from a status, in a stable order. */
export function nextLifecycleActions(status: LifecycleStatus): LifecycleAction[] {
  return LIFECYCLE_ACTIONS.filter((action) => MOVES[action].from.includes(status));
}

/** Where an action leads from a status, or null when it is not allowed from there. */
export function lifecycleTarget(status: LifecycleStatus, action: LifecycleAction): LifecycleStatus | null {
  const move = MOVES[action];
  return move.from.includes(status) ? move.to : null;
}
