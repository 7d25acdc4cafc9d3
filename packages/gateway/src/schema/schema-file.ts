import { fileURLToPath } from 'node:url';
import { printSchema } from 'graphql';
import { platformSchema } from '../graphql/platform-schema.ts';

/** `schema.graphql` at the repository root: the printed schema, checked in. */
export const schemaFile = fileURLToPath(new URL('../../../../schema.graphql', import.meta.url));

export function printedSchema(): string {
  return `${printSchema(platformSchema())}\n`;
}
