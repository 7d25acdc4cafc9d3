-- The rule that a tenant transaction records a delegation only over an organisation already in its
-- context moves from the restrictive policy delegations_runtime_no_widening (created in
-- 20261123043429_onboarding) into the permissive policy's WITH CHECK: Citus recreates policies on
-- its shards without AS RESTRICTIVE, which would have made that rule a widening one.
DROP POLICY "delegations_runtime_no_widening" ON "delegations";--> statement-breakpoint
ALTER POLICY "delegations_tenant_isolation" ON "delegations" TO "ssp_runtime" USING ("delegations"."tenant_id" = any (app.current_tenant_ids())) WITH CHECK (app.in_tenant_context("delegations"."tenant_id") and app.in_tenant_context("delegations"."delegated_organisation_id"));