import { randomUUID } from 'node:crypto';
import type { ExecutionResult } from 'graphql';

/**
 * A root field's answer as the JSON text PostgreSQL wrote, kept as text: parsed by `pg` and
 * written again by yoga, the ~28 KB of a page of requests cost two full passes over it on every
 * request. `toJSON` gives the value to anything that serialises it another way.
 */
export class RawJson {
  constructor(readonly text: string) {}

  toJSON(): unknown {
    return JSON.parse(this.text);
  }
}

// Stands in for each raw answer while the rest of the result is serialised (random per process,
// so that no value of an answer can spell it).
const MARK = `__ssp_raw_json_${randomUUID().replaceAll('-', '')}_`;

/**
 * Serialises an execution result whose data holds RawJson values at its top level: the rest as
 * JSON.stringify does, each raw answer spliced in as it came. Yoga calls a result's own
 * `stringify` when it has one, on the result as its plugins left it (errors, extensions).
 */
export function stringifyWithRawJson(result: ExecutionResult): string {
  const raw: string[] = [];
  const data = result.data
    ? Object.fromEntries(
        Object.entries(result.data).map(([key, value]) => {
          if (!(value instanceof RawJson)) return [key, value];
          raw.push(value.text);
          return [key, `${MARK}${raw.length - 1}`];
        }),
      )
    : result.data;
  const text = JSON.stringify({ ...result, data });
  return raw.length === 0 ? text : text.replace(new RegExp(`"${MARK}(\\d+)"`, 'g'), (_, index) => raw[Number(index)]!);
}
