import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { PGlite } from '@electric-sql/pglite';
import { EmbeddedDatabase } from '@ssp/core';
import { loadSeedData } from '@ssp/seeds';
let t = performance.now();
const lap = (label: string) => { const n = performance.now(); console.log(label, (n - t).toFixed(0)); t = n; };
const dumpFile = '/tmp/kit/template.tar';
if (!existsSync(dumpFile)) {
  const template = await EmbeddedDatabase.open();
  await template.migrate();
  await loadSeedData(template);
  await template.client.query('checkpoint');
  const dump = await template.client.dumpDataDir('none');
  writeFileSync(dumpFile, Buffer.from(await dump.arrayBuffer()));
  await template.close();
  lap('template');
}
const bytes = readFileSync(dumpFile);
const dist = '/work/wt-kit/node_modules/.pnpm/@electric-sql+pglite@0.5.16/node_modules/@electric-sql/pglite/dist';
for (let i = 0; i < 2; i++) { const c = await PGlite.create({ loadDataDir: new Blob([bytes]) }); lap('A loadDataDir'); await c.query('select 1'); await c.close(); t = performance.now(); }
const wasm = await WebAssembly.compile(readFileSync(join(dist, 'pglite.wasm')));
const fsBundle = new Blob([readFileSync(join(dist, 'pglite.data'))]);
lap('compile');
for (let i = 0; i < 2; i++) { const c = await PGlite.create({ loadDataDir: new Blob([bytes]), pgliteWasmModule: wasm, fsBundle }); lap('B +wasm+bundle'); await c.query('select 1'); await c.close(); t = performance.now(); }
// C: a data dir on disk
const dirTemplate = mkdtempSync(join(tmpdir(), 'kit-tpl-'));
{ const c = await PGlite.create({ dataDir: dirTemplate, loadDataDir: new Blob([bytes]) }); await c.close(); lap('C write dir'); }
for (let i = 0; i < 2; i++) {
  const copy = mkdtempSync(join(tmpdir(), 'kit-copy-'));
  cpSync(dirTemplate, copy, { recursive: true });
  lap('C copy');
  const c = await PGlite.create({ dataDir: copy, pgliteWasmModule: wasm, fsBundle });
  lap('C open dir');
  const s = performance.now();
  await c.query('select count(*) from organisations');
  lap('C query');
  await c.close();
  rmSync(copy, { recursive: true, force: true });
  t = performance.now();
}
