// ssp-floor-children: the children shape's floor (target ssp-floorjwt-children), as ssp-floor.mjs
// with SSP_JWT=1 is the base question's: the product's bearer token verified with the product's
// own jose (ES256, the public keys of the product's signing key file imported once), the tenant
// from its org claim; then ONE simple-protocol string: begin, role ssp_runtime, the council's
// tenant context, the same context widened by the organisations delegated to it (read under
// row-level security, as the product's app.begin_request reads them), one JSON statement that is
// the product's answer to queries/ssp-children.graphql, and commit. The tenant is inlined after
// strict uuid validation.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { importProductPackage, SIGNING_KEYS_FILE, TOKEN_AUDIENCE, TOKEN_ISSUER } from '../ssp/product.mjs';
import { drain, makePool, sendJson, serve, settings, tenantFrom } from './common.mjs';

const pool = makePool();
const jose = await importProductPackage('jose');
const file = JSON.parse(readFileSync(SIGNING_KEYS_FILE, 'utf8'));
const keySet = jose.createLocalJWKSet({ keys: file.keys.map((key) => key.publicJwk ?? key) });

async function verify(header) {
  const match = /^Bearer +([A-Za-z0-9\-._~+/]+=*)$/i.exec(header ?? '');
  if (!match) return null;
  const { payload } = await jose.jwtVerify(match[1], keySet, {
    issuer: TOKEN_ISSUER,
    audience: TOKEN_AUDIENCE,
    algorithms: ['ES256'],
    requiredClaims: ['exp', 'sub', 'iat'],
  });
  return tenantFrom(payload.org);
}

const iso = (col) => `to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const globalId = (type, col) => `encode(convert_to('${type}:' || ${col}, 'UTF8'), 'base64')`;

// The product's JSON for the children shape: children by name and id (10), their subscriptions
// oldest first (4), money as a two-place decimal string in GBP.
const answerSql = (
  tenant,
) => `select json_build_object('data', json_build_object('viewer', json_build_object('organisation',
  (select json_build_object('slug', o.slug, 'name', o.name, 'children', json_build_object('nodes', coalesce((
     select json_agg(json_build_object('id', ${globalId('Organisation', 'c.id')}, 'slug', c.slug, 'name', c.name,
              'subscriptions', json_build_object('nodes', (
                select coalesce(json_agg(json_build_object('id', ${globalId('Subscription', 's.id')},
                         'startedAt', ${iso('s.started_at')}, 'active', s.status = 'active',
                         'unitPrice', json_build_object('amount', (s.unit_price_pence::numeric / 100)::numeric(20, 2)::text, 'currency', 'GBP'),
                         'offering', json_build_object('code', f.code, 'name', f.name))
                       order by s.started_at, s.id), '[]'::json)
                  from (select * from subscriptions s where s.tenant_id = c.id order by s.started_at, s.id limit 4) s
                  join service_offerings f on f.id = s.offering_id)))
            order by c.name, c.id)
       from (select * from organisations c where c.parent_id = o.id order by c.name, c.id limit 10) c), '[]'::json)))
     from organisations o where o.id = '${tenant}'))))::text as body`;

async function answer(tenant) {
  const client = await pool.connect();
  let broken = null;
  try {
    const results = await client.query(
      `begin; set local role ssp_runtime; select set_config('app.tenant_ids', '${tenant}', true);
       select set_config('app.tenant_ids', (select string_agg(id::text, ',') from (select '${tenant}'::uuid as id
         union all select d.delegated_organisation_id from delegations d where d.tenant_id = '${tenant}'
           and d.delegated_organisation_id <> '${tenant}') t), true);
       ${answerSql(tenant)}; commit`,
    );
    return results[4].rows[0].body;
  } catch (err) {
    await client.query('rollback').catch((e) => {
      broken = e;
    });
    throw err;
  } finally {
    client.release(broken ?? undefined);
  }
}

const server = createServer(async (req, res) => {
  try {
    await drain(req);
    let tenant;
    try {
      tenant = await verify(req.headers.authorization);
    } catch {
      tenant = null;
    }
    if (!tenant) {
      sendJson(res, 401, JSON.stringify({ errors: [{ message: 'a valid bearer token is required' }] }));
      return;
    }
    sendJson(res, 200, await answer(tenant));
  } catch (err) {
    console.error(`[${settings.name}] ${err.message}`);
    sendJson(res, 500, JSON.stringify({ errors: [{ message: 'internal error' }] }));
  }
});

serve(server, { onClose: () => pool.end() });
