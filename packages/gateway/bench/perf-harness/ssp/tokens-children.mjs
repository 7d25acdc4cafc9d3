// The children shape's tenants file (ssp/data/parents.json in the state folder): one token per
// county council perf-parent-NNN (ssp/synthetic-children.sql), signed as ssp/tokens.mjs signs the
// councils' (the product's own TokenIssuer and key file), plus `ids`: the tenants that council's
// caller sees, read as the product's app.begin_request reads them (the council and every
// organisation delegated to it), comma-separated for PostGraphile's x-tenant-ids header.
//   PRODUCT_DIR=... node --import ./bench/deps.mjs ssp/tokens-children.mjs --database-url URL
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { DATA_DIR, importProduct, SIGNING_KEYS_FILE } from './product.mjs';

const { values } = parseArgs({
  options: {
    'database-url': {
      type: 'string',
      default: process.env.SSP_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/perf_ssp',
    },
    role: { type: 'string', default: 'requester' },
    out: { type: 'string', default: join(DATA_DIR, 'parents.json') },
    'ttl-seconds': { type: 'string', default: '86400' },
  },
});

const core = await importProduct('packages/core/src/index.ts');
const config = core.loadAppConfig({ ...process.env, SIGNING_KEYS_FILE, TOKEN_TTL_SECONDS: values['ttl-seconds'] });
const keys = await core.SigningKeyStore.openFile(config.signingKeysFile);
const issuer = new core.TokenIssuer({
  keys,
  issuer: config.tokenIssuer,
  audience: config.tokenAudience,
  ttlSeconds: config.tokenTtlSeconds,
});

const client = new pg.Client({ connectionString: values['database-url'], application_name: 'perf-tokens' });
await client.connect();
// begin_request: the organisation, then every delegated organisation other than itself.
const { rows } = await client.query(`
  select o.id, o.slug,
         array_to_string(o.id || coalesce(array_agg(d.delegated_organisation_id order by d.delegated_organisation_id)
                                            filter (where d.delegated_organisation_id <> o.id), '{}'), ',') as ids
    from organisations o left join delegations d on d.tenant_id = o.id
   where o.slug ~ '^perf-parent-[0-9]+$' group by o.id, o.slug order by o.slug`);
await client.end();
if (rows.length === 0) throw new Error('no perf-parent-* organisations: load ssp/synthetic-children.sql first');

const out = [];
for (const row of rows) {
  const { accessToken } = await issuer.issue({
    subject: `cli:${values.role}@${row.slug}`,
    organisationId: row.id,
    roles: [values.role],
  });
  out.push({ tenant: ` of ${row.slug}`, id: row.id, slug: row.slug, ids: row.ids, token: accessToken });
}
const file = resolve(values.out);
mkdirSync(dirname(file), { recursive: true });
writeFileSync(file, `${JSON.stringify(out, null, 1)}\n`, { mode: 0o600 });
console.log(
  `${out.length} council tokens (role ${values.role}), each seeing ${rows[0].ids.split(',').length} tenants, in ${values.out}`,
);
