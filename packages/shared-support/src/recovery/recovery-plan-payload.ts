import type { PlatformTransaction } from '@ssp/core';
import { builder } from '@ssp/schema';
import { londonToday } from '../common/dates.ts';
import { type AsOf, PlanRef } from './recovery-type.ts';
import { loadRecoveryPlans, type PlanView } from './recovery-views.ts';

export const RecoveryPlanPayload = builder.objectRef<{ plan: PlanView & AsOf }>('RecoveryPlanPayload').implement({
  description: 'The plan.',
  fields: (t) => ({ plan: t.field({ type: PlanRef, description: 'The plan.', resolve: (p) => p.plan }) }),
});

/** A plan as its payload shows it, read after the write. */
export async function recoveryPlanPayload(tx: PlatformTransaction, memberId: string, planId: string) {
  const [plan] = await loadRecoveryPlans(tx, memberId, 1, 0, [planId]);
  if (!plan) throw new Error('The plan was not found after writing it');
  return { plan: { ...plan, asOf: londonToday() } };
}
