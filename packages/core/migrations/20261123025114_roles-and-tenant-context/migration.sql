-- Roles are cluster-wide: create them only when missing, so the same migration runs on a server
-- that already holds another copy of this database (tests clone one per file).
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ssp_runtime') THEN
    -- Runs every tenant request. LOGIN because Citus opens its worker connections as the
    -- current role; never SUPERUSER or BYPASSRLS, and it owns no table.
    CREATE ROLE ssp_runtime LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ssp_platform') THEN
    -- Partnership-wide work; sees every tenant through its own policies, not by bypassing them.
    CREATE ROLE ssp_platform LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
END
$$;
--> statement-breakpoint
CREATE SCHEMA IF NOT EXISTS app;
--> statement-breakpoint
-- The visible tenants of the current transaction. `stable` and subquery-free so that policies
-- can call it and the planner uses its result as an index condition. After a transaction ends
-- the setting reads '' rather than NULL, hence nullif: nothing set means nothing visible.
CREATE OR REPLACE FUNCTION app.current_tenant_ids() RETURNS uuid[]
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT coalesce(string_to_array(nullif(current_setting('app.tenant_ids', true), ''), ',')::uuid[], '{}'::uuid[]) $$;
--> statement-breakpoint
-- The one way to set the tenant context. It takes the ids as a bound parameter (the application
-- never writes them into SQL), checks them, and runs SET LOCAL itself: Citus forwards SET LOCAL
-- to its workers (citus.propagate_set_commands = 'local'), never set_config.
CREATE OR REPLACE FUNCTION app.set_tenant_context(tenant_ids uuid[]) RETURNS void
  LANGUAGE plpgsql VOLATILE
  AS $$
BEGIN
  IF tenant_ids IS NULL OR cardinality(tenant_ids) = 0 THEN
    RAISE EXCEPTION 'tenant context needs at least one tenant id' USING ERRCODE = '22023';
  END IF;
  IF array_position(tenant_ids, NULL) IS NOT NULL THEN
    RAISE EXCEPTION 'tenant context cannot hold a null tenant id' USING ERRCODE = '22023';
  END IF;
  IF cardinality(tenant_ids) > 1000 THEN
    RAISE EXCEPTION 'tenant context holds at most 1000 tenants' USING ERRCODE = '22023';
  END IF;
  EXECUTE format('SET LOCAL app.tenant_ids = %L', array_to_string(tenant_ids, ','));
END
$$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA app TO ssp_runtime, ssp_platform;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.current_tenant_ids() TO ssp_runtime, ssp_platform;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.set_tenant_context(uuid[]) TO ssp_runtime, ssp_platform;
