import { money } from '@ssp/core';
import type { CaseLine, CaseShape } from './business-case-figures.ts';
import type { Comparator, Measure, StatedFigure } from './stated-figures.ts';

/**
 * What the figures need from the database, as a plugin-drizzle selection: one statement loads a
 * case with its workstreams, lines, profiles and stated figures however many there are.
 */
export const businessCaseShapeSelection = {
  columns: { termYears: true, firstFiscalYear: true },
  with: {
    workstreams: { orderBy: { position: 'asc' as const } },
    lines: { orderBy: { position: 'asc' as const }, with: { amounts: { orderBy: { yearNumber: 'asc' as const } } } },
    statedFigures: { orderBy: { position: 'asc' as const }, with: { lines: true } },
  },
} as const;

type Pence = bigint | number | string;

export interface BusinessCaseShapeRow {
  termYears: number;
  workstreams: readonly {
    id: string;
    name: string;
    savingsLowPence: Pence | null;
    savingsHighPence: Pence | null;
  }[];
  lines: readonly {
    id: string;
    workstreamId: string | null;
    name: string;
    kind: CaseLine['kind'];
    recurrence: CaseLine['recurrence'];
    cashable: boolean;
    termAmountPence: Pence | null;
    amounts: readonly { yearNumber: number; amountPence: Pence }[];
  }[];
}

export interface StatedFigureRow {
  id: string;
  label: string;
  measure: Measure;
  yearNumber: number | null;
  amountPence: Pence | null;
  months: number | null;
  comparator: Comparator;
  quote: string;
  lines: readonly { lineId: string }[];
}

const pence = (value: Pence): bigint => money.fromPence(value).pence;
const optionalPence = (value: Pence | null): bigint | null => (value === null ? null : pence(value));

/** The figures' view of a loaded case. */
export function businessCaseShape(row: BusinessCaseShapeRow): CaseShape {
  return {
    termYears: row.termYears,
    workstreams: row.workstreams.map((workstream) => ({
      id: workstream.id,
      name: workstream.name,
      savingsLowPence: optionalPence(workstream.savingsLowPence),
      savingsHighPence: optionalPence(workstream.savingsHighPence),
    })),
    lines: row.lines.map((line) => ({
      id: line.id,
      workstreamId: line.workstreamId,
      name: line.name,
      kind: line.kind,
      recurrence: line.recurrence,
      cashable: line.cashable,
      termAmountPence: optionalPence(line.termAmountPence),
      profile: new Map(line.amounts.map((amount) => [amount.yearNumber, pence(amount.amountPence)])),
    })),
  };
}

export function statedFigures(rows: readonly StatedFigureRow[]): StatedFigure[] {
  return rows.map((row) => ({
    id: row.id,
    label: row.label,
    measure: row.measure,
    yearNumber: row.yearNumber,
    amountPence: optionalPence(row.amountPence),
    months: row.months,
    comparator: row.comparator,
    quote: row.quote,
    lineIds: row.lines.map((line) => line.lineId),
  }));
}
