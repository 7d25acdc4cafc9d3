-- The children shape's data, beside ssp/synthetic.sql (run as superuser, once): 50 county
-- councils perf-parent-001 .. perf-parent-050, each with 10 schools beneath it (parent_id) and
-- delegated to it (delegations: the council's people act for its schools), each school with 4
-- subscriptions. A council's caller then sees 11 tenants: itself and its 10 schools. No service
-- requests, so the base question (serviceRequests of perf-org-NNN) reads nothing of it.
-- Deterministic ids (md5 of fixed strings), as synthetic.sql.
begin;
insert into organisations (id, slug, name, kind, parent_id, lifecycle_status, nation, generated, created_at, updated_at)
select md5('perf-parent-' || i)::uuid, format('perf-parent-%s', lpad(i::text, 3, '0')),
       format('Perf County Council %s', lpad(i::text, 3, '0')), 'county_council', null, 'active',
       'england_and_wales', true, timestamptz '2024-01-01', timestamptz '2024-01-01'
from generate_series(1, 50) i;

-- The check finds the council in each school's name: "... of perf-parent-NNN".
insert into organisations (id, slug, name, kind, parent_id, lifecycle_status, nation, generated, created_at, updated_at)
select md5('perf-school-' || i || '-' || j)::uuid, format('perf-parent-%s-school-%s', lpad(i::text, 3, '0'), lpad(j::text, 2, '0')),
       format('Perf School %s of perf-parent-%s', lpad(j::text, 2, '0'), lpad(i::text, 3, '0')), 'school',
       md5('perf-parent-' || i)::uuid, 'active', 'england_and_wales', true, timestamptz '2024-01-01', timestamptz '2024-01-01'
from generate_series(1, 50) i cross join generate_series(1, 10) j;

insert into delegations (tenant_id, id, delegated_organisation_id, reason, granted_by, created_at)
select md5('perf-parent-' || i)::uuid, md5('perf-delegation-' || i || '-' || j)::uuid, md5('perf-school-' || i || '-' || j)::uuid,
       'the council runs its schools'' services', 'perf-harness', timestamptz '2024-01-01'
from generate_series(1, 50) i cross join generate_series(1, 10) j;

-- Four offerings a school may take, started an hour apart (the product lists them oldest first).
insert into subscriptions (tenant_id, id, offering_id, unit_price_pence, price_basis, status, started_at)
select md5('perf-school-' || i || '-' || j)::uuid, md5('perf-school-sub-' || i || '-' || j || '-' || o.code)::uuid, o.id,
       o.unit_price_pence, 'catalogue', 'active', timestamptz '2024-04-01' + (o.rn || ' hours')::interval
from generate_series(1, 50) i cross join generate_series(1, 10) j
cross join (select id, code, unit_price_pence, row_number() over (order by code) as rn from service_offerings
             where code in ('dbs-check', 'new-ict-account', 'password-reset', 'payslip-query')) o;
commit;
analyze organisations;
analyze delegations;
analyze subscriptions;
