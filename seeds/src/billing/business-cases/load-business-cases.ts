import type { PlatformTransaction } from '@ssp/core';
import { tables } from '@ssp/schema';
import { v5 as uuidv5 } from 'uuid';
import { seedOrganisationId } from '../../organisations/seed-organisation-ids.ts';
import { SEED_BUSINESS_CASES, type SeedBusinessCase, seedPence } from './business-case-seeds.ts';

// The organisations' namespace, so every seeded id comes from one place; the prefixes keep the
// kinds apart.
const SEED_NAMESPACE = '6f1c2a8e-4b7d-5e3f-9a10-2c4d6e8f0a1b';

/** The fixed id of a seeded business case, or of one of its parts. */
export function seedBusinessCaseId(caseKey: string, part?: string): string {
  return uuidv5(part ? `business-case:${caseKey}:${part}` : `business-case:${caseKey}`, SEED_NAMESPACE);
}

/** The rows of one seeded case. */
export function businessCaseRows(seed: SeedBusinessCase) {
  const tenantId = seedOrganisationId(seed.organisationSlug);
  const caseId = seedBusinessCaseId(seed.key);
  const workstreamId = (key: string) => seedBusinessCaseId(seed.key, `workstream:${key}`);
  const lineId = (key: string) => seedBusinessCaseId(seed.key, `line:${key}`);
  const figureId = (key: string) => seedBusinessCaseId(seed.key, `stated:${key}`);
  const knownLines = new Set(seed.lines.map((line) => line.key));
  const knownWorkstreams = new Set(seed.workstreams.map((workstream) => workstream.key));

  return {
    businessCase: {
      tenantId,
      id: caseId,
      title: seed.title,
      summary: seed.summary,
      source: seed.document,
      firstFiscalYear: seed.firstFiscalYear,
      termYears: seed.termYears,
      createdBy: 'seed-loader',
      idempotencyKey: `seed:business-case:${seed.key}`,
      inputHash: 'seed',
    },
    workstreams: seed.workstreams.map((workstream, index) => ({
      tenantId,
      id: workstreamId(workstream.key),
      businessCaseId: caseId,
      position: index + 1,
      name: workstream.name,
      savingsLowPence: workstream.low === null ? null : seedPence(workstream.low, 'pounds'),
      savingsHighPence: workstream.high === null ? null : seedPence(workstream.high, 'pounds'),
    })),
    lines: seed.lines.map((line, index) => {
      if (line.workstream !== null && !knownWorkstreams.has(line.workstream)) {
        throw new Error(`Seed line ${line.key} names an unknown workstream ${line.workstream}`);
      }
      return {
        tenantId,
        id: lineId(line.key),
        businessCaseId: caseId,
        workstreamId: line.workstream === null ? null : workstreamId(line.workstream),
        position: index + 1,
        name: line.name,
        kind: line.kind,
        recurrence: line.recurrence,
        cashable: line.cashable,
        termAmountPence: line.term === undefined ? null : seedPence(line.term, line.writtenAs),
        note: line.note ?? null,
      };
    }),
    amounts: seed.lines.flatMap((line) =>
      (line.profile ?? []).flatMap((amount, index) =>
        amount === 0
          ? []
          : [
              {
                tenantId,
                lineId: lineId(line.key),
                yearNumber: index + 1,
                amountPence: seedPence(amount, line.writtenAs),
              },
            ],
      ),
    ),
    statedFigures: seed.statedFigures.map((figure, index) => ({
      tenantId,
      id: figureId(figure.key),
      businessCaseId: caseId,
      position: index + 1,
      label: figure.label,
      measure: figure.measure,
      yearNumber: figure.year ?? null,
      amountPence: figure.amount === undefined ? null : seedPence(figure.amount, figure.writtenAs ?? 'pounds'),
      months: figure.months ?? null,
      comparator: figure.comparator ?? ('exactly' as const),
      quote: figure.quote,
    })),
    statedFigureLines: seed.statedFigures.flatMap((figure) =>
      (figure.lines ?? []).map((key) => {
        if (!knownLines.has(key)) throw new Error(`Seed figure ${figure.key} names an unknown line ${key}`);
        return { tenantId, statedFigureId: figureId(figure.key), lineId: lineId(key) };
      }),
    ),
  };
}

/**
 * Loads the seeded business cases (Northumberland, North East Lincolnshire Care Trust Plus,
 * Lincolnshire) with fixed ids. A case already there is left as it is: loading again changes
 * nothing.
 */
export async function loadBusinessCases(tx: PlatformTransaction): Promise<{ businessCases: number }> {
  let inserted = 0;
  for (const seed of SEED_BUSINESS_CASES) {
    const rows = businessCaseRows(seed);
    const created = await tx
      .insert(tables.businessCases)
      .values(rows.businessCase)
      .onConflictDoNothing()
      .returning({ id: tables.businessCases.id });
    if (created.length === 0) continue;
    inserted += 1;
    if (rows.workstreams.length > 0) await tx.insert(tables.businessCaseWorkstreams).values(rows.workstreams);
    await tx.insert(tables.businessCaseLines).values(rows.lines);
    if (rows.amounts.length > 0) await tx.insert(tables.businessCaseLineAmounts).values(rows.amounts);
    if (rows.statedFigures.length > 0) await tx.insert(tables.businessCaseStatedFigures).values(rows.statedFigures);
    if (rows.statedFigureLines.length > 0) {
      await tx.insert(tables.businessCaseStatedFigureLines).values(rows.statedFigureLines);
    }
  }
  return { businessCases: inserted };
}
