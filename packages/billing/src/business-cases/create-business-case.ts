import { randomUUID } from 'node:crypto';
import * as tables from '@ssp/billing-tables';
import {
  checkIdempotencyKey,
  idempotencyInputHash,
  insertOnce,
  MAX_START_YEAR,
  type MutationCaller,
  money,
  type PlatformTransaction,
  parseFiscalYear,
  ValidationError,
} from '@ssp/core';
import { auditActor, recordAuditEvents } from '@ssp/tenants';
import { findVisibleOrganisation } from '../access/billing-access.ts';

import type { Comparator, Measure } from './stated-figures.ts';

export type BusinessCaseRow = typeof tables.businessCases.$inferSelect;

export interface WorkstreamInput {
  key: string;
  name: string;
  savingsLow?: string | null;
  savingsHigh?: string | null;
}

export interface LineInput {
  key?: string | null;
  workstreamKey?: string | null;
  name: string;
  kind: 'saving' | 'investment';
  recurrence: 'recurring' | 'one_off';
  cashable: boolean;
  profile?: readonly { year: number; amount: string }[] | null;
  termAmount?: string | null;
  note?: string | null;
}

export interface StatedFigureInput {
  label: string;
  measure: Measure;
  year?: number | null;
  amount?: string | null;
  months?: number | null;
  comparator?: Comparator | null;
  quote: string;
  lineKeys?: readonly string[] | null;
}

export interface CreateBusinessCaseInput {
  organisationId: string;
  title: string;
  summary?: string | null;
  source?: string | null;
  firstFiscalYear?: string | null;
  termYears: number;
  workstreams: readonly WorkstreamInput[];
  lines: readonly LineInput[];
  statedFigures?: readonly StatedFigureInput[] | null;
  idempotencyKey: string;
}

const MAX_YEARS = 50;
const LIMITS = { workstreams: 100, lines: 1000, statedFigures: 500, profileYears: MAX_YEARS } as const;

function text(
  value: string | null | undefined,
  field: string,
  what: string,
  options: { max: number; required: boolean },
) {
  const trimmed = value?.trim() ?? '';
  if (trimmed === '' && options.required) throw new ValidationError(`Give ${what}`, field);
  if (trimmed.length > options.max) throw new ValidationError(`${what} is at most ${options.max} characters`, field);
  return trimmed;
}

function year(value: number, field: string): number {
  if (!Number.isInteger(value) || value < 1 || value > MAX_YEARS) {
    throw new ValidationError(`Years are numbered 1 to ${MAX_YEARS}`, field);
  }
  return value;
}

function amountOf(value: string, field: string): bigint {
  return money.parseMoney(value, { field }).pence;
}

/** The rows a valid input becomes, every id chosen here so the whole case goes in a few statements. */
function plan(tenantId: string, caseId: string, input: CreateBusinessCaseInput) {
  if (input.workstreams.length > LIMITS.workstreams) {
    throw new ValidationError(`A case has at most ${LIMITS.workstreams} workstreams`, 'input.workstreams');
  }
  if (input.lines.length === 0 || input.lines.length > LIMITS.lines) {
    throw new ValidationError(`A case has 1 to ${LIMITS.lines} lines`, 'input.lines');
  }
  const stated = input.statedFigures ?? [];
  if (stated.length > LIMITS.statedFigures) {
    throw new ValidationError(`A case has at most ${LIMITS.statedFigures} stated figures`, 'input.statedFigures');
  }

  const workstreamIds = new Map<string, string>();
  const workstreams = input.workstreams.map((workstream, index) => {
    const field = `input.workstreams.${index}`;
    const key = text(workstream.key, `${field}.key`, 'the workstream a key', { max: 100, required: true });
    if (workstreamIds.has(key)) throw new ValidationError(`Workstream key "${key}" is used twice`, `${field}.key`);
    const id = randomUUID();
    workstreamIds.set(key, id);
    const low = workstream.savingsLow == null ? null : amountOf(workstream.savingsLow, `${field}.savingsLow`);
    const high = workstream.savingsHigh == null ? null : amountOf(workstream.savingsHigh, `${field}.savingsHigh`);
    if (low !== null && high !== null && high < low) {
      throw new ValidationError('The high savings figure is below the low one', `${field}.savingsHigh`);
    }
    if (high !== null && low === null) {
      throw new ValidationError('Give the low savings figure with the high one', `${field}.savingsLow`);
    }
    return {
      tenantId,
      id,
      businessCaseId: caseId,
      position: index + 1,
      name: text(workstream.name, `${field}.name`, 'the workstream a name', { max: 200, required: true }),
      savingsLowPence: low,
      savingsHighPence: high,
    };
  });

  const lineIds = new Map<string, string>();
  const amounts: (typeof tables.businessCaseLineAmounts.$inferInsert)[] = [];
  const lines = input.lines.map((line, index) => {
    const field = `input.lines.${index}`;
    const id = randomUUID();
    if (line.key != null) {
      const key = text(line.key, `${field}.key`, 'the line a key', { max: 100, required: true });
      if (lineIds.has(key)) throw new ValidationError(`Line key "${key}" is used twice`, `${field}.key`);
      lineIds.set(key, id);
    }
    let workstreamId: string | null = null;
    if (line.workstreamKey != null) {
      workstreamId = workstreamIds.get(line.workstreamKey) ?? null;
      if (workstreamId === null) {
        throw new ValidationError(`No workstream has the key "${line.workstreamKey}"`, `${field}.workstreamKey`);
      }
    }
    if (line.kind === 'investment' && !line.cashable) {
      throw new ValidationError('An investment is cash: only savings may be non-cashable', `${field}.cashable`);
    }
    const profile = line.profile ?? [];
    const hasTerm = line.termAmount != null;
    if (hasTerm === profile.length > 0) {
      throw new ValidationError('Give either a year profile or a total over the term, not both or neither', field);
    }
    if (profile.length > LIMITS.profileYears) {
      throw new ValidationError(`A profile has at most ${LIMITS.profileYears} years`, `${field}.profile`);
    }
    const seen = new Set<number>();
    profile.forEach((entry, position) => {
      const yearNumber = year(entry.year, `${field}.profile.${position}.year`);
      if (seen.has(yearNumber))
        throw new ValidationError(`Year ${yearNumber} appears twice`, `${field}.profile.${position}.year`);
      seen.add(yearNumber);
      amounts.push({
        tenantId,
        lineId: id,
        yearNumber,
        amountPence: amountOf(entry.amount, `${field}.profile.${position}.amount`),
      });
    });
    return {
      tenantId,
      id,
      businessCaseId: caseId,
      workstreamId,
      position: index + 1,
      name: text(line.name, `${field}.name`, 'the line a name', { max: 300, required: true }),
      kind: line.kind,
      recurrence: line.recurrence,
      cashable: line.cashable,
      termAmountPence: hasTerm ? amountOf(line.termAmount as string, `${field}.termAmount`) : null,
      note: text(line.note, `${field}.note`, 'The note', { max: 2000, required: false }) || null,
    };
  });

  const figureLines: (typeof tables.businessCaseStatedFigureLines.$inferInsert)[] = [];
  const figures = stated.map((figure, index) => {
    const field = `input.statedFigures.${index}`;
    const id = randomUUID();
    const payback = figure.measure === 'payback_months';
    if (payback) {
      if (figure.months == null || !Number.isInteger(figure.months) || figure.months < 0 || figure.months > 1200) {
        throw new ValidationError('A stated payback period is a whole number of months (0-1200)', `${field}.months`);
      }
      if (figure.amount != null)
        throw new ValidationError('A payback period is stated in months, not money', `${field}.amount`);
    } else {
      if (figure.amount == null) throw new ValidationError('Give the stated amount', `${field}.amount`);
      if (figure.months != null)
        throw new ValidationError('Only a payback period is stated in months', `${field}.months`);
    }
    const keys = figure.lineKeys ?? [];
    if (figure.measure === 'lines_total') {
      if (keys.length === 0) throw new ValidationError('Name the lines this total adds up', `${field}.lineKeys`);
      const unique = new Set(keys);
      for (const key of unique) {
        const lineId = lineIds.get(key);
        if (!lineId) throw new ValidationError(`No line has the key "${key}"`, `${field}.lineKeys`);
        figureLines.push({ tenantId, statedFigureId: id, lineId });
      }
    } else {
      if (keys.length > 0) throw new ValidationError('Only a lines total names lines', `${field}.lineKeys`);
      if (figure.year != null) throw new ValidationError('Only a lines total is stated for one year', `${field}.year`);
    }
    return {
      tenantId,
      id,
      businessCaseId: caseId,
      position: index + 1,
      label: text(figure.label, `${field}.label`, 'the stated figure a label', { max: 300, required: true }),
      measure: figure.measure,
      yearNumber: figure.year == null ? null : year(figure.year, `${field}.year`),
      amountPence: payback ? null : amountOf(figure.amount as string, `${field}.amount`),
      months: payback ? (figure.months as number) : null,
      comparator: figure.comparator ?? 'exactly',
      quote: text(figure.quote, `${field}.quote`, 'the quote the figure comes from', { max: 2000, required: true }),
    };
  });

  return { workstreams, lines, amounts, figures, figureLines };
}

/**
 * Records a business case with its workstreams, lines, profiles and stated figures, all or nothing.
 * Every amount goes through parseMoney (two decimals at most, not negative, within range). Only
 * lines are stored: every total is computed from them when read. Idempotent by key: the same key
 * and input return the first case, another input under the key is a ConflictError.
 */
export async function createBusinessCase(
  tx: PlatformTransaction,
  caller: MutationCaller,
  input: CreateBusinessCaseInput,
): Promise<{ businessCase: BusinessCaseRow; replayed: boolean }> {
  const organisation = await findVisibleOrganisation(tx, input.organisationId);
  const idempotencyKey = checkIdempotencyKey(input.idempotencyKey);
  const title = text(input.title, 'input.title', 'the case a title', { max: 300, required: true });
  const summary = text(input.summary, 'input.summary', 'The summary', { max: 10_000, required: false });
  const source = text(input.source, 'input.source', 'The source', { max: 1000, required: false }) || null;
  const firstFiscalYear =
    input.firstFiscalYear == null
      ? null
      : parseFiscalYear(input.firstFiscalYear, { field: 'input.firstFiscalYear' }).startYear;
  if (!Number.isInteger(input.termYears) || input.termYears < 1 || input.termYears > MAX_YEARS) {
    throw new ValidationError(`The term is 1 to ${MAX_YEARS} years`, 'input.termYears');
  }
  const caseId = randomUUID();
  const rows = plan(input.organisationId, caseId, input);
  if (firstFiscalYear !== null) {
    const lastYearNumber = Math.max(input.termYears, ...rows.amounts.map((amount) => amount.yearNumber));
    if (firstFiscalYear + lastYearNumber - 1 > MAX_START_YEAR) {
      throw new ValidationError(
        `The case would run beyond the fiscal years supported (to ${MAX_START_YEAR})`,
        'input.firstFiscalYear',
      );
    }
  }
  const inputHash = idempotencyInputHash([
    input.organisationId,
    title,
    summary,
    source,
    firstFiscalYear,
    input.termYears,
    input.workstreams,
    input.lines,
    input.statedFigures ?? [],
  ]);
  const { row, replayed } = await insertOnce(tx, tables.businessCases, {
    tenantId: input.organisationId,
    id: caseId,
    title,
    summary,
    source,
    firstFiscalYear,
    termYears: input.termYears,
    createdBy: caller.actor.principal.subject,
    idempotencyKey,
    inputHash,
  });
  if (replayed) return { businessCase: row, replayed };
  if (rows.workstreams.length > 0) await tx.insert(tables.businessCaseWorkstreams).values(rows.workstreams);
  await tx.insert(tables.businessCaseLines).values(rows.lines);
  if (rows.amounts.length > 0) await tx.insert(tables.businessCaseLineAmounts).values(rows.amounts);
  if (rows.figures.length > 0) await tx.insert(tables.businessCaseStatedFigures).values(rows.figures);
  if (rows.figureLines.length > 0) await tx.insert(tables.businessCaseStatedFigureLines).values(rows.figureLines);
  await recordAuditEvents(tx, auditActor(caller), [
    {
      organisationId: organisation.id,
      action: 'business_case.created',
      targetType: 'business_case',
      targetId: row.id,
      after: { title: row.title, lines: input.lines.length },
    },
  ]);
  return { businessCase: row, replayed };
}
