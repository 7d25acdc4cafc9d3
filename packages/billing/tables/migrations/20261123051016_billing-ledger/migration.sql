CREATE TYPE "ledger_basis" AS ENUM('estimated', 'actual');--> statement-breakpoint
CREATE TYPE "ledger_entry_kind" AS ENUM('estimate', 'actual', 'restatement', 'reversal');--> statement-breakpoint
CREATE TYPE "payment_profile" AS ENUM('monthly', 'quarterly');--> statement-breakpoint
CREATE TYPE "savings_category" AS ENUM('return_of_affordability', 'licence_reduction', 'site_reduction', 'printing', 'telephony', 'staffing', 'policy_change', 'supplier_change', 'other');--> statement-breakpoint
CREATE TYPE "savings_opportunity_status" AS ENUM('proposed', 'accepted', 'rejected', 'delivered');--> statement-breakpoint
CREATE TYPE "savings_recurrence" AS ENUM('recurring', 'one_off');--> statement-breakpoint
CREATE TYPE "savings_target" AS ENUM('affordability_charge', 'other_budget');--> statement-breakpoint
CREATE TABLE "affordability_charges" (
	"tenant_id" uuid,
	"id" uuid DEFAULT gen_random_uuid(),
	"fiscal_year" smallint NOT NULL,
	"contract_schedule" text NOT NULL,
	"annual_pence" bigint NOT NULL,
	"payment_profile" "payment_profile" NOT NULL,
	"set_by" text NOT NULL,
	"set_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "affordability_charges_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "affordability_charges_tenant_year_key" UNIQUE("tenant_id","fiscal_year"),
	CONSTRAINT "affordability_charges_fiscal_year_check" CHECK ("fiscal_year" between 1900 and 2998),
	CONSTRAINT "affordability_charges_annual_check" CHECK ("annual_pence" >= 0)
);
--> statement-breakpoint
ALTER TABLE "affordability_charges" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "reduction_requests" (
	"tenant_id" uuid,
	"id" uuid DEFAULT gen_random_uuid(),
	"amount_pence" bigint NOT NULL,
	"from_fiscal_year" smallint NOT NULL,
	"reason" text NOT NULL,
	"requested_by" text NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"idempotency_key" text NOT NULL,
	"input_hash" text NOT NULL,
	CONSTRAINT "reduction_requests_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "reduction_requests_tenant_key" UNIQUE("tenant_id","idempotency_key"),
	CONSTRAINT "reduction_requests_amount_check" CHECK ("amount_pence" > 0),
	CONSTRAINT "reduction_requests_fiscal_year_check" CHECK ("from_fiscal_year" between 1900 and 2998)
);
--> statement-breakpoint
ALTER TABLE "reduction_requests" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "savings_ledger_entries" (
	"tenant_id" uuid,
	"id" uuid DEFAULT gen_random_uuid(),
	"opportunity_id" uuid NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"kind" "ledger_entry_kind" NOT NULL,
	"amount_pence" bigint NOT NULL,
	"basis" "ledger_basis",
	"reverses_entry_id" uuid,
	"reason" text,
	"recorded_by" text NOT NULL,
	"recorded_by_organisation_id" uuid,
	"recorded_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
	"idempotency_key" text NOT NULL,
	"input_hash" text NOT NULL,
	CONSTRAINT "savings_ledger_entries_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "savings_ledger_entries_tenant_key" UNIQUE("tenant_id","idempotency_key"),
	CONSTRAINT "savings_ledger_entries_reverses_key" UNIQUE("tenant_id","reverses_entry_id"),
	CONSTRAINT "savings_ledger_entries_fiscal_year_check" CHECK ("fiscal_year" between 1900 and 2998),
	CONSTRAINT "savings_ledger_entries_shape_check" CHECK (case "kind"
        when 'reversal' then "reverses_entry_id" is not null and "basis" is null and "reason" is not null
        when 'restatement' then "reverses_entry_id" is null and "basis" is not null and "reason" is not null and "amount_pence" >= 0
        when 'actual' then "reverses_entry_id" is null and "basis" = 'actual' and "amount_pence" >= 0
        else "reverses_entry_id" is null and "basis" = 'estimated' and "amount_pence" >= 0
      end)
);
--> statement-breakpoint
ALTER TABLE "savings_ledger_entries" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "savings_opportunities" (
	"tenant_id" uuid,
	"id" uuid DEFAULT gen_random_uuid(),
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"category" "savings_category" NOT NULL,
	"cashable" boolean NOT NULL,
	"recurrence" "savings_recurrence" NOT NULL,
	"counts_against" "savings_target" NOT NULL,
	"budget_name" text,
	"estimated_annual_pence" bigint,
	"status" "savings_opportunity_status" DEFAULT 'proposed'::"savings_opportunity_status" NOT NULL,
	"proposed_by_organisation_id" uuid NOT NULL,
	"proposed_by" text NOT NULL,
	"proposed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"decision_reason" text,
	"delivered_at" timestamp with time zone,
	"idempotency_key" text NOT NULL,
	"input_hash" text NOT NULL,
	CONSTRAINT "savings_opportunities_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "savings_opportunities_tenant_key" UNIQUE("tenant_id","idempotency_key"),
	CONSTRAINT "savings_opportunities_budget_check" CHECK (("counts_against" = 'other_budget') = ("budget_name" is not null)),
	CONSTRAINT "savings_opportunities_rejection_reason_check" CHECK ("status" <> 'rejected' or "decision_reason" is not null),
	CONSTRAINT "savings_opportunities_estimate_check" CHECK ("estimated_annual_pence" is null or "estimated_annual_pence" >= 0)
);
--> statement-breakpoint
ALTER TABLE "savings_opportunities" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "statement_credits" (
	"tenant_id" uuid,
	"id" uuid DEFAULT gen_random_uuid(),
	"statement_month" date NOT NULL,
	"amount_pence" bigint NOT NULL,
	"reason" text NOT NULL,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
	"idempotency_key" text NOT NULL,
	"input_hash" text NOT NULL,
	CONSTRAINT "statement_credits_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "statement_credits_tenant_key" UNIQUE("tenant_id","idempotency_key"),
	CONSTRAINT "statement_credits_month_check" CHECK (extract(day from "statement_month") = 1),
	CONSTRAINT "statement_credits_amount_check" CHECK ("amount_pence" <> 0)
);
--> statement-breakpoint
ALTER TABLE "statement_credits" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE INDEX "reduction_requests_tenant_year_idx" ON "reduction_requests" ("tenant_id","from_fiscal_year");--> statement-breakpoint
CREATE INDEX "savings_ledger_entries_tenant_year_idx" ON "savings_ledger_entries" ("tenant_id","fiscal_year","opportunity_id","recorded_at");--> statement-breakpoint
CREATE INDEX "savings_opportunities_tenant_proposed_idx" ON "savings_opportunities" ("tenant_id","proposed_at","id");--> statement-breakpoint
CREATE INDEX "statement_credits_tenant_month_idx" ON "statement_credits" ("tenant_id","statement_month");--> statement-breakpoint
ALTER TABLE "affordability_charges" ADD CONSTRAINT "affordability_charges_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "organisations"("id");--> statement-breakpoint
ALTER TABLE "reduction_requests" ADD CONSTRAINT "reduction_requests_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "organisations"("id");--> statement-breakpoint
ALTER TABLE "savings_ledger_entries" ADD CONSTRAINT "savings_ledger_entries_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "organisations"("id");--> statement-breakpoint
ALTER TABLE "savings_ledger_entries" ADD CONSTRAINT "savings_ledger_entries_opportunity_fk" FOREIGN KEY ("tenant_id","opportunity_id") REFERENCES "savings_opportunities"("tenant_id","id");--> statement-breakpoint
ALTER TABLE "savings_ledger_entries" ADD CONSTRAINT "savings_ledger_entries_reverses_fk" FOREIGN KEY ("tenant_id","reverses_entry_id") REFERENCES "savings_ledger_entries"("tenant_id","id");--> statement-breakpoint
ALTER TABLE "savings_opportunities" ADD CONSTRAINT "savings_opportunities_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "organisations"("id");--> statement-breakpoint
ALTER TABLE "statement_credits" ADD CONSTRAINT "statement_credits_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "organisations"("id");--> statement-breakpoint
CREATE POLICY "affordability_charges_tenant_isolation" ON "affordability_charges" AS PERMISSIVE FOR ALL TO "ssp_runtime" USING ("affordability_charges"."tenant_id" = any (app.current_tenant_ids())) WITH CHECK ("affordability_charges"."tenant_id" = any (app.current_tenant_ids()));--> statement-breakpoint
CREATE POLICY "affordability_charges_platform_access" ON "affordability_charges" AS PERMISSIVE FOR ALL TO "ssp_platform" USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "reduction_requests_tenant_isolation" ON "reduction_requests" AS PERMISSIVE FOR ALL TO "ssp_runtime" USING ("reduction_requests"."tenant_id" = any (app.current_tenant_ids())) WITH CHECK ("reduction_requests"."tenant_id" = any (app.current_tenant_ids()));--> statement-breakpoint
CREATE POLICY "reduction_requests_platform_access" ON "reduction_requests" AS PERMISSIVE FOR ALL TO "ssp_platform" USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "savings_ledger_entries_tenant_isolation" ON "savings_ledger_entries" AS PERMISSIVE FOR ALL TO "ssp_runtime" USING ("savings_ledger_entries"."tenant_id" = any (app.current_tenant_ids())) WITH CHECK ("savings_ledger_entries"."tenant_id" = any (app.current_tenant_ids()));--> statement-breakpoint
CREATE POLICY "savings_ledger_entries_platform_access" ON "savings_ledger_entries" AS PERMISSIVE FOR ALL TO "ssp_platform" USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "savings_opportunities_tenant_isolation" ON "savings_opportunities" AS PERMISSIVE FOR ALL TO "ssp_runtime" USING ("savings_opportunities"."tenant_id" = any (app.current_tenant_ids())) WITH CHECK ("savings_opportunities"."tenant_id" = any (app.current_tenant_ids()));--> statement-breakpoint
CREATE POLICY "savings_opportunities_platform_access" ON "savings_opportunities" AS PERMISSIVE FOR ALL TO "ssp_platform" USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "statement_credits_tenant_isolation" ON "statement_credits" AS PERMISSIVE FOR ALL TO "ssp_runtime" USING ("statement_credits"."tenant_id" = any (app.current_tenant_ids())) WITH CHECK ("statement_credits"."tenant_id" = any (app.current_tenant_ids()));--> statement-breakpoint
CREATE POLICY "statement_credits_platform_access" ON "statement_credits" AS PERMISSIVE FOR ALL TO "ssp_platform" USING (true) WITH CHECK (true);