import type { PlatformTransaction } from '@ssp/core';
import { type LedgerFigure, loadLedgerFigures } from '../ledger/ledger-figures.ts';
import { type CaseLine, horizonYears, lineAmountInYear } from './business-case-figures.ts';
import { businessCaseShape } from './business-case-shape.ts';

/** Planned against delivered for one year. */
export interface RealisationYear {
  yearNumber: number;
  /** The fiscal year's start year; null when the case does not say when Year 1 is. */
  fiscalYear: number | null;
  /** What the case planned the linked lines to save in the year (recurring lines at their level that year). */
  plannedPence: bigint;
  /** The ledger's figures of the linked opportunities for the year, settled by the accounts. */
  deliveredActualPence: bigint;
  /** The ledger's figures still estimated. */
  deliveredEstimatedPence: bigint;
}

export interface RealisationLine {
  line: CaseLine;
  opportunityIds: string[];
  years: RealisationYear[];
}

export interface BenefitsRealisation {
  businessCaseId: string;
  firstFiscalYear: number | null;
  asOf: Date | null;
  /** The linked saving lines, each with its own years. */
  lines: RealisationLine[];
  /** The years over all linked lines; each opportunity's figure counted once. */
  years: RealisationYear[];
}

/**
 * Planned against delivered. A saving line's plan for year k is its amount in that year (its
 * profile, with recurring lines at their level that year); what was delivered is the savings
 * ledger's figure for each linked opportunity and the fiscal year Year k falls in: the latest
 * entry not reversed (as it stood at `asOf`, when given), actual and estimated added up apart.
 * Two statements whatever the size of the case: the case with its lines and links, then the
 * ledger figures of the linked opportunities.
 */
export async function benefitsRealisation(
  tx: PlatformTransaction,
  businessCaseId: string,
  asOf: Date | null,
): Promise<BenefitsRealisation | null> {
  const row = await tx.query.businessCases.findFirst({
    where: { id: businessCaseId },
    columns: { id: true, tenantId: true, termYears: true, firstFiscalYear: true },
    with: {
      workstreams: true,
      lines: {
        orderBy: { position: 'asc' },
        with: { amounts: true, opportunityLinks: { columns: { opportunityId: true } } },
      },
    },
  });
  if (!row) return null;
  const shape = businessCaseShape(row);
  const years = Array.from({ length: horizonYears(shape) }, (_, index) => index + 1);
  const fiscalYearOf = (yearNumber: number) =>
    row.firstFiscalYear === null ? null : row.firstFiscalYear + yearNumber - 1;

  const links = new Map(
    row.lines
      .filter((line) => line.kind === 'saving' && line.opportunityLinks.length > 0)
      .map((line) => [line.id, line.opportunityLinks.map((link) => link.opportunityId)]),
  );
  const opportunityIds = [...new Set([...links.values()].flat())];
  const figures: LedgerFigure[] =
    row.firstFiscalYear === null || opportunityIds.length === 0
      ? []
      : await loadLedgerFigures(tx, {
          organisationId: row.tenantId,
          opportunityIds,
          fiscalYears: years.map((year) => fiscalYearOf(year) as number),
          ...(asOf ? { asOf } : {}),
        });
  const figureOf = new Map(figures.map((figure) => [`${figure.opportunityId}:${figure.fiscalYear}`, figure]));

  const delivered = (ids: readonly string[], yearNumber: number) => {
    let actual = 0n;
    let estimated = 0n;
    const fiscalYear = fiscalYearOf(yearNumber);
    for (const id of ids) {
      const figure = fiscalYear === null ? undefined : figureOf.get(`${id}:${fiscalYear}`);
      if (!figure) continue;
      if (figure.basis === 'actual') actual += figure.amountPence;
      else estimated += figure.amountPence;
    }
    return { deliveredActualPence: actual, deliveredEstimatedPence: estimated };
  };

  const lines: RealisationLine[] = shape.lines
    .filter((line) => links.has(line.id))
    .map((line) => {
      const ids = links.get(line.id) ?? [];
      return {
        line,
        opportunityIds: ids,
        years: years.map((yearNumber) => ({
          yearNumber,
          fiscalYear: fiscalYearOf(yearNumber),
          plannedPence: lineAmountInYear(line, yearNumber, shape.termYears),
          ...delivered(ids, yearNumber),
        })),
      };
    });

  return {
    businessCaseId: row.id,
    firstFiscalYear: row.firstFiscalYear,
    asOf,
    lines,
    years: years.map((yearNumber) => ({
      yearNumber,
      fiscalYear: fiscalYearOf(yearNumber),
      plannedPence: lines.reduce((total, line) => total + (line.years[yearNumber - 1]?.plannedPence ?? 0n), 0n),
      ...delivered(opportunityIds, yearNumber),
    })),
  };
}
