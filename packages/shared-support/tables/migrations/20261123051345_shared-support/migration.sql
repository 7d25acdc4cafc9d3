CREATE TYPE "help_loan_status" AS ENUM('offered', 'accepted', 'declined');--> statement-breakpoint
CREATE TYPE "help_request_status" AS ENUM('open', 'filled', 'withdrawn');--> statement-breakpoint
CREATE TYPE "recovery_item_category" AS ENUM('hardware', 'network', 'system');--> statement-breakpoint
CREATE TYPE "recovery_test_outcome" AS ENUM('passed', 'partial', 'failed');--> statement-breakpoint
CREATE TYPE "rota_swap_status" AS ENUM('proposed', 'accepted', 'declined');--> statement-breakpoint
CREATE TYPE "support_skill_category" AS ENUM('networks', 'servers', 'storage', 'security', 'applications', 'telephony', 'databases', 'end_user_computing');--> statement-breakpoint
CREATE TABLE "recovery_plan_items" (
	"tenant_id" uuid,
	"id" uuid DEFAULT gen_random_uuid(),
	"plan_id" uuid NOT NULL,
	"template_item_id" uuid,
	"name" text NOT NULL,
	"category" "recovery_item_category" NOT NULL,
	"priority" smallint NOT NULL,
	"owner" text,
	"rto_hours" integer,
	"rpo_hours" integer,
	"test_interval_days" integer NOT NULL,
	CONSTRAINT "recovery_plan_items_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "recovery_plan_items_interval_check" CHECK ("test_interval_days" > 0)
);
--> statement-breakpoint
ALTER TABLE "recovery_plan_items" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "recovery_plans" (
	"tenant_id" uuid,
	"id" uuid DEFAULT gen_random_uuid(),
	"partnership_id" uuid NOT NULL,
	"template_id" uuid NOT NULL,
	"name" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recovery_plans_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "recovery_plans_tenant_template_key" UNIQUE("tenant_id","template_id")
);
--> statement-breakpoint
ALTER TABLE "recovery_plans" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "recovery_template_items" (
	"tenant_id" uuid,
	"id" uuid DEFAULT gen_random_uuid(),
	"template_id" uuid NOT NULL,
	"name" text NOT NULL,
	"category" "recovery_item_category" NOT NULL,
	"priority" smallint NOT NULL,
	"rto_hours" integer,
	"rpo_hours" integer,
	CONSTRAINT "recovery_template_items_pkey" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "recovery_template_items" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "recovery_templates" (
	"tenant_id" uuid,
	"id" uuid DEFAULT gen_random_uuid(),
	"name" text NOT NULL,
	"description" text NOT NULL,
	"test_interval_days" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recovery_templates_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "recovery_templates_interval_check" CHECK ("test_interval_days" > 0)
);
--> statement-breakpoint
ALTER TABLE "recovery_templates" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "recovery_tests" (
	"tenant_id" uuid,
	"id" uuid DEFAULT gen_random_uuid(),
	"plan_item_id" uuid NOT NULL,
	"tested_on" date NOT NULL,
	"outcome" "recovery_test_outcome" NOT NULL,
	"notes" text,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recovery_tests_pkey" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "recovery_tests" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "help_loans" (
	"tenant_id" uuid,
	"id" uuid DEFAULT gen_random_uuid(),
	"request_id" uuid NOT NULL,
	"requesting_member_id" uuid NOT NULL,
	"lending_member_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"days_offered" integer NOT NULL,
	"status" "help_loan_status" DEFAULT 'offered'::"help_loan_status" NOT NULL,
	"day_rate_pence" bigint,
	"agency_day_rate_pence" bigint NOT NULL,
	"days_given" integer,
	"offered_by" text NOT NULL,
	"offered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	"given_recorded_at" timestamp with time zone,
	CONSTRAINT "help_loans_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "help_loans_dates_check" CHECK ("ends_on" >= "starts_on"),
	CONSTRAINT "help_loans_days_check" CHECK ("days_offered" > 0 and ("days_given" is null or "days_given" >= 0))
);
--> statement-breakpoint
ALTER TABLE "help_loans" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "help_requests" (
	"tenant_id" uuid,
	"id" uuid DEFAULT gen_random_uuid(),
	"requesting_member_id" uuid NOT NULL,
	"skill_code" text NOT NULL,
	"minimum_level" smallint NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"days_needed" integer NOT NULL,
	"description" text NOT NULL,
	"agency_day_rate_pence" bigint NOT NULL,
	"status" "help_request_status" DEFAULT 'open'::"help_request_status" NOT NULL,
	"requested_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"idempotency_key" text NOT NULL,
	"input_hash" text NOT NULL,
	CONSTRAINT "help_requests_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "help_requests_tenant_idempotency_key" UNIQUE("tenant_id","requesting_member_id","idempotency_key"),
	CONSTRAINT "help_requests_dates_check" CHECK ("ends_on" >= "starts_on"),
	CONSTRAINT "help_requests_days_check" CHECK ("days_needed" > 0),
	CONSTRAINT "help_requests_agency_rate_check" CHECK ("agency_day_rate_pence" >= 0),
	CONSTRAINT "help_requests_level_check" CHECK ("minimum_level" between 1 and 4)
);
--> statement-breakpoint
ALTER TABLE "help_requests" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "sharing_agreements" (
	"tenant_id" uuid,
	"id" uuid DEFAULT gen_random_uuid(),
	"partnership_id" uuid NOT NULL,
	"opted_in" boolean NOT NULL,
	"shares_name" boolean NOT NULL,
	"shares_role" boolean NOT NULL,
	"shares_skills" boolean NOT NULL,
	"shares_contact" boolean NOT NULL,
	"shares_availability" boolean NOT NULL,
	"changed_by" text NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sharing_agreements_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "sharing_agreements_tenant_partnership_key" UNIQUE("tenant_id","partnership_id")
);
--> statement-breakpoint
ALTER TABLE "sharing_agreements" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "support_people" (
	"tenant_id" uuid,
	"id" uuid DEFAULT gen_random_uuid(),
	"full_name" text NOT NULL,
	"role_title" text NOT NULL,
	"email" text,
	"phone" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "support_people_pkey" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "support_people" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "support_person_skills" (
	"tenant_id" uuid,
	"person_id" uuid,
	"skill_code" text,
	"level" smallint NOT NULL,
	CONSTRAINT "support_person_skills_pkey" PRIMARY KEY("tenant_id","person_id","skill_code"),
	CONSTRAINT "support_person_skills_level_check" CHECK ("level" between 1 and 4)
);
--> statement-breakpoint
ALTER TABLE "support_person_skills" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "support_person_unavailability" (
	"tenant_id" uuid,
	"id" uuid DEFAULT gen_random_uuid(),
	"person_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"reason" text,
	CONSTRAINT "support_person_unavailability_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "support_person_unavailability_dates_check" CHECK ("ends_on" >= "starts_on")
);
--> statement-breakpoint
ALTER TABLE "support_person_unavailability" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "rota_shifts" (
	"tenant_id" uuid,
	"id" uuid DEFAULT gen_random_uuid(),
	"holder_member_id" uuid NOT NULL,
	"holder_person_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rota_shifts_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "rota_shifts_times_check" CHECK ("ends_at" > "starts_at")
);
--> statement-breakpoint
ALTER TABLE "rota_shifts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "rota_swaps" (
	"tenant_id" uuid,
	"id" uuid DEFAULT gen_random_uuid(),
	"shift_id" uuid NOT NULL,
	"return_shift_id" uuid,
	"from_member_id" uuid NOT NULL,
	"from_person_id" uuid NOT NULL,
	"to_member_id" uuid NOT NULL,
	"to_person_id" uuid NOT NULL,
	"status" "rota_swap_status" DEFAULT 'proposed'::"rota_swap_status" NOT NULL,
	"proposed_by" text NOT NULL,
	"proposed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	CONSTRAINT "rota_swaps_pkey" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "rota_swaps" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "rota_shares" (
	"tenant_id" uuid,
	"member_organisation_id" uuid,
	"weight" integer NOT NULL,
	CONSTRAINT "rota_shares_pkey" PRIMARY KEY("tenant_id","member_organisation_id"),
	CONSTRAINT "rota_shares_weight_check" CHECK ("weight" > 0)
);
--> statement-breakpoint
ALTER TABLE "rota_shares" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "shared_members" (
	"tenant_id" uuid,
	"member_organisation_id" uuid,
	"member_name" text NOT NULL,
	"nation" "nation" NOT NULL,
	"shares_name" boolean NOT NULL,
	"shares_role" boolean NOT NULL,
	"shares_skills" boolean NOT NULL,
	"shares_contact" boolean NOT NULL,
	"shares_availability" boolean NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "shared_members_pkey" PRIMARY KEY("tenant_id","member_organisation_id")
);
--> statement-breakpoint
ALTER TABLE "shared_members" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "shared_people" (
	"tenant_id" uuid,
	"id" uuid,
	"member_organisation_id" uuid NOT NULL,
	"full_name" text,
	"role_title" text,
	"email" text,
	"phone" text,
	CONSTRAINT "shared_people_pkey" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "shared_people" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "shared_person_skills" (
	"tenant_id" uuid,
	"person_id" uuid,
	"skill_code" text,
	"level" smallint NOT NULL,
	"member_organisation_id" uuid NOT NULL,
	CONSTRAINT "shared_person_skills_pkey" PRIMARY KEY("tenant_id","person_id","skill_code")
);
--> statement-breakpoint
ALTER TABLE "shared_person_skills" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "shared_person_unavailability" (
	"tenant_id" uuid,
	"id" uuid,
	"person_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"member_organisation_id" uuid NOT NULL,
	CONSTRAINT "shared_person_unavailability_pkey" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "shared_person_unavailability" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "shared_support_programmes" (
	"tenant_id" uuid CONSTRAINT "shared_support_programmes_tenant_key" UNIQUE,
	"id" uuid DEFAULT gen_random_uuid(),
	"name" text NOT NULL,
	"started_on" date,
	"day_rate_pence" bigint,
	"grant_pence" bigint DEFAULT 0 NOT NULL,
	"grant_from" text,
	"forecast_years" integer NOT NULL,
	"cashable_forecast_pence" bigint NOT NULL,
	"non_cashable_forecast_pence" bigint NOT NULL,
	"qualitative_improvement_percent" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "shared_support_programmes_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "shared_support_programmes_years_check" CHECK ("forecast_years" between 1 and 20),
	CONSTRAINT "shared_support_programmes_day_rate_check" CHECK ("day_rate_pence" is null or "day_rate_pence" > 0)
);
--> statement-breakpoint
ALTER TABLE "shared_support_programmes" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "support_skills" (
	"code" text PRIMARY KEY,
	"name" text NOT NULL,
	"category" "support_skill_category" NOT NULL
);
--> statement-breakpoint
ALTER TABLE "support_skills" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE INDEX "recovery_plan_items_plan_idx" ON "recovery_plan_items" ("tenant_id","plan_id","priority");--> statement-breakpoint
CREATE INDEX "recovery_template_items_template_idx" ON "recovery_template_items" ("tenant_id","template_id","priority");--> statement-breakpoint
CREATE INDEX "recovery_tests_item_idx" ON "recovery_tests" ("tenant_id","plan_item_id","tested_on");--> statement-breakpoint
CREATE INDEX "help_loans_request_idx" ON "help_loans" ("tenant_id","request_id","offered_at");--> statement-breakpoint
CREATE INDEX "help_requests_tenant_created_idx" ON "help_requests" ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "support_people_tenant_name_idx" ON "support_people" ("tenant_id","full_name","id");--> statement-breakpoint
CREATE INDEX "support_person_unavailability_person_idx" ON "support_person_unavailability" ("tenant_id","person_id","starts_on");--> statement-breakpoint
CREATE INDEX "rota_shifts_tenant_starts_idx" ON "rota_shifts" ("tenant_id","starts_at","id");--> statement-breakpoint
CREATE INDEX "rota_shifts_holder_idx" ON "rota_shifts" ("tenant_id","holder_person_id","starts_at");--> statement-breakpoint
CREATE INDEX "rota_swaps_shift_idx" ON "rota_swaps" ("tenant_id","shift_id","proposed_at");--> statement-breakpoint
CREATE INDEX "shared_people_tenant_member_idx" ON "shared_people" ("tenant_id","member_organisation_id","id");--> statement-breakpoint
CREATE INDEX "shared_person_skills_search_idx" ON "shared_person_skills" ("tenant_id","skill_code","level","person_id");--> statement-breakpoint
CREATE INDEX "shared_person_unavailability_person_idx" ON "shared_person_unavailability" ("tenant_id","person_id","starts_on");--> statement-breakpoint
ALTER TABLE "recovery_plan_items" ADD CONSTRAINT "recovery_plan_items_plan_fk" FOREIGN KEY ("tenant_id","plan_id") REFERENCES "recovery_plans"("tenant_id","id");--> statement-breakpoint
ALTER TABLE "recovery_plans" ADD CONSTRAINT "recovery_plans_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "organisations"("id");--> statement-breakpoint
ALTER TABLE "recovery_template_items" ADD CONSTRAINT "recovery_template_items_template_fk" FOREIGN KEY ("tenant_id","template_id") REFERENCES "recovery_templates"("tenant_id","id");--> statement-breakpoint
ALTER TABLE "recovery_templates" ADD CONSTRAINT "recovery_templates_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "organisations"("id");--> statement-breakpoint
ALTER TABLE "recovery_tests" ADD CONSTRAINT "recovery_tests_item_fk" FOREIGN KEY ("tenant_id","plan_item_id") REFERENCES "recovery_plan_items"("tenant_id","id");--> statement-breakpoint
ALTER TABLE "help_loans" ADD CONSTRAINT "help_loans_request_fk" FOREIGN KEY ("tenant_id","request_id") REFERENCES "help_requests"("tenant_id","id");--> statement-breakpoint
ALTER TABLE "help_requests" ADD CONSTRAINT "help_requests_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "organisations"("id");--> statement-breakpoint
ALTER TABLE "help_requests" ADD CONSTRAINT "help_requests_skill_fk" FOREIGN KEY ("skill_code") REFERENCES "support_skills"("code");--> statement-breakpoint
ALTER TABLE "sharing_agreements" ADD CONSTRAINT "sharing_agreements_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "organisations"("id");--> statement-breakpoint
ALTER TABLE "sharing_agreements" ADD CONSTRAINT "sharing_agreements_partnership_fk" FOREIGN KEY ("partnership_id") REFERENCES "organisations"("id");--> statement-breakpoint
ALTER TABLE "support_people" ADD CONSTRAINT "support_people_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "organisations"("id");--> statement-breakpoint
ALTER TABLE "support_person_skills" ADD CONSTRAINT "support_person_skills_person_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "support_people"("tenant_id","id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "support_person_skills" ADD CONSTRAINT "support_person_skills_skill_fk" FOREIGN KEY ("skill_code") REFERENCES "support_skills"("code");--> statement-breakpoint
ALTER TABLE "support_person_unavailability" ADD CONSTRAINT "support_person_unavailability_person_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "support_people"("tenant_id","id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "rota_shifts" ADD CONSTRAINT "rota_shifts_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "organisations"("id");--> statement-breakpoint
ALTER TABLE "rota_swaps" ADD CONSTRAINT "rota_swaps_shift_fk" FOREIGN KEY ("tenant_id","shift_id") REFERENCES "rota_shifts"("tenant_id","id");--> statement-breakpoint
ALTER TABLE "rota_swaps" ADD CONSTRAINT "rota_swaps_return_shift_fk" FOREIGN KEY ("tenant_id","return_shift_id") REFERENCES "rota_shifts"("tenant_id","id");--> statement-breakpoint
ALTER TABLE "rota_shares" ADD CONSTRAINT "rota_shares_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "organisations"("id");--> statement-breakpoint
ALTER TABLE "shared_members" ADD CONSTRAINT "shared_members_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "organisations"("id");--> statement-breakpoint
ALTER TABLE "shared_people" ADD CONSTRAINT "shared_people_member_fk" FOREIGN KEY ("tenant_id","member_organisation_id") REFERENCES "shared_members"("tenant_id","member_organisation_id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "shared_person_skills" ADD CONSTRAINT "shared_person_skills_person_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "shared_people"("tenant_id","id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "shared_person_skills" ADD CONSTRAINT "shared_person_skills_skill_fk" FOREIGN KEY ("skill_code") REFERENCES "support_skills"("code");--> statement-breakpoint
ALTER TABLE "shared_person_unavailability" ADD CONSTRAINT "shared_person_unavailability_person_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "shared_people"("tenant_id","id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "shared_support_programmes" ADD CONSTRAINT "shared_support_programmes_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "organisations"("id");--> statement-breakpoint
CREATE POLICY "recovery_plan_items_tenant_isolation" ON "recovery_plan_items" AS PERMISSIVE FOR ALL TO "ssp_runtime" USING ("recovery_plan_items"."tenant_id" = any (app.current_tenant_ids())) WITH CHECK ("recovery_plan_items"."tenant_id" = any (app.current_tenant_ids()));--> statement-breakpoint
CREATE POLICY "recovery_plan_items_platform_access" ON "recovery_plan_items" AS PERMISSIVE FOR ALL TO "ssp_platform" USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "recovery_plans_tenant_isolation" ON "recovery_plans" AS PERMISSIVE FOR ALL TO "ssp_runtime" USING ("recovery_plans"."tenant_id" = any (app.current_tenant_ids())) WITH CHECK ("recovery_plans"."tenant_id" = any (app.current_tenant_ids()));--> statement-breakpoint
CREATE POLICY "recovery_plans_platform_access" ON "recovery_plans" AS PERMISSIVE FOR ALL TO "ssp_platform" USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "recovery_template_items_tenant_isolation" ON "recovery_template_items" AS PERMISSIVE FOR ALL TO "ssp_runtime" USING ("recovery_template_items"."tenant_id" = any (app.current_tenant_ids())) WITH CHECK ("recovery_template_items"."tenant_id" = any (app.current_tenant_ids()));--> statement-breakpoint
CREATE POLICY "recovery_template_items_platform_access" ON "recovery_template_items" AS PERMISSIVE FOR ALL TO "ssp_platform" USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "recovery_template_items_partnership_read" ON "recovery_template_items" AS PERMISSIVE FOR SELECT TO "ssp_runtime" USING ("recovery_template_items"."tenant_id" = any (app.current_partnership_ids()));--> statement-breakpoint
CREATE POLICY "recovery_templates_tenant_isolation" ON "recovery_templates" AS PERMISSIVE FOR ALL TO "ssp_runtime" USING ("recovery_templates"."tenant_id" = any (app.current_tenant_ids())) WITH CHECK ("recovery_templates"."tenant_id" = any (app.current_tenant_ids()));--> statement-breakpoint
CREATE POLICY "recovery_templates_platform_access" ON "recovery_templates" AS PERMISSIVE FOR ALL TO "ssp_platform" USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "recovery_templates_partnership_read" ON "recovery_templates" AS PERMISSIVE FOR SELECT TO "ssp_runtime" USING ("recovery_templates"."tenant_id" = any (app.current_partnership_ids()));--> statement-breakpoint
CREATE POLICY "recovery_tests_tenant_isolation" ON "recovery_tests" AS PERMISSIVE FOR ALL TO "ssp_runtime" USING ("recovery_tests"."tenant_id" = any (app.current_tenant_ids())) WITH CHECK ("recovery_tests"."tenant_id" = any (app.current_tenant_ids()));--> statement-breakpoint
CREATE POLICY "recovery_tests_platform_access" ON "recovery_tests" AS PERMISSIVE FOR ALL TO "ssp_platform" USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "help_loans_tenant_isolation" ON "help_loans" AS PERMISSIVE FOR ALL TO "ssp_runtime" USING ("help_loans"."tenant_id" = any (app.current_tenant_ids())) WITH CHECK ("help_loans"."tenant_id" = any (app.current_tenant_ids()));--> statement-breakpoint
CREATE POLICY "help_loans_platform_access" ON "help_loans" AS PERMISSIVE FOR ALL TO "ssp_platform" USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "help_loans_partnership_read" ON "help_loans" AS PERMISSIVE FOR SELECT TO "ssp_runtime" USING ("help_loans"."tenant_id" = any (app.current_partnership_ids()));--> statement-breakpoint
CREATE POLICY "help_loans_lender_insert" ON "help_loans" AS PERMISSIVE FOR INSERT TO "ssp_runtime" WITH CHECK ("help_loans"."tenant_id" = any (app.current_partnership_ids()) and "help_loans"."lending_member_id" = any (app.current_tenant_ids()));--> statement-breakpoint
CREATE POLICY "help_loans_requester_update" ON "help_loans" AS PERMISSIVE FOR UPDATE TO "ssp_runtime" USING ("help_loans"."tenant_id" = any (app.current_partnership_ids()) and "help_loans"."requesting_member_id" = any (app.current_tenant_ids())) WITH CHECK ("help_loans"."tenant_id" = any (app.current_partnership_ids()) and "help_loans"."requesting_member_id" = any (app.current_tenant_ids()));--> statement-breakpoint
CREATE POLICY "help_requests_tenant_isolation" ON "help_requests" AS PERMISSIVE FOR ALL TO "ssp_runtime" USING ("help_requests"."tenant_id" = any (app.current_tenant_ids())) WITH CHECK ("help_requests"."tenant_id" = any (app.current_tenant_ids()));--> statement-breakpoint
CREATE POLICY "help_requests_platform_access" ON "help_requests" AS PERMISSIVE FOR ALL TO "ssp_platform" USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "help_requests_partnership_read" ON "help_requests" AS PERMISSIVE FOR SELECT TO "ssp_runtime" USING ("help_requests"."tenant_id" = any (app.current_partnership_ids()));--> statement-breakpoint
CREATE POLICY "help_requests_member_insert" ON "help_requests" AS PERMISSIVE FOR INSERT TO "ssp_runtime" WITH CHECK ("help_requests"."tenant_id" = any (app.current_partnership_ids()) and "help_requests"."requesting_member_id" = any (app.current_tenant_ids()));--> statement-breakpoint
CREATE POLICY "help_requests_member_update" ON "help_requests" AS PERMISSIVE FOR UPDATE TO "ssp_runtime" USING ("help_requests"."tenant_id" = any (app.current_partnership_ids()) and "help_requests"."requesting_member_id" = any (app.current_tenant_ids())) WITH CHECK ("help_requests"."tenant_id" = any (app.current_partnership_ids()) and "help_requests"."requesting_member_id" = any (app.current_tenant_ids()));--> statement-breakpoint
CREATE POLICY "sharing_agreements_tenant_isolation" ON "sharing_agreements" AS PERMISSIVE FOR ALL TO "ssp_runtime" USING ("sharing_agreements"."tenant_id" = any (app.current_tenant_ids())) WITH CHECK ("sharing_agreements"."tenant_id" = any (app.current_tenant_ids()));--> statement-breakpoint
CREATE POLICY "sharing_agreements_platform_access" ON "sharing_agreements" AS PERMISSIVE FOR ALL TO "ssp_platform" USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "support_people_tenant_isolation" ON "support_people" AS PERMISSIVE FOR ALL TO "ssp_runtime" USING ("support_people"."tenant_id" = any (app.current_tenant_ids())) WITH CHECK ("support_people"."tenant_id" = any (app.current_tenant_ids()));--> statement-breakpoint
CREATE POLICY "support_people_platform_access" ON "support_people" AS PERMISSIVE FOR ALL TO "ssp_platform" USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "support_person_skills_tenant_isolation" ON "support_person_skills" AS PERMISSIVE FOR ALL TO "ssp_runtime" USING ("support_person_skills"."tenant_id" = any (app.current_tenant_ids())) WITH CHECK ("support_person_skills"."tenant_id" = any (app.current_tenant_ids()));--> statement-breakpoint
CREATE POLICY "support_person_skills_platform_access" ON "support_person_skills" AS PERMISSIVE FOR ALL TO "ssp_platform" USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "support_person_unavailability_tenant_isolation" ON "support_person_unavailability" AS PERMISSIVE FOR ALL TO "ssp_runtime" USING ("support_person_unavailability"."tenant_id" = any (app.current_tenant_ids())) WITH CHECK ("support_person_unavailability"."tenant_id" = any (app.current_tenant_ids()));--> statement-breakpoint
CREATE POLICY "support_person_unavailability_platform_access" ON "support_person_unavailability" AS PERMISSIVE FOR ALL TO "ssp_platform" USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "rota_shifts_tenant_isolation" ON "rota_shifts" AS PERMISSIVE FOR ALL TO "ssp_runtime" USING ("rota_shifts"."tenant_id" = any (app.current_tenant_ids())) WITH CHECK ("rota_shifts"."tenant_id" = any (app.current_tenant_ids()));--> statement-breakpoint
CREATE POLICY "rota_shifts_platform_access" ON "rota_shifts" AS PERMISSIVE FOR ALL TO "ssp_platform" USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "rota_shifts_partnership_read" ON "rota_shifts" AS PERMISSIVE FOR SELECT TO "ssp_runtime" USING ("rota_shifts"."tenant_id" = any (app.current_partnership_ids()));--> statement-breakpoint
CREATE POLICY "rota_shifts_member_insert" ON "rota_shifts" AS PERMISSIVE FOR INSERT TO "ssp_runtime" WITH CHECK ("rota_shifts"."tenant_id" = any (app.current_partnership_ids()) and "rota_shifts"."holder_member_id" = any (app.current_tenant_ids()));--> statement-breakpoint
CREATE POLICY "rota_shifts_member_update" ON "rota_shifts" AS PERMISSIVE FOR UPDATE TO "ssp_runtime" USING ("rota_shifts"."tenant_id" = any (app.current_partnership_ids()) and "rota_shifts"."holder_member_id" = any (app.current_tenant_ids())) WITH CHECK ("rota_shifts"."tenant_id" = any (app.current_partnership_ids()) and "rota_shifts"."holder_member_id" = any (app.current_tenant_ids()));--> statement-breakpoint
CREATE POLICY "rota_swaps_tenant_isolation" ON "rota_swaps" AS PERMISSIVE FOR ALL TO "ssp_runtime" USING ("rota_swaps"."tenant_id" = any (app.current_tenant_ids())) WITH CHECK ("rota_swaps"."tenant_id" = any (app.current_tenant_ids()));--> statement-breakpoint
CREATE POLICY "rota_swaps_platform_access" ON "rota_swaps" AS PERMISSIVE FOR ALL TO "ssp_platform" USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "rota_swaps_partnership_read" ON "rota_swaps" AS PERMISSIVE FOR SELECT TO "ssp_runtime" USING ("rota_swaps"."tenant_id" = any (app.current_partnership_ids()));--> statement-breakpoint
CREATE POLICY "rota_swaps_proposer_insert" ON "rota_swaps" AS PERMISSIVE FOR INSERT TO "ssp_runtime" WITH CHECK ("rota_swaps"."tenant_id" = any (app.current_partnership_ids()) and "rota_swaps"."from_member_id" = any (app.current_tenant_ids()));--> statement-breakpoint
CREATE POLICY "rota_swaps_taker_update" ON "rota_swaps" AS PERMISSIVE FOR UPDATE TO "ssp_runtime" USING ("rota_swaps"."tenant_id" = any (app.current_partnership_ids()) and "rota_swaps"."to_member_id" = any (app.current_tenant_ids())) WITH CHECK ("rota_swaps"."tenant_id" = any (app.current_partnership_ids()) and "rota_swaps"."to_member_id" = any (app.current_tenant_ids()));--> statement-breakpoint
CREATE POLICY "rota_shares_tenant_isolation" ON "rota_shares" AS PERMISSIVE FOR ALL TO "ssp_runtime" USING ("rota_shares"."tenant_id" = any (app.current_tenant_ids())) WITH CHECK ("rota_shares"."tenant_id" = any (app.current_tenant_ids()));--> statement-breakpoint
CREATE POLICY "rota_shares_platform_access" ON "rota_shares" AS PERMISSIVE FOR ALL TO "ssp_platform" USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "rota_shares_partnership_read" ON "rota_shares" AS PERMISSIVE FOR SELECT TO "ssp_runtime" USING ("rota_shares"."tenant_id" = any (app.current_partnership_ids()));--> statement-breakpoint
CREATE POLICY "shared_members_tenant_isolation" ON "shared_members" AS PERMISSIVE FOR ALL TO "ssp_runtime" USING ("shared_members"."tenant_id" = any (app.current_tenant_ids())) WITH CHECK ("shared_members"."tenant_id" = any (app.current_tenant_ids()));--> statement-breakpoint
CREATE POLICY "shared_members_platform_access" ON "shared_members" AS PERMISSIVE FOR ALL TO "ssp_platform" USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "shared_members_partnership_read" ON "shared_members" AS PERMISSIVE FOR SELECT TO "ssp_runtime" USING ("shared_members"."tenant_id" = any (app.current_partnership_ids()));--> statement-breakpoint
CREATE POLICY "shared_members_member_insert" ON "shared_members" AS PERMISSIVE FOR INSERT TO "ssp_runtime" WITH CHECK ("shared_members"."tenant_id" = any (app.current_partnership_ids()) and "shared_members"."member_organisation_id" = any (app.current_tenant_ids()));--> statement-breakpoint
CREATE POLICY "shared_members_member_update" ON "shared_members" AS PERMISSIVE FOR UPDATE TO "ssp_runtime" USING ("shared_members"."tenant_id" = any (app.current_partnership_ids()) and "shared_members"."member_organisation_id" = any (app.current_tenant_ids())) WITH CHECK ("shared_members"."tenant_id" = any (app.current_partnership_ids()) and "shared_members"."member_organisation_id" = any (app.current_tenant_ids()));--> statement-breakpoint
CREATE POLICY "shared_members_member_delete" ON "shared_members" AS PERMISSIVE FOR DELETE TO "ssp_runtime" USING ("shared_members"."tenant_id" = any (app.current_partnership_ids()) and "shared_members"."member_organisation_id" = any (app.current_tenant_ids()));--> statement-breakpoint
CREATE POLICY "shared_people_tenant_isolation" ON "shared_people" AS PERMISSIVE FOR ALL TO "ssp_runtime" USING ("shared_people"."tenant_id" = any (app.current_tenant_ids())) WITH CHECK ("shared_people"."tenant_id" = any (app.current_tenant_ids()));--> statement-breakpoint
CREATE POLICY "shared_people_platform_access" ON "shared_people" AS PERMISSIVE FOR ALL TO "ssp_platform" USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "shared_people_partnership_read" ON "shared_people" AS PERMISSIVE FOR SELECT TO "ssp_runtime" USING ("shared_people"."tenant_id" = any (app.current_partnership_ids()));--> statement-breakpoint
CREATE POLICY "shared_people_member_insert" ON "shared_people" AS PERMISSIVE FOR INSERT TO "ssp_runtime" WITH CHECK ("shared_people"."tenant_id" = any (app.current_partnership_ids()) and "shared_people"."member_organisation_id" = any (app.current_tenant_ids()));--> statement-breakpoint
CREATE POLICY "shared_people_member_delete" ON "shared_people" AS PERMISSIVE FOR DELETE TO "ssp_runtime" USING ("shared_people"."tenant_id" = any (app.current_partnership_ids()) and "shared_people"."member_organisation_id" = any (app.current_tenant_ids()));--> statement-breakpoint
CREATE POLICY "shared_person_skills_tenant_isolation" ON "shared_person_skills" AS PERMISSIVE FOR ALL TO "ssp_runtime" USING ("shared_person_skills"."tenant_id" = any (app.current_tenant_ids())) WITH CHECK ("shared_person_skills"."tenant_id" = any (app.current_tenant_ids()));--> statement-breakpoint
CREATE POLICY "shared_person_skills_platform_access" ON "shared_person_skills" AS PERMISSIVE FOR ALL TO "ssp_platform" USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "shared_person_skills_partnership_read" ON "shared_person_skills" AS PERMISSIVE FOR SELECT TO "ssp_runtime" USING ("shared_person_skills"."tenant_id" = any (app.current_partnership_ids()));--> statement-breakpoint
CREATE POLICY "shared_person_skills_member_insert" ON "shared_person_skills" AS PERMISSIVE FOR INSERT TO "ssp_runtime" WITH CHECK ("shared_person_skills"."tenant_id" = any (app.current_partnership_ids()) and "shared_person_skills"."member_organisation_id" = any (app.current_tenant_ids()));--> statement-breakpoint
CREATE POLICY "shared_person_skills_member_delete" ON "shared_person_skills" AS PERMISSIVE FOR DELETE TO "ssp_runtime" USING ("shared_person_skills"."tenant_id" = any (app.current_partnership_ids()) and "shared_person_skills"."member_organisation_id" = any (app.current_tenant_ids()));--> statement-breakpoint
CREATE POLICY "shared_person_unavailability_tenant_isolation" ON "shared_person_unavailability" AS PERMISSIVE FOR ALL TO "ssp_runtime" USING ("shared_person_unavailability"."tenant_id" = any (app.current_tenant_ids())) WITH CHECK ("shared_person_unavailability"."tenant_id" = any (app.current_tenant_ids()));--> statement-breakpoint
CREATE POLICY "shared_person_unavailability_platform_access" ON "shared_person_unavailability" AS PERMISSIVE FOR ALL TO "ssp_platform" USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "shared_person_unavailability_partnership_read" ON "shared_person_unavailability" AS PERMISSIVE FOR SELECT TO "ssp_runtime" USING ("shared_person_unavailability"."tenant_id" = any (app.current_partnership_ids()));--> statement-breakpoint
CREATE POLICY "shared_person_unavailability_member_insert" ON "shared_person_unavailability" AS PERMISSIVE FOR INSERT TO "ssp_runtime" WITH CHECK ("shared_person_unavailability"."tenant_id" = any (app.current_partnership_ids()) and "shared_person_unavailability"."member_organisation_id" = any (app.current_tenant_ids()));--> statement-breakpoint
CREATE POLICY "shared_person_unavailability_member_delete" ON "shared_person_unavailability" AS PERMISSIVE FOR DELETE TO "ssp_runtime" USING ("shared_person_unavailability"."tenant_id" = any (app.current_partnership_ids()) and "shared_person_unavailability"."member_organisation_id" = any (app.current_tenant_ids()));--> statement-breakpoint
CREATE POLICY "shared_support_programmes_tenant_isolation" ON "shared_support_programmes" AS PERMISSIVE FOR ALL TO "ssp_runtime" USING ("shared_support_programmes"."tenant_id" = any (app.current_tenant_ids())) WITH CHECK ("shared_support_programmes"."tenant_id" = any (app.current_tenant_ids()));--> statement-breakpoint
CREATE POLICY "shared_support_programmes_platform_access" ON "shared_support_programmes" AS PERMISSIVE FOR ALL TO "ssp_platform" USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "shared_support_programmes_partnership_read" ON "shared_support_programmes" AS PERMISSIVE FOR SELECT TO "ssp_runtime" USING ("shared_support_programmes"."tenant_id" = any (app.current_partnership_ids()));--> statement-breakpoint
CREATE POLICY "support_skills_runtime_read" ON "support_skills" AS PERMISSIVE FOR SELECT TO "ssp_runtime" USING (true);--> statement-breakpoint
CREATE POLICY "support_skills_platform_access" ON "support_skills" AS PERMISSIVE FOR ALL TO "ssp_platform" USING (true) WITH CHECK (true);