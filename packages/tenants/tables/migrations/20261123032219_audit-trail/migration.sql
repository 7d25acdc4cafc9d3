CREATE TABLE "audit_events" (
	"tenant_id" uuid,
	"id" uuid DEFAULT gen_random_uuid(),
	"occurred_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
	"request_id" text NOT NULL,
	"actor_subject" text NOT NULL,
	"actor_organisation_id" uuid,
	"action" text NOT NULL,
	"target_type" text NOT NULL,
	"target_id" uuid NOT NULL,
	"before" jsonb,
	"after" jsonb,
	CONSTRAINT "audit_events_pkey" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "audit_events" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE INDEX "audit_events_tenant_occurred_idx" ON "audit_events" ("tenant_id","occurred_at","id");--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "organisations"("id");--> statement-breakpoint
CREATE POLICY "audit_events_tenant_isolation" ON "audit_events" AS PERMISSIVE FOR ALL TO "ssp_runtime" USING ("audit_events"."tenant_id" = any (app.current_tenant_ids())) WITH CHECK ("audit_events"."tenant_id" = any (app.current_tenant_ids()));--> statement-breakpoint
CREATE POLICY "audit_events_platform_access" ON "audit_events" AS PERMISSIVE FOR ALL TO "ssp_platform" USING (true) WITH CHECK (true);