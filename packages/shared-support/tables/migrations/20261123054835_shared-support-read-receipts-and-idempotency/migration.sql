CREATE TABLE "shared_read_receipts" (
	"tenant_id" uuid,
	"id" uuid DEFAULT gen_random_uuid(),
	"read_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
	"reader_organisation_id" uuid NOT NULL,
	"member_organisation_id" uuid NOT NULL,
	"what" text NOT NULL,
	"row_ids" uuid[] NOT NULL,
	"request_id" text NOT NULL,
	"actor_subject" text NOT NULL,
	CONSTRAINT "shared_read_receipts_pkey" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "shared_read_receipts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "recovery_tests" ADD COLUMN "idempotency_key" text;--> statement-breakpoint
ALTER TABLE "recovery_tests" ADD COLUMN "input_hash" text;--> statement-breakpoint
ALTER TABLE "help_loans" ADD COLUMN "idempotency_key" text;--> statement-breakpoint
ALTER TABLE "help_loans" ADD COLUMN "input_hash" text;--> statement-breakpoint
ALTER TABLE "support_people" ADD COLUMN "idempotency_key" text;--> statement-breakpoint
ALTER TABLE "support_people" ADD COLUMN "input_hash" text;--> statement-breakpoint
ALTER TABLE "rota_shifts" ADD COLUMN "idempotency_key" text;--> statement-breakpoint
ALTER TABLE "rota_shifts" ADD COLUMN "input_hash" text;--> statement-breakpoint
ALTER TABLE "recovery_tests" ADD CONSTRAINT "recovery_tests_idempotency_key" UNIQUE("tenant_id","idempotency_key");--> statement-breakpoint
ALTER TABLE "help_loans" ADD CONSTRAINT "help_loans_idempotency_key" UNIQUE("tenant_id","lending_member_id","idempotency_key");--> statement-breakpoint
ALTER TABLE "support_people" ADD CONSTRAINT "support_people_idempotency_key" UNIQUE("tenant_id","idempotency_key");--> statement-breakpoint
ALTER TABLE "rota_shifts" ADD CONSTRAINT "rota_shifts_idempotency_key" UNIQUE("tenant_id","holder_member_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "shared_read_receipts_member_idx" ON "shared_read_receipts" ("tenant_id","member_organisation_id","read_at","id");--> statement-breakpoint
ALTER TABLE "shared_read_receipts" ADD CONSTRAINT "shared_read_receipts_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "organisations"("id");--> statement-breakpoint
CREATE POLICY "shared_read_receipts_tenant_isolation" ON "shared_read_receipts" AS PERMISSIVE FOR ALL TO "ssp_runtime" USING ("shared_read_receipts"."tenant_id" = any (app.current_tenant_ids())) WITH CHECK (app.in_tenant_context("shared_read_receipts"."tenant_id"));--> statement-breakpoint
CREATE POLICY "shared_read_receipts_platform_access" ON "shared_read_receipts" AS PERMISSIVE FOR ALL TO "ssp_platform" USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "shared_read_receipts_member_read" ON "shared_read_receipts" AS PERMISSIVE FOR SELECT TO "ssp_runtime" USING ("shared_read_receipts"."tenant_id" = any (app.current_partnership_ids()) and "shared_read_receipts"."member_organisation_id" = any (app.current_tenant_ids()));--> statement-breakpoint
CREATE POLICY "shared_read_receipts_reader_insert" ON "shared_read_receipts" AS PERMISSIVE FOR INSERT TO "ssp_runtime" WITH CHECK ("shared_read_receipts"."tenant_id" = any (app.current_partnership_ids()) and app.in_tenant_context("shared_read_receipts"."reader_organisation_id"));