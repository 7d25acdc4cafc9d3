-- An unconfirmed caller's empty context, on every node. `set_config(..., true)` changes the
-- setting where it runs only; Citus sends the transaction's `SET LOCAL` commands to the workers it
-- opens, which is how the tenant context reaches them (`app.set_tenant_context` sets it that way).
-- Emptied with set_config, the context stayed the organisation's on the workers, and on Citus a
-- read in the ordinary path after a refusal still saw that organisation's rows (the application
-- refuses such a caller before it reads, and the read-ahead aborts; the database rule did not
-- hold). The function is otherwise unchanged.
CREATE OR REPLACE FUNCTION app.begin_request(
  p_organisation_id uuid, p_issuer text, p_subject text, p_client_id text, p_roles_claimed boolean
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
  confirmed boolean;
BEGIN
  IF p_organisation_id IS NULL THEN
    RAISE EXCEPTION 'a request needs its organisation' USING ERRCODE = '22023';
  END IF;
  -- The confirmation reads under the caller's role and row-level security: the context is first
  -- the organisation alone, which is exactly what it may read.
  PERFORM app.set_tenant_context(ARRAY[p_organisation_id]);
  SELECT o.kind::text, o.lifecycle_status::text INTO organisation_kind, lifecycle_status
    FROM organisations o WHERE o.id = p_organisation_id;
  IF FOUND THEN
    SELECT m.roles::text[], m.status = 'invited' INTO membership_roles, membership_invited
      FROM memberships m
     WHERE m.tenant_id = p_organisation_id AND m.issuer = p_issuer AND m.subject = p_subject
       AND m.status IN ('active', 'invited');
    IF p_client_id IS NOT NULL THEN
      SELECT c.roles::text[] INTO client_roles
        FROM api_clients c
       WHERE c.tenant_id = p_organisation_id AND c.client_id = p_client_id AND c.revoked_at IS NULL;
    END IF;
  END IF;
  confirmed := organisation_kind IS NOT NULL
    AND lifecycle_status NOT IN ('suspended', 'offboarded')
    AND CASE WHEN p_client_id IS NOT NULL THEN client_roles IS NOT NULL
             ELSE coalesce(p_roles_claimed, false) OR membership_roles IS NOT NULL END;
  IF NOT confirmed THEN
    EXECUTE format('SET LOCAL app.%I = %L', 'tenant_ids', '');
    EXECUTE format('SET LOCAL app.%I = %L', 'tenant_ids_' || left(p_organisation_id::text, 1), '');
    visible_tenants := 0;
    RETURN NEXT;
    RETURN;
  END IF;
  visible_tenants := 1;
  SELECT array_agg(d.delegated_organisation_id) INTO delegated
    FROM delegations d
   WHERE d.tenant_id = p_organisation_id AND d.delegated_organisation_id <> p_organisation_id;
  IF delegated IS NOT NULL THEN
    PERFORM app.set_tenant_context(p_organisation_id || delegated);
    visible_tenants := 1 + cardinality(delegated);
  END IF;
  RETURN NEXT;
END
$$;
