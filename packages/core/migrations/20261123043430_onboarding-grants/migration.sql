ALTER TABLE onboarding_requests FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT ON onboarding_requests TO ssp_runtime, ssp_platform;
--> statement-breakpoint
-- Onboarding in a tenant admin's own transaction: the new organisation (beneath one it acts for,
-- by the registry's insert policy), its subscriptions, and the delegation that lets the
-- onboarding organisation keep seeing it. Row-level security limits each to the tenants in the
-- transaction's context, and a restrictive policy stops a delegation widening that context.
GRANT INSERT ON organisations, subscriptions, delegations TO ssp_runtime;
