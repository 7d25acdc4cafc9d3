import { EmbeddedDatabase } from '@ssp/core';
import { loadSeedData } from '@ssp/seeds';
import { PGlite } from '@electric-sql/pglite';
let t = performance.now();
const lap = (label: string) => { const n = performance.now(); console.log(label, (n - t).toFixed(0)); t = n; };
const template = await EmbeddedDatabase.open();
await template.migrate();
await loadSeedData(template);
lap('template');
const plain = new Uint8Array(await (await template.client.dumpDataDir('none')).arrayBuffer());
lap('dump plain');
await template.client.query('checkpoint');
const checkpointed = new Uint8Array(await (await template.client.dumpDataDir('none')).arrayBuffer());
lap('dump after checkpoint');
await template.client.query('vacuum analyze');
await template.client.query('checkpoint');
const vacuumed = new Uint8Array(await (await template.client.dumpDataDir('none')).arrayBuffer());
lap('dump after vacuum');
console.log('sizes', plain.length / 1e6, checkpointed.length / 1e6, vacuumed.length / 1e6);
for (const [label, bytes] of [['plain', plain], ['checkpointed', checkpointed], ['vacuumed', vacuumed], ['plain', plain], ['checkpointed', checkpointed], ['vacuumed', vacuumed]] as const) {
  t = performance.now();
  const c = await PGlite.create({ loadDataDir: new Blob([bytes]) });
  lap(`open ${label}`);
  await c.query("select count(*) from organisations");
  lap(`  q ${label}`);
  await c.close();
}
