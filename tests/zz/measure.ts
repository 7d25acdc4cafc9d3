import { EmbeddedDatabase, loadAppConfig, SigningKeyStore } from '@ssp/core';
import { loadSeedData } from '@ssp/seeds';
let t = performance.now();
const lap = (label: string) => { const n = performance.now(); console.log(label, (n - t).toFixed(0)); t = n; };
const { createPlatformApp } = await import('@ssp/gateway');
lap('import gateway');
const template = await EmbeddedDatabase.open();
lap('open fresh');
await template.migrate();
lap('migrate');
await loadSeedData(template);
lap('seed');
const dump = await template.client.dumpDataDir('none');
lap('dump');
await template.close();
const bytes = new Uint8Array(await dump.arrayBuffer());
console.log('size MB', (bytes.length / 1e6).toFixed(0));
for (let i = 0; i < 3; i++) {
  const db = await EmbeddedDatabase.open({ loadDataDir: new Blob([bytes]) });
  lap('open from dump');
  await db.client.query('select count(*) from organisations');
  lap('first query');
  const app = await createPlatformApp(loadAppConfig({ NODE_ENV: 'test' }), { database: db, keys: await SigningKeyStore.createInMemory() });
  lap('create app');
  await app.http.listen(0, '127.0.0.1');
  await app.http.close(1000);
  await db.close();
  lap('close');
}
