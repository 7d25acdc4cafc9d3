// `pnpm schema:print`: rewrites schema.graphql (a test fails while it is out of date).
import { writeFileSync } from 'node:fs';
import { printedSchema, schemaFile } from './schema-file.ts';

writeFileSync(schemaFile, printedSchema());
process.stdout.write(`Wrote ${schemaFile}\n`);
