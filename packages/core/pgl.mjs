import { PGlite } from '@electric-sql/pglite';

const t0 = Date.now();
const db = await PGlite.create();
console.log('create ms', Date.now() - t0);
await db.exec(`
create role rt login nosuperuser nobypassrls;
create table t (tenant_id uuid not null, id uuid not null, v text, primary key (tenant_id,id));
alter table t enable row level security; alter table t force row level security;
create schema app;
create function app.current_tenant_ids() returns uuid[] language sql stable as $$ select coalesce(string_to_array(nullif(current_setting('app.tenant_ids', true), ''), ',')::uuid[], '{}') $$;
create function app.set_tenant_context(ids uuid[]) returns void language plpgsql as $$ begin execute format('set local app.tenant_ids = %L', array_to_string(ids, ',')); end $$;
create policy p on t to rt using (tenant_id = any(app.current_tenant_ids()));
grant usage on schema app to rt; grant select, insert on t to rt;
insert into t values ('00000000-0000-0000-0000-000000000001', gen_random_uuid(), 'a'), ('00000000-0000-0000-0000-000000000002', gen_random_uuid(), 'b');
`);
await db.transaction(async (tx) => {
  await tx.query('set local role rt');
  await tx.query('select app.set_tenant_context($1)', [['00000000-0000-0000-0000-000000000001']]);
  console.log((await tx.query('select current_user, v from t')).rows);
});
console.log(
  (await db.query('select current_user, current_setting($1, true) s, count(*) from t', ['app.tenant_ids'])).rows,
);
const t1 = Date.now();
const c = await db.clone();
console.log('clone ms', Date.now() - t1, (await c.query('select count(*) from t')).rows);
