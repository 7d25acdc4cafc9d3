CREATE TABLE "onboarding_requests" (
	"tenant_id" uuid,
	"id" uuid DEFAULT gen_random_uuid(),
	"idempotency_key" text NOT NULL,
	"input_hash" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "onboarding_requests_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "onboarding_requests_tenant_key" UNIQUE("tenant_id","idempotency_key")
);
--> statement-breakpoint
ALTER TABLE "onboarding_requests" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "onboarding_requests" ADD CONSTRAINT "onboarding_requests_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "organisations"("id");--> statement-breakpoint
CREATE POLICY "delegations_runtime_no_widening" ON "delegations" AS RESTRICTIVE FOR INSERT TO "ssp_runtime" WITH CHECK ("delegations"."delegated_organisation_id" = any (app.current_tenant_ids()));--> statement-breakpoint
CREATE POLICY "onboarding_requests_tenant_isolation" ON "onboarding_requests" AS PERMISSIVE FOR ALL TO "ssp_runtime" USING ("onboarding_requests"."tenant_id" = any (app.current_tenant_ids())) WITH CHECK ("onboarding_requests"."tenant_id" = any (app.current_tenant_ids()));--> statement-breakpoint
CREATE POLICY "onboarding_requests_platform_access" ON "onboarding_requests" AS PERMISSIVE FOR ALL TO "ssp_platform" USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "organisations_onboard_beneath_visible" ON "organisations" AS PERMISSIVE FOR INSERT TO "ssp_runtime" WITH CHECK ("organisations"."parent_id" = any (app.current_tenant_ids()) and "organisations"."id" = any (app.current_tenant_ids()));