import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
const file = process.argv[2]!;
const out: string[] = [];
for (let i = 0; i < 3; i++) {
  const t = performance.now();
  const c = await PGlite.create({ loadDataDir: new Blob([readFileSync(file)]) });
  await c.query('select count(*) from organisations');
  out.push((performance.now() - t).toFixed(0));
  await c.close();
}
console.log(file, out.join(' '));
