import { migratePostgres } from '@ssp/core';
const t = Date.now();
console.log(JSON.stringify(await migratePostgres(process.argv[2]!)), Date.now() - t);
