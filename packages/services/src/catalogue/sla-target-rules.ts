import { ValidationError } from '@ssp/core';
import type * as tables from '@ssp/services-tables';
import { SERVICE_ERRORS } from '../errors/service-error-codes.ts';

export type TargetUnit = (typeof tables.targetUnit.enumValues)[number];
export type WorkingDayConvention = (typeof tables.workingDayConvention.enumValues)[number];
export type IncidentPriority = (typeof tables.incidentPriority.enumValues)[number];

/** The service levels a definition sets, as a platform admin gives them. */
export interface SlaTargets {
  fulfilmentUnit: TargetUnit;
  fulfilmentAmount: number;
  responseUnit: TargetUnit | null;
  responseAmount: number | null;
  workingDayConvention: WorkingDayConvention;
}

// Bounds that keep a clock computable inside the calendars' years and catch a unit mistaken for
// another (20 working days typed as 20 elapsed minutes is allowed; 20,000 working days is not).
const MAXIMUM: Readonly<Record<TargetUnit, number>> = {
  working_days: 250,
  working_hours: 2_000,
  elapsed_minutes: 525_600,
};

function checkTarget(unit: TargetUnit, amount: number, field: string): void {
  // Zero working days is "the same working day" (the close of business on the day of receipt).
  const least = unit === 'working_days' ? 0 : 1;
  if (!Number.isInteger(amount) || amount < least || amount > MAXIMUM[unit]) {
    throw new ValidationError(
      `A ${unit.replace('_', ' ')} target is a whole number from ${least} to ${MAXIMUM[unit]}`,
      field,
      SERVICE_ERRORS.INVALID_SLA_TARGET,
    );
  }
}

/** Refuses targets out of range (INVALID_SLA_TARGET), naming the input field at fault. */
export function checkSlaTargets(targets: SlaTargets, field: string): void {
  checkTarget(targets.fulfilmentUnit, targets.fulfilmentAmount, `${field}.fulfilmentAmount`);
  if ((targets.responseUnit === null) !== (targets.responseAmount === null)) {
    throw new ValidationError(
      'Give a response target as both a unit and an amount, or neither',
      `${field}.responseAmount`,
      SERVICE_ERRORS.INVALID_SLA_TARGET,
    );
  }
  if (targets.responseUnit !== null && targets.responseAmount !== null) {
    checkTarget(targets.responseUnit, targets.responseAmount, `${field}.responseAmount`);
  }
}
