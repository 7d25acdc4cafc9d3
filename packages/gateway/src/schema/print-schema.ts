// Writes the printed schema to schema.graphql at the repository root (a test checks it is current).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { printSchema } from 'graphql';
import { platformSchema } from '../graphql/platform-schema.ts';

export const schemaFile = fileURLToPath(new URL('../../../../schema.graphql', import.meta.url));
writeFileSync(schemaFile, `${printSchema(platformSchema())}\n`);
process.stdout.write(`Wrote ${schemaFile}\n`);
