import { ValidationError } from '@ssp/core';
import { CsvError, parse } from 'csv-parse/sync';
import type { FieldSpec, RecordKind } from './record-kind.ts';

/**
 * Reads a CSV file of one kind's records into the rows the import takes (by field name). The
 * first line names the columns: each field's `csv` heading, and `correction` and `retraction`
 * (true/false) optionally; any order, every required one present, nothing unknown. Row 1 is the first line
 * after the headings. Cells are trimmed; an empty cell is an absent value.
 */
export function readRecordCsv(kind: RecordKind, text: string): Record<string, string>[] {
  return readFieldsCsv(kind.fields, text, ['correction', 'retraction']);
}

/** A CSV file of rows with these fields (and these further columns, by the same name) into rows. */
export function readFieldsCsv(
  fields: readonly FieldSpec[],
  text: string,
  further: readonly string[] = [],
): Record<string, string>[] {
  const byHeading = new Map<string, string>([
    ...fields.map((field) => [field.csv, field.name] as const),
    ...further.map((name) => [name, name] as const),
  ]);
  let records: Record<string, string>[];
  try {
    records = parse(text, {
      columns: (headings: string[]) => {
        const unknown = headings.filter((heading) => !byHeading.has(heading));
        if (unknown.length > 0) {
          throw new ValidationError(
            `Unknown columns: ${unknown.join(', ')} (the columns are ${[...byHeading.keys()].join(', ')})`,
            'input.csv',
          );
        }
        const missing = fields.filter((field) => field.required && !headings.includes(field.csv));
        if (missing.length > 0) {
          throw new ValidationError(`Missing columns: ${missing.map((field) => field.csv).join(', ')}`, 'input.csv');
        }
        return headings.map((heading) => byHeading.get(heading));
      },
      skip_empty_lines: true,
      trim: true,
    });
  } catch (error) {
    if (error instanceof CsvError)
      throw new ValidationError(`The CSV could not be read: ${error.message}`, 'input.csv');
    throw error;
  }
  return records;
}

/** The CSV heading of a field (problems in a file are reported by its headings). */
export function csvHeading(kind: Pick<RecordKind, 'fields'>, field: string | null): string | null {
  if (field === null) return null;
  return kind.fields.find((spec) => spec.name === field)?.csv ?? field;
}
