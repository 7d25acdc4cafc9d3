-- Writes checked in constant time. A policy's WITH CHECK runs once for every row written, and
-- `tenant_id = any (app.current_tenant_ids())` parses the whole context (up to 1000 uuids) into an
-- array each time: with 300 tenants in context that is ~0.13 ms a row, most of bulk onboarding.
-- (Reads are not affected: there the comparison is an index condition, evaluated once per scan.)
-- An initPlan, `= any ((select app.current_tenant_ids()))`, would evaluate it once per statement,
-- but it is a subquery, and Citus refuses a policy holding one.
--
-- So the setter also files each id under a bucket named for its first two hex digits
-- (`app.tenant_ids_00` .. `app.tenant_ids_ff`, a comma-separated list of the ids in context with
-- that prefix), and `app.in_tenant_context(id)` looks in the one bucket: a setting lookup and a
-- search of a few dozen characters, whatever the size of the context. Still one SET LOCAL per
-- setting, run by the setter itself (Citus forwards SET LOCAL), and nothing survives the
-- transaction: after it every bucket reads '' (or NULL if never set), which matches nothing.
CREATE OR REPLACE FUNCTION app.set_tenant_context(tenant_ids uuid[]) RETURNS void
  LANGUAGE plpgsql VOLATILE
  AS $$
DECLARE
  bucket text;
  members text;
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
  -- A second call in the same transaction replaces the context: empty the buckets the first
  -- filled, so that no id it held stays writable.
  FOR bucket IN
    SELECT DISTINCT left(previous, 2)
      FROM unnest(string_to_array(nullif(current_setting('app.tenant_ids', true), ''), ',')) AS previous
  LOOP
    EXECUTE format('SET LOCAL app.%I = %L', 'tenant_ids_' || bucket, '');
  END LOOP;
  EXECUTE format('SET LOCAL app.tenant_ids = %L', array_to_string(tenant_ids, ','));
  FOR bucket, members IN
    SELECT left(id::text, 2), string_agg(DISTINCT id::text, ',') FROM unnest(tenant_ids) AS id GROUP BY 1
  LOOP
    EXECUTE format('SET LOCAL app.%I = %L', 'tenant_ids_' || bucket, members);
  END LOOP;
END
$$;
--> statement-breakpoint
-- Is this id one of the visible tenants? The same answer as `id = any (app.current_tenant_ids())`
-- for any context the setter made: the bucket holds canonical 36-character uuids separated by
-- commas, and a 36-character uuid (no comma in it) can only match one of them whole. `stable`,
-- subquery-free and inlined by the planner; NULL, an unset bucket or no context give false.
CREATE OR REPLACE FUNCTION app.in_tenant_context(tenant_id uuid) RETURNS boolean
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT coalesce(strpos(current_setting('app.tenant_ids_' || left(tenant_id::text, 2), true), tenant_id::text) > 0, false) $$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.in_tenant_context(uuid) TO ssp_runtime, ssp_platform;
