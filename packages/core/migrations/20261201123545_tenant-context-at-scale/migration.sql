-- Tenancy that scales to a partnership of 10,000 schools.
--
-- 1. The setter takes up to 100,000 ids (it refused more than 1,000, so a partnership with 999
--    delegations could not onboard another school). Measured on PostgreSQL 15 with 10,009 ids:
--    the setter ~2.7 ms, the write check `app.in_tenant_context` ~13 us a row (its bucket holds
--    ~1/16 of the context); the bound stays only as a guard against a runaway list.
-- 2. `app.current_tenant_ids()` is no longer inlined: PL/pgSQL, with a high COST. Inlined, the
--    planner costed the policy `id = any (app.current_tenant_ids())` as a cheap per-row filter
--    and often kept it as one (the organisations page walked the name index and re-parsed the
--    whole context for every row: 1.1 s for a page of 100 with 10,009 ids, 77 s to count them).
--    Priced near what parsing a large context really costs, the planner makes it an index
--    condition, evaluated once per scan (the count: 37 ms). COST 10000 rather than more: where a
--    lookup is correlated (a page's children beneath each of its rows), the planner still takes
--    the parent index and keeps the policy as a filter on the few rows it finds; priced higher
--    (100000) it probed all 10,009 ids again for each of the 100 rows. The GraphQL organisations
--    page with parents and children, 10,009 ids: 45 ms (COST 10000), 2.3 s (100000), 1.1 s
--    (1000), 0.8 s (100, close to inlined). Still `stable`, argument-free and subquery-free, so
--    Citus ships it to the shards.
-- 3. `app.begin_request(...)`: the request's set-up in one statement, so that BEGIN and it go to
--    the server in one round trip. It confirms the caller (the organisation, a member's
--    membership, a machine client's registration) and finds the organisations delegated to it
--    in the database, then sets the final tenant context once: the application no longer
--    carries the list of delegated ids at all. Every query in it is bound to the organisation's
--    id (no subquery correlated with the organisations registry, which Citus refuses) and runs
--    under the caller's role and row-level security: the context is first the organisation
--    alone, which is exactly what the confirmation may read.
-- 4. `app.admit_new_tenants(uuid[])`: onboarding adds the organisations it is creating to the
--    context it already has, without the application sending the context back.
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
  IF cardinality(tenant_ids) > 100000 THEN
    RAISE EXCEPTION 'tenant context holds at most 100000 tenants' USING ERRCODE = '22023';
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
--> statement-breakpoint
-- The visible tenants of the current transaction; nothing set reads '' (after a transaction) or
-- NULL (never set), and both give the empty array: nothing visible.
CREATE OR REPLACE FUNCTION app.current_tenant_ids() RETURNS uuid[]
  LANGUAGE plpgsql STABLE PARALLEL SAFE COST 10000
  AS $$
BEGIN
  RETURN coalesce(string_to_array(nullif(current_setting('app.tenant_ids', true), ''), ',')::uuid[], '{}'::uuid[]);
END
$$;
--> statement-breakpoint
-- What the application needs to decide whether the caller may act, in one row. Roles are text
-- arrays (both drivers parse those the same way). `organisation_kind` is NULL when the
-- organisation does not exist; `visible_tenants` counts the context it leaves set.
CREATE OR REPLACE FUNCTION app.begin_request(
  p_organisation_id uuid, p_issuer text, p_subject text, p_client_id text
) RETURNS TABLE (
  organisation_kind text,
  lifecycle_status text,
  membership_roles text[],
  membership_invited boolean,
  client_roles text[],
  visible_tenants integer
)
  LANGUAGE plpgsql VOLATILE
  AS $$
DECLARE
  delegated uuid[];
BEGIN
  IF p_organisation_id IS NULL THEN
    RAISE EXCEPTION 'a request needs its organisation' USING ERRCODE = '22023';
  END IF;
  PERFORM app.set_tenant_context(ARRAY[p_organisation_id]);
  SELECT o.kind::text, o.lifecycle_status::text INTO organisation_kind, lifecycle_status
    FROM organisations o WHERE o.id = p_organisation_id;
  IF NOT FOUND THEN
    RETURN NEXT;
    RETURN;
  END IF;
  SELECT m.roles::text[], m.status = 'invited' INTO membership_roles, membership_invited
    FROM memberships m
   WHERE m.tenant_id = p_organisation_id AND m.issuer = p_issuer AND m.subject = p_subject
     AND m.status IN ('active', 'invited');
  IF p_client_id IS NOT NULL THEN
    SELECT c.roles::text[] INTO client_roles
      FROM api_clients c
     WHERE c.tenant_id = p_organisation_id AND c.client_id = p_client_id AND c.revoked_at IS NULL;
  END IF;
  visible_tenants := 1;
  -- A suspended or offboarded organisation is refused by the caller: widen nothing for it.
  IF lifecycle_status NOT IN ('suspended', 'offboarded') THEN
    SELECT array_agg(d.delegated_organisation_id) INTO delegated
      FROM delegations d
     WHERE d.tenant_id = p_organisation_id AND d.delegated_organisation_id <> p_organisation_id;
    IF delegated IS NOT NULL THEN
      PERFORM app.set_tenant_context(p_organisation_id || delegated);
      visible_tenants := 1 + cardinality(delegated);
    END IF;
  END IF;
  RETURN NEXT;
END
$$;
--> statement-breakpoint
-- Onboarding: the organisations being created in this transaction join the context it has, so
-- their rows can be written (the registry's insert policy still wants their parent visible). The
-- context is extended as text, not parsed and set again: with 10,009 ids in context a full reset
-- cost ~40 ms on every onboarding; this costs two SET LOCALs for one new organisation.
CREATE OR REPLACE FUNCTION app.admit_new_tenants(tenant_ids uuid[]) RETURNS void
  LANGUAGE plpgsql VOLATILE
  AS $$
DECLARE
  context text := coalesce(current_setting('app.tenant_ids', true), '');
  bucket text;
  members text;
  held text;
BEGIN
  IF tenant_ids IS NULL OR cardinality(tenant_ids) = 0 THEN
    RETURN;
  END IF;
  IF array_position(tenant_ids, NULL) IS NOT NULL THEN
    RAISE EXCEPTION 'tenant context cannot hold a null tenant id' USING ERRCODE = '22023';
  END IF;
  IF context = '' THEN
    RAISE EXCEPTION 'new tenants join an existing tenant context' USING ERRCODE = '22023';
  END IF;
  FOR bucket, members IN
    SELECT left(id::text, 1), string_agg(DISTINCT id::text, ',')
      FROM unnest(tenant_ids) AS id WHERE NOT app.in_tenant_context(id) GROUP BY 1
  LOOP
    held := coalesce(current_setting('app.tenant_ids_' || bucket, true), '');
    EXECUTE format('SET LOCAL app.%I = %L', 'tenant_ids_' || bucket,
                   CASE WHEN held = '' THEN members ELSE held || ',' || members END);
    context := context || ',' || members;
  END LOOP;
  -- Each id is 36 characters and a comma: the setter's bound, without parsing the list.
  IF (length(context) + 1) / 37 > 100000 THEN
    RAISE EXCEPTION 'tenant context holds at most 100000 tenants' USING ERRCODE = '22023';
  END IF;
  EXECUTE format('SET LOCAL app.tenant_ids = %L', context);
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app.begin_request(uuid, text, text, text) FROM PUBLIC;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app.admit_new_tenants(uuid[]) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.begin_request(uuid, text, text, text) TO ssp_runtime, ssp_platform;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.admit_new_tenants(uuid[]) TO ssp_runtime, ssp_platform;
