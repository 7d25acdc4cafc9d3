-- An unconfirmed caller sees no tenant. `app.begin_request` used to leave the caller's own
-- organisation in the tenant context whatever it found, and the application decided afterwards
-- whether the caller may act. A read sent in the same round trip as the set-up (planned for the
-- caller the token presumes) therefore read that organisation's rows before the refusal, and only
-- the application threw them away. Now the database applies the confirmation rule itself: unless
-- the organisation exists and is neither suspended nor offboarded, and the caller is a live
-- machine client, a member (active or invited), or a person whose token carries its roles (signed
-- by the platform's own issuer, `p_roles_claimed`), the context is left empty, so nothing a
-- tenant table holds is visible to the rest of the transaction. The application's own decision
-- (`decideActor`) is unchanged and still refuses the request.
DROP FUNCTION IF EXISTS app.begin_request(uuid, text, text, text);
--> statement-breakpoint
CREATE FUNCTION app.begin_request(
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
    -- Emptied with SET LOCAL, as app.set_tenant_context writes it, so that Citus carries the empty
    -- context to its workers too (app.set_tenant_context itself refuses an empty list by design:
    -- no caller may ask for "nothing"; only this confirmation decides it). The context held the
    -- organisation alone, whose bucket is the one to empty.
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
--> statement-breakpoint
REVOKE ALL ON FUNCTION app.begin_request(uuid, text, text, text, boolean) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.begin_request(uuid, text, text, text, boolean) TO ssp_runtime, ssp_platform;
--> statement-breakpoint
-- A read sent ahead of the application's decision (with BEGIN and the set-up, in one round trip)
-- starts with this instead of `app.begin_request`: the same set-up, but an unconfirmed caller
-- aborts the transaction, so that none of the statements sent after it runs at all. The empty
-- context above already hides every tenant from such a caller on the runtime role; the
-- partnership-wide role sees every tenant whatever the context, so there the caller must also be
-- a platform admin of the platform operator (a machine client by its registered roles, a member
-- by its membership, a token of our own issuer by the roles it carries). The application then
-- asks again the ordinary way, which answers with the precise refusal.
CREATE FUNCTION app.begin_read_ahead(
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
  found_caller record;
BEGIN
  SELECT * INTO found_caller
    FROM app.begin_request(p_organisation_id, p_issuer, p_subject, p_client_id, p_roles_claimed);
  IF found_caller.visible_tenants = 0 THEN
    RAISE EXCEPTION 'nothing is read ahead for a caller the database does not confirm' USING ERRCODE = 'SS001';
  END IF;
  IF current_user = 'ssp_platform' AND NOT coalesce(
       found_caller.organisation_kind = 'platform_operator' AND CASE
         WHEN p_client_id IS NOT NULL THEN 'platform_admin' = ANY (found_caller.client_roles)
         WHEN p_roles_claimed THEN true
         ELSE 'platform_admin' = ANY (found_caller.membership_roles)
       END, false) THEN
    RAISE EXCEPTION 'nothing is read ahead on the partnership-wide path for a caller who is not a platform admin'
      USING ERRCODE = 'SS001';
  END IF;
  organisation_kind := found_caller.organisation_kind;
  lifecycle_status := found_caller.lifecycle_status;
  membership_roles := found_caller.membership_roles;
  membership_invited := found_caller.membership_invited;
  client_roles := found_caller.client_roles;
  visible_tenants := found_caller.visible_tenants;
  RETURN NEXT;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app.begin_read_ahead(uuid, text, text, text, boolean) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.begin_read_ahead(uuid, text, text, text, boolean) TO ssp_runtime, ssp_platform;
