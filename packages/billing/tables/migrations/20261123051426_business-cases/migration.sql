CREATE TYPE "business_case_line_kind" AS ENUM('saving', 'investment');--> statement-breakpoint
CREATE TYPE "business_case_measure" AS ENUM('lines_total', 'gross_recurring_savings', 'recurring_investment', 'net_recurring_savings', 'one_off_investment', 'savings_low', 'savings_high', 'cashable_savings_over_term', 'non_cashable_benefits_over_term', 'return_over_term', 'payback_months');--> statement-breakpoint
CREATE TYPE "stated_figure_comparator" AS ENUM('exactly', 'less_than', 'up_to');--> statement-breakpoint
CREATE TABLE "business_case_line_amounts" (
	"tenant_id" uuid,
	"line_id" uuid,
	"year_number" smallint,
	"amount_pence" bigint NOT NULL,
	CONSTRAINT "business_case_line_amounts_pkey" PRIMARY KEY("tenant_id","line_id","year_number"),
	CONSTRAINT "business_case_line_amounts_year_check" CHECK ("year_number" between 1 and 50),
	CONSTRAINT "business_case_line_amounts_amount_check" CHECK ("amount_pence" >= 0)
);
--> statement-breakpoint
ALTER TABLE "business_case_line_amounts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "business_case_line_opportunities" (
	"tenant_id" uuid,
	"line_id" uuid,
	"opportunity_id" uuid,
	"linked_by" text NOT NULL,
	"linked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "business_case_line_opportunities_pkey" PRIMARY KEY("tenant_id","line_id","opportunity_id")
);
--> statement-breakpoint
ALTER TABLE "business_case_line_opportunities" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "business_case_lines" (
	"tenant_id" uuid,
	"id" uuid DEFAULT gen_random_uuid(),
	"business_case_id" uuid NOT NULL,
	"workstream_id" uuid,
	"position" smallint NOT NULL,
	"name" text NOT NULL,
	"kind" "business_case_line_kind" NOT NULL,
	"recurrence" "savings_recurrence" NOT NULL,
	"cashable" boolean NOT NULL,
	"term_amount_pence" bigint,
	"note" text,
	CONSTRAINT "business_case_lines_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "business_case_lines_position_key" UNIQUE("tenant_id","business_case_id","position"),
	CONSTRAINT "business_case_lines_term_amount_check" CHECK ("term_amount_pence" >= 0),
	CONSTRAINT "business_case_lines_investment_cashable_check" CHECK ("kind" = 'saving' or "cashable")
);
--> statement-breakpoint
ALTER TABLE "business_case_lines" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "business_case_stated_figure_lines" (
	"tenant_id" uuid,
	"stated_figure_id" uuid,
	"line_id" uuid,
	CONSTRAINT "business_case_stated_figure_lines_pkey" PRIMARY KEY("tenant_id","stated_figure_id","line_id")
);
--> statement-breakpoint
ALTER TABLE "business_case_stated_figure_lines" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "business_case_stated_figures" (
	"tenant_id" uuid,
	"id" uuid DEFAULT gen_random_uuid(),
	"business_case_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"label" text NOT NULL,
	"measure" "business_case_measure" NOT NULL,
	"year_number" smallint,
	"amount_pence" bigint,
	"months" smallint,
	"comparator" "stated_figure_comparator" DEFAULT 'exactly'::"stated_figure_comparator" NOT NULL,
	"quote" text NOT NULL,
	CONSTRAINT "business_case_stated_figures_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "business_case_stated_figures_position_key" UNIQUE("tenant_id","business_case_id","position"),
	CONSTRAINT "business_case_stated_figures_shape_check" CHECK (case when "measure" = 'payback_months'
        then "months" is not null and "months" >= 0 and "amount_pence" is null
        else "amount_pence" is not null and "months" is null end),
	CONSTRAINT "business_case_stated_figures_year_check" CHECK ("year_number" is null or ("measure" = 'lines_total' and "year_number" between 1 and 50))
);
--> statement-breakpoint
ALTER TABLE "business_case_stated_figures" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "business_case_workstreams" (
	"tenant_id" uuid,
	"id" uuid DEFAULT gen_random_uuid(),
	"business_case_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"name" text NOT NULL,
	"savings_low_pence" bigint,
	"savings_high_pence" bigint,
	CONSTRAINT "business_case_workstreams_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "business_case_workstreams_position_key" UNIQUE("tenant_id","business_case_id","position"),
	CONSTRAINT "business_case_workstreams_low_check" CHECK ("savings_low_pence" >= 0),
	CONSTRAINT "business_case_workstreams_high_check" CHECK ("savings_high_pence" >= "savings_low_pence")
);
--> statement-breakpoint
ALTER TABLE "business_case_workstreams" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "business_cases" (
	"tenant_id" uuid,
	"id" uuid DEFAULT gen_random_uuid(),
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"source" text,
	"first_fiscal_year" smallint,
	"term_years" smallint NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"idempotency_key" text NOT NULL,
	"input_hash" text NOT NULL,
	CONSTRAINT "business_cases_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "business_cases_tenant_key" UNIQUE("tenant_id","idempotency_key"),
	CONSTRAINT "business_cases_term_check" CHECK ("term_years" between 1 and 50),
	CONSTRAINT "business_cases_fiscal_year_check" CHECK ("first_fiscal_year" between 1900 and 2998)
);
--> statement-breakpoint
ALTER TABLE "business_cases" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE INDEX "business_case_line_opportunities_opportunity_idx" ON "business_case_line_opportunities" ("tenant_id","opportunity_id");--> statement-breakpoint
CREATE INDEX "business_case_lines_workstream_idx" ON "business_case_lines" ("tenant_id","workstream_id");--> statement-breakpoint
CREATE INDEX "business_case_stated_figure_lines_line_idx" ON "business_case_stated_figure_lines" ("tenant_id","line_id");--> statement-breakpoint
CREATE INDEX "business_cases_tenant_created_idx" ON "business_cases" ("tenant_id","created_at","id");--> statement-breakpoint
ALTER TABLE "business_case_line_amounts" ADD CONSTRAINT "business_case_line_amounts_line_fk" FOREIGN KEY ("tenant_id","line_id") REFERENCES "business_case_lines"("tenant_id","id");--> statement-breakpoint
ALTER TABLE "business_case_line_opportunities" ADD CONSTRAINT "business_case_line_opportunities_line_fk" FOREIGN KEY ("tenant_id","line_id") REFERENCES "business_case_lines"("tenant_id","id");--> statement-breakpoint
ALTER TABLE "business_case_line_opportunities" ADD CONSTRAINT "business_case_line_opportunities_opportunity_fk" FOREIGN KEY ("tenant_id","opportunity_id") REFERENCES "savings_opportunities"("tenant_id","id");--> statement-breakpoint
ALTER TABLE "business_case_lines" ADD CONSTRAINT "business_case_lines_case_fk" FOREIGN KEY ("tenant_id","business_case_id") REFERENCES "business_cases"("tenant_id","id");--> statement-breakpoint
ALTER TABLE "business_case_lines" ADD CONSTRAINT "business_case_lines_workstream_fk" FOREIGN KEY ("tenant_id","workstream_id") REFERENCES "business_case_workstreams"("tenant_id","id");--> statement-breakpoint
ALTER TABLE "business_case_stated_figure_lines" ADD CONSTRAINT "business_case_stated_figure_lines_figure_fk" FOREIGN KEY ("tenant_id","stated_figure_id") REFERENCES "business_case_stated_figures"("tenant_id","id");--> statement-breakpoint
ALTER TABLE "business_case_stated_figure_lines" ADD CONSTRAINT "business_case_stated_figure_lines_line_fk" FOREIGN KEY ("tenant_id","line_id") REFERENCES "business_case_lines"("tenant_id","id");--> statement-breakpoint
ALTER TABLE "business_case_stated_figures" ADD CONSTRAINT "business_case_stated_figures_case_fk" FOREIGN KEY ("tenant_id","business_case_id") REFERENCES "business_cases"("tenant_id","id");--> statement-breakpoint
ALTER TABLE "business_case_workstreams" ADD CONSTRAINT "business_case_workstreams_case_fk" FOREIGN KEY ("tenant_id","business_case_id") REFERENCES "business_cases"("tenant_id","id");--> statement-breakpoint
ALTER TABLE "business_cases" ADD CONSTRAINT "business_cases_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "organisations"("id");--> statement-breakpoint
CREATE POLICY "business_case_line_amounts_tenant_isolation" ON "business_case_line_amounts" AS PERMISSIVE FOR ALL TO "ssp_runtime" USING ("business_case_line_amounts"."tenant_id" = any (app.current_tenant_ids())) WITH CHECK ("business_case_line_amounts"."tenant_id" = any (app.current_tenant_ids()));--> statement-breakpoint
CREATE POLICY "business_case_line_amounts_platform_access" ON "business_case_line_amounts" AS PERMISSIVE FOR ALL TO "ssp_platform" USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "business_case_line_opportunities_tenant_isolation" ON "business_case_line_opportunities" AS PERMISSIVE FOR ALL TO "ssp_runtime" USING ("business_case_line_opportunities"."tenant_id" = any (app.current_tenant_ids())) WITH CHECK ("business_case_line_opportunities"."tenant_id" = any (app.current_tenant_ids()));--> statement-breakpoint
CREATE POLICY "business_case_line_opportunities_platform_access" ON "business_case_line_opportunities" AS PERMISSIVE FOR ALL TO "ssp_platform" USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "business_case_lines_tenant_isolation" ON "business_case_lines" AS PERMISSIVE FOR ALL TO "ssp_runtime" USING ("business_case_lines"."tenant_id" = any (app.current_tenant_ids())) WITH CHECK ("business_case_lines"."tenant_id" = any (app.current_tenant_ids()));--> statement-breakpoint
CREATE POLICY "business_case_lines_platform_access" ON "business_case_lines" AS PERMISSIVE FOR ALL TO "ssp_platform" USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "business_case_stated_figure_lines_tenant_isolation" ON "business_case_stated_figure_lines" AS PERMISSIVE FOR ALL TO "ssp_runtime" USING ("business_case_stated_figure_lines"."tenant_id" = any (app.current_tenant_ids())) WITH CHECK ("business_case_stated_figure_lines"."tenant_id" = any (app.current_tenant_ids()));--> statement-breakpoint
CREATE POLICY "business_case_stated_figure_lines_platform_access" ON "business_case_stated_figure_lines" AS PERMISSIVE FOR ALL TO "ssp_platform" USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "business_case_stated_figures_tenant_isolation" ON "business_case_stated_figures" AS PERMISSIVE FOR ALL TO "ssp_runtime" USING ("business_case_stated_figures"."tenant_id" = any (app.current_tenant_ids())) WITH CHECK ("business_case_stated_figures"."tenant_id" = any (app.current_tenant_ids()));--> statement-breakpoint
CREATE POLICY "business_case_stated_figures_platform_access" ON "business_case_stated_figures" AS PERMISSIVE FOR ALL TO "ssp_platform" USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "business_case_workstreams_tenant_isolation" ON "business_case_workstreams" AS PERMISSIVE FOR ALL TO "ssp_runtime" USING ("business_case_workstreams"."tenant_id" = any (app.current_tenant_ids())) WITH CHECK ("business_case_workstreams"."tenant_id" = any (app.current_tenant_ids()));--> statement-breakpoint
CREATE POLICY "business_case_workstreams_platform_access" ON "business_case_workstreams" AS PERMISSIVE FOR ALL TO "ssp_platform" USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "business_cases_tenant_isolation" ON "business_cases" AS PERMISSIVE FOR ALL TO "ssp_runtime" USING ("business_cases"."tenant_id" = any (app.current_tenant_ids())) WITH CHECK ("business_cases"."tenant_id" = any (app.current_tenant_ids()));--> statement-breakpoint
CREATE POLICY "business_cases_platform_access" ON "business_cases" AS PERMISSIVE FOR ALL TO "ssp_platform" USING (true) WITH CHECK (true);