CREATE TYPE "incident_priority" AS ENUM('p1', 'p2', 'p3', 'p4');--> statement-breakpoint
CREATE TYPE "offering_kind" AS ENUM('request', 'incident');--> statement-breakpoint
CREATE TYPE "price_basis" AS ENUM('catalogue', 'negotiated');--> statement-breakpoint
CREATE TYPE "request_status" AS ENUM('new', 'in_progress', 'waiting_on_customer', 'resolved', 'closed', 'cancelled');--> statement-breakpoint
CREATE TYPE "service_line_code" AS ENUM('payroll', 'recruitment', 'ict', 'finance', 'procurement');--> statement-breakpoint
CREATE TYPE "subscription_status" AS ENUM('active', 'ended');--> statement-breakpoint
CREATE TYPE "target_unit" AS ENUM('working_hours', 'working_days', 'elapsed_minutes');--> statement-breakpoint
CREATE TABLE "bank_holidays" (
	"nation" "nation",
	"date" date,
	"name" text NOT NULL,
	CONSTRAINT "bank_holidays_pkey" PRIMARY KEY("nation","date")
);
--> statement-breakpoint
ALTER TABLE "bank_holidays" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "service_lines" (
	"code" "service_line_code" PRIMARY KEY,
	"name" text NOT NULL,
	"description" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "service_lines" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "service_offerings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"code" text NOT NULL CONSTRAINT "service_offerings_code_key" UNIQUE,
	"service_line_code" "service_line_code" NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"kind" "offering_kind" NOT NULL,
	"unit_price_pence" bigint NOT NULL,
	"allowed_kinds" "organisation_kind"[] NOT NULL,
	"keywords" text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "service_offerings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "sla_definitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"offering_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"fulfilment_unit" "target_unit" NOT NULL,
	"fulfilment_amount" integer NOT NULL,
	"response_unit" "target_unit",
	"response_amount" integer,
	"effective_from" timestamp with time zone NOT NULL,
	CONSTRAINT "sla_definitions_offering_version_key" UNIQUE("offering_id","version")
);
--> statement-breakpoint
ALTER TABLE "sla_definitions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "service_request_comments" (
	"tenant_id" uuid,
	"id" uuid DEFAULT gen_random_uuid(),
	"request_id" uuid NOT NULL,
	"author" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_request_comments_pkey" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "service_request_comments" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "service_request_status_changes" (
	"tenant_id" uuid,
	"id" uuid DEFAULT gen_random_uuid(),
	"request_id" uuid NOT NULL,
	"status" "request_status" NOT NULL,
	"reason" text,
	"changed_by" text NOT NULL,
	"changed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "service_request_status_changes_pkey" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "service_request_status_changes" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "service_requests" (
	"tenant_id" uuid,
	"id" uuid DEFAULT gen_random_uuid(),
	"reference" text NOT NULL,
	"subscription_id" uuid NOT NULL,
	"offering_id" uuid NOT NULL,
	"sla_definition_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"priority" "incident_priority",
	"status" "request_status" DEFAULT 'new'::"request_status" NOT NULL,
	"raised_by" text NOT NULL,
	"assigned_agent" text,
	"raised_at" timestamp with time zone NOT NULL,
	"first_contact_resolution" boolean,
	"satisfaction_score" smallint,
	"idempotency_key" text NOT NULL,
	"input_hash" text NOT NULL,
	CONSTRAINT "service_requests_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "service_requests_tenant_reference_key" UNIQUE("tenant_id","reference"),
	CONSTRAINT "service_requests_tenant_idempotency_key" UNIQUE("tenant_id","idempotency_key")
);
--> statement-breakpoint
ALTER TABLE "service_requests" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "subscriptions" (
	"tenant_id" uuid,
	"id" uuid DEFAULT gen_random_uuid(),
	"offering_id" uuid NOT NULL,
	"unit_price_pence" bigint NOT NULL,
	"price_basis" "price_basis" NOT NULL,
	"status" "subscription_status" DEFAULT 'active'::"subscription_status" NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	CONSTRAINT "subscriptions_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "subscriptions_tenant_offering_key" UNIQUE("tenant_id","offering_id")
);
--> statement-breakpoint
ALTER TABLE "subscriptions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE INDEX "service_request_comments_request_idx" ON "service_request_comments" ("tenant_id","request_id","created_at");--> statement-breakpoint
CREATE INDEX "service_request_status_changes_request_idx" ON "service_request_status_changes" ("tenant_id","request_id","changed_at");--> statement-breakpoint
CREATE INDEX "service_requests_tenant_raised_idx" ON "service_requests" ("tenant_id","raised_at","id");--> statement-breakpoint
CREATE INDEX "service_requests_tenant_status_idx" ON "service_requests" ("tenant_id","status","raised_at");--> statement-breakpoint
CREATE INDEX "subscriptions_tenant_started_idx" ON "subscriptions" ("tenant_id","started_at","id");--> statement-breakpoint
ALTER TABLE "service_offerings" ADD CONSTRAINT "service_offerings_service_line_code_service_lines_code_fkey" FOREIGN KEY ("service_line_code") REFERENCES "service_lines"("code");--> statement-breakpoint
ALTER TABLE "sla_definitions" ADD CONSTRAINT "sla_definitions_offering_id_service_offerings_id_fkey" FOREIGN KEY ("offering_id") REFERENCES "service_offerings"("id");--> statement-breakpoint
ALTER TABLE "service_request_comments" ADD CONSTRAINT "service_request_comments_request_fk" FOREIGN KEY ("tenant_id","request_id") REFERENCES "service_requests"("tenant_id","id");--> statement-breakpoint
ALTER TABLE "service_request_status_changes" ADD CONSTRAINT "service_request_status_changes_request_fk" FOREIGN KEY ("tenant_id","request_id") REFERENCES "service_requests"("tenant_id","id");--> statement-breakpoint
ALTER TABLE "service_requests" ADD CONSTRAINT "service_requests_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "organisations"("id");--> statement-breakpoint
ALTER TABLE "service_requests" ADD CONSTRAINT "service_requests_subscription_fk" FOREIGN KEY ("tenant_id","subscription_id") REFERENCES "subscriptions"("tenant_id","id");--> statement-breakpoint
ALTER TABLE "service_requests" ADD CONSTRAINT "service_requests_offering_fk" FOREIGN KEY ("offering_id") REFERENCES "service_offerings"("id");--> statement-breakpoint
ALTER TABLE "service_requests" ADD CONSTRAINT "service_requests_sla_fk" FOREIGN KEY ("sla_definition_id") REFERENCES "sla_definitions"("id");--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "organisations"("id");--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_offering_fk" FOREIGN KEY ("offering_id") REFERENCES "service_offerings"("id");--> statement-breakpoint
CREATE POLICY "bank_holidays_runtime_read" ON "bank_holidays" AS PERMISSIVE FOR SELECT TO "ssp_runtime" USING (true);--> statement-breakpoint
CREATE POLICY "bank_holidays_platform_access" ON "bank_holidays" AS PERMISSIVE FOR ALL TO "ssp_platform" USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "service_lines_runtime_read" ON "service_lines" AS PERMISSIVE FOR SELECT TO "ssp_runtime" USING (true);--> statement-breakpoint
CREATE POLICY "service_lines_platform_access" ON "service_lines" AS PERMISSIVE FOR ALL TO "ssp_platform" USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "service_offerings_runtime_read" ON "service_offerings" AS PERMISSIVE FOR SELECT TO "ssp_runtime" USING (true);--> statement-breakpoint
CREATE POLICY "service_offerings_platform_access" ON "service_offerings" AS PERMISSIVE FOR ALL TO "ssp_platform" USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "sla_definitions_runtime_read" ON "sla_definitions" AS PERMISSIVE FOR SELECT TO "ssp_runtime" USING (true);--> statement-breakpoint
CREATE POLICY "sla_definitions_platform_access" ON "sla_definitions" AS PERMISSIVE FOR ALL TO "ssp_platform" USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "service_request_comments_tenant_isolation" ON "service_request_comments" AS PERMISSIVE FOR ALL TO "ssp_runtime" USING ("service_request_comments"."tenant_id" = any (app.current_tenant_ids())) WITH CHECK ("service_request_comments"."tenant_id" = any (app.current_tenant_ids()));--> statement-breakpoint
CREATE POLICY "service_request_comments_platform_access" ON "service_request_comments" AS PERMISSIVE FOR ALL TO "ssp_platform" USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "service_request_status_changes_tenant_isolation" ON "service_request_status_changes" AS PERMISSIVE FOR ALL TO "ssp_runtime" USING ("service_request_status_changes"."tenant_id" = any (app.current_tenant_ids())) WITH CHECK ("service_request_status_changes"."tenant_id" = any (app.current_tenant_ids()));--> statement-breakpoint
CREATE POLICY "service_request_status_changes_platform_access" ON "service_request_status_changes" AS PERMISSIVE FOR ALL TO "ssp_platform" USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "service_requests_tenant_isolation" ON "service_requests" AS PERMISSIVE FOR ALL TO "ssp_runtime" USING ("service_requests"."tenant_id" = any (app.current_tenant_ids())) WITH CHECK ("service_requests"."tenant_id" = any (app.current_tenant_ids()));--> statement-breakpoint
CREATE POLICY "service_requests_platform_access" ON "service_requests" AS PERMISSIVE FOR ALL TO "ssp_platform" USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "subscriptions_tenant_isolation" ON "subscriptions" AS PERMISSIVE FOR ALL TO "ssp_runtime" USING ("subscriptions"."tenant_id" = any (app.current_tenant_ids())) WITH CHECK ("subscriptions"."tenant_id" = any (app.current_tenant_ids()));--> statement-breakpoint
CREATE POLICY "subscriptions_platform_access" ON "subscriptions" AS PERMISSIVE FOR ALL TO "ssp_platform" USING (true) WITH CHECK (true);