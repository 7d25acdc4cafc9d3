-- Shared support: what one member of a partnership may see of the others. The partnerships a
-- transaction may read shared rows of are held in their own setting, beside the tenant ids,
-- and read by policies through a `stable`, subquery-free function (as app.current_tenant_ids()).
CREATE OR REPLACE FUNCTION app.current_partnership_ids() RETURNS uuid[]
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT coalesce(string_to_array(nullif(current_setting('app.partnership_ids', true), ''), ',')::uuid[], '{}'::uuid[]) $$;
--> statement-breakpoint
-- The one way to set it. It takes no argument: it reads the sharing agreements of the
-- transaction's visible tenants itself, under their row-level security (it is not SECURITY
-- DEFINER), and keeps only partnerships that are the parent of the member and that the member has
-- opted into. So the application cannot widen it, and opting out narrows it from the next
-- transaction on. SET LOCAL, like the tenant context: nothing survives the transaction.
CREATE OR REPLACE FUNCTION app.set_partnership_context() RETURNS uuid[]
  LANGUAGE plpgsql VOLATILE
  AS $$
DECLARE
  partnership_ids uuid[];
BEGIN
  SELECT coalesce(array_agg(DISTINCT a.partnership_id), '{}'::uuid[])
    INTO partnership_ids
    FROM public.sharing_agreements a
    JOIN public.organisations o ON o.id = a.tenant_id AND o.parent_id = a.partnership_id
   WHERE a.tenant_id = ANY (app.current_tenant_ids()) AND a.opted_in;
  EXECUTE format('SET LOCAL app.partnership_ids = %L', array_to_string(partnership_ids, ','));
  RETURN partnership_ids;
END
$$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.current_partnership_ids() TO ssp_runtime, ssp_platform;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.set_partnership_context() TO ssp_runtime, ssp_platform;
