import { ValidationError } from '@ssp/core';
import type * as tables from '@ssp/shared-support-tables';

export type RecoveryCategory = (typeof tables.recoveryItemCategory.enumValues)[number];
export type RecoveryOutcome = (typeof tables.recoveryTestOutcome.enumValues)[number];

export interface RecoveryItemInput {
  name: string;
  category: RecoveryCategory;
  priority: number;
  rtoHours: number | null;
  rpoHours: number | null;
}

export function checkItem(item: RecoveryItemInput, field: string) {
  if (item.name.trim() === '') throw new ValidationError('Name what must be recovered', `${field}.name`);
  if (!Number.isInteger(item.priority) || item.priority < 1 || item.priority > 99) {
    throw new ValidationError('Priorities run from 1 (first) to 99', `${field}.priority`);
  }
  for (const key of ['rtoHours', 'rpoHours'] as const) {
    const value = item[key];
    if (value !== null && (!Number.isInteger(value) || value < 0 || value > 8760)) {
      throw new ValidationError('Objectives are whole hours, 0 to 8,760 (a year)', `${field}.${key}`);
    }
  }
}

export function checkInterval(days: number, field: string) {
  if (!Number.isInteger(days) || days < 1 || days > 1096) {
    throw new ValidationError('Test intervals are 1 to 1,096 days (three years)', field);
  }
}
