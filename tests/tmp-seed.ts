import { migratePostgres, ServerDatabase } from '@ssp/core';
import { loadSeedData } from '@ssp/seeds';

const url = process.argv[2]!;
await migratePostgres(url);
const db = new ServerDatabase({ databaseUrl: url, poolSize: 2, statementTimeoutMs: 60_000 });
await loadSeedData(db);
await db.close();
console.log('seeded');
