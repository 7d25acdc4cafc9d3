// pgl-rls: pgl.mjs for any database whose row-level security reads one tenant setting. The same
// PostGraphile 5 amber preset and grafserv on node:http; the x-tenant-id header becomes
// pgSettings { role: PGL_ROLE, [PGL_TENANT_SETTING]: tenant }, applied per request as
// begin; select set_config(...) (bound, local); ...; commit.
// Overlay (packages/gateway/bench/perf-harness in the product): an x-tenant-ids header (comma-
// separated uuids, each checked) sets several tenants at once, as the product's delegations do;
// and a smart tag renames the records' application_stage enum, whose GraphQL name otherwise
// collides with the application_stages table's (PostGraphile then builds no schema at all).
//   PGL_ROLE            role to run as (default app_user)
//   PGL_TENANT_SETTING  the setting the policies read (default app.tenant_id)
//   PGL_SCHEMAS         comma-separated schemas to expose (default public)
import { createServer } from 'node:http';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { jsonPgSmartTags } from 'postgraphile/utils';
import { makePool, serve, settings, tenantFrom } from './common.mjs';

const role = process.env.PGL_ROLE ?? 'app_user';
const tenantSetting = process.env.PGL_TENANT_SETTING ?? 'app.tenant_id';
const schemas = (process.env.PGL_SCHEMAS ?? 'public')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);

const pool = makePool();

/** The tenants of an x-tenant-ids header (every one a uuid), or of x-tenant-id; null when invalid. */
function tenantsFrom(headers) {
  const list = headers?.['x-tenant-ids'];
  if (typeof list === 'string') {
    const ids = list.split(',').map(tenantFrom);
    return ids.length > 0 && ids.every(Boolean) ? ids.join(',') : null;
  }
  return tenantFrom(headers?.['x-tenant-id']);
}

// Renamed for PostGraphile only (the product's schema and tables are untouched): the records'
// application_stage enum, whose GraphQL name collides with the application_stages table's (no
// schema at all otherwise), and the subscriptions table, whose type would be GraphQL's own
// Subscription root type (PostGraphile then drops the table's type and its connections).
const RenameCollidingTypes = jsonPgSmartTags({
  version: 1,
  config: {
    type: { application_stage: { tags: { name: 'RecordApplicationStage' } } },
    class: { subscriptions: { tags: { name: 'service_subscriptions' } } },
  },
});

/** @type {GraphileConfig.Preset} */
const preset = {
  extends: [PostGraphileAmberPreset],
  plugins: [RenameCollidingTypes],
  pgServices: [
    makePgService({
      pool,
      schemas,
      // An unknown tenant sets '' (the policies must then see no rows).
      pgSettings: (requestContext) => ({
        role,
        [tenantSetting]: tenantsFrom(requestContext.node?.req?.headers) ?? '',
      }),
    }),
  ],
  grafserv: { graphqlPath: '/graphql', graphiql: false, watch: false },
  grafast: { explain: false },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = createServer();
serv.addTo(server).catch((err) => {
  console.error(`[${settings.name}] ${err.message}`);
  process.exit(1);
});

serve(server, { onClose: () => pgl.release().then(() => pool.end()) });
