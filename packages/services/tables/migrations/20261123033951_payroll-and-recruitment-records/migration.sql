CREATE TYPE "error_cause" AS ENUM('partnership', 'customer');--> statement-breakpoint
CREATE TYPE "payroll_change_kind" AS ENUM('starter', 'leaver', 'pay_change', 'arrears');--> statement-breakpoint
CREATE TYPE "payroll_frequency" AS ENUM('monthly', 'four_weekly', 'fortnightly', 'weekly');--> statement-breakpoint
CREATE TABLE "pay_periods" (
	"tenant_id" uuid,
	"id" uuid DEFAULT gen_random_uuid(),
	"payroll_id" uuid NOT NULL,
	"period_start" date NOT NULL,
	"published_deadline" timestamp with time zone NOT NULL,
	"payments_made" integer NOT NULL,
	CONSTRAINT "pay_periods_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "pay_periods_tenant_payroll_start_key" UNIQUE("tenant_id","payroll_id","period_start")
);
--> statement-breakpoint
ALTER TABLE "pay_periods" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "payroll_changes" (
	"tenant_id" uuid,
	"id" uuid DEFAULT gen_random_uuid(),
	"pay_period_id" uuid NOT NULL,
	"kind" "payroll_change_kind" NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"processed_at" timestamp with time zone,
	CONSTRAINT "payroll_changes_pkey" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "payroll_changes" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "payroll_errors" (
	"tenant_id" uuid,
	"id" uuid DEFAULT gen_random_uuid(),
	"pay_period_id" uuid NOT NULL,
	"caused_by" "error_cause" NOT NULL,
	"description" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payroll_errors_pkey" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "payroll_errors" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "payrolls" (
	"tenant_id" uuid,
	"id" uuid DEFAULT gen_random_uuid(),
	"code" text NOT NULL,
	"name" text NOT NULL,
	"frequency" "payroll_frequency" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payrolls_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "payrolls_tenant_code_key" UNIQUE("tenant_id","code")
);
--> statement-breakpoint
ALTER TABLE "payrolls" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "contract_letters" (
	"tenant_id" uuid,
	"id" uuid DEFAULT gen_random_uuid(),
	"reference" text NOT NULL,
	"system_change_date" date NOT NULL,
	"issued_date" date,
	CONSTRAINT "contract_letters_pkey" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "contract_letters" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "dbs_checks" (
	"tenant_id" uuid,
	"id" uuid DEFAULT gen_random_uuid(),
	"reference" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"information_complete_at" timestamp with time zone,
	"processed_at" timestamp with time zone,
	CONSTRAINT "dbs_checks_pkey" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "dbs_checks" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE INDEX "pay_periods_tenant_start_idx" ON "pay_periods" ("tenant_id","period_start");--> statement-breakpoint
CREATE INDEX "payroll_changes_tenant_period_idx" ON "payroll_changes" ("tenant_id","pay_period_id");--> statement-breakpoint
CREATE INDEX "payroll_errors_tenant_period_idx" ON "payroll_errors" ("tenant_id","pay_period_id");--> statement-breakpoint
CREATE INDEX "contract_letters_tenant_change_idx" ON "contract_letters" ("tenant_id","system_change_date");--> statement-breakpoint
CREATE INDEX "dbs_checks_tenant_complete_idx" ON "dbs_checks" ("tenant_id","information_complete_at");--> statement-breakpoint
ALTER TABLE "pay_periods" ADD CONSTRAINT "pay_periods_payroll_fk" FOREIGN KEY ("tenant_id","payroll_id") REFERENCES "payrolls"("tenant_id","id");--> statement-breakpoint
ALTER TABLE "payroll_changes" ADD CONSTRAINT "payroll_changes_period_fk" FOREIGN KEY ("tenant_id","pay_period_id") REFERENCES "pay_periods"("tenant_id","id");--> statement-breakpoint
ALTER TABLE "payroll_errors" ADD CONSTRAINT "payroll_errors_period_fk" FOREIGN KEY ("tenant_id","pay_period_id") REFERENCES "pay_periods"("tenant_id","id");--> statement-breakpoint
ALTER TABLE "payrolls" ADD CONSTRAINT "payrolls_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "organisations"("id");--> statement-breakpoint
ALTER TABLE "contract_letters" ADD CONSTRAINT "contract_letters_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "organisations"("id");--> statement-breakpoint
ALTER TABLE "dbs_checks" ADD CONSTRAINT "dbs_checks_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "organisations"("id");--> statement-breakpoint
CREATE POLICY "pay_periods_tenant_isolation" ON "pay_periods" AS PERMISSIVE FOR ALL TO "ssp_runtime" USING ("pay_periods"."tenant_id" = any (app.current_tenant_ids())) WITH CHECK ("pay_periods"."tenant_id" = any (app.current_tenant_ids()));--> statement-breakpoint
CREATE POLICY "pay_periods_platform_access" ON "pay_periods" AS PERMISSIVE FOR ALL TO "ssp_platform" USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "payroll_changes_tenant_isolation" ON "payroll_changes" AS PERMISSIVE FOR ALL TO "ssp_runtime" USING ("payroll_changes"."tenant_id" = any (app.current_tenant_ids())) WITH CHECK ("payroll_changes"."tenant_id" = any (app.current_tenant_ids()));--> statement-breakpoint
CREATE POLICY "payroll_changes_platform_access" ON "payroll_changes" AS PERMISSIVE FOR ALL TO "ssp_platform" USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "payroll_errors_tenant_isolation" ON "payroll_errors" AS PERMISSIVE FOR ALL TO "ssp_runtime" USING ("payroll_errors"."tenant_id" = any (app.current_tenant_ids())) WITH CHECK ("payroll_errors"."tenant_id" = any (app.current_tenant_ids()));--> statement-breakpoint
CREATE POLICY "payroll_errors_platform_access" ON "payroll_errors" AS PERMISSIVE FOR ALL TO "ssp_platform" USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "payrolls_tenant_isolation" ON "payrolls" AS PERMISSIVE FOR ALL TO "ssp_runtime" USING ("payrolls"."tenant_id" = any (app.current_tenant_ids())) WITH CHECK ("payrolls"."tenant_id" = any (app.current_tenant_ids()));--> statement-breakpoint
CREATE POLICY "payrolls_platform_access" ON "payrolls" AS PERMISSIVE FOR ALL TO "ssp_platform" USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "contract_letters_tenant_isolation" ON "contract_letters" AS PERMISSIVE FOR ALL TO "ssp_runtime" USING ("contract_letters"."tenant_id" = any (app.current_tenant_ids())) WITH CHECK ("contract_letters"."tenant_id" = any (app.current_tenant_ids()));--> statement-breakpoint
CREATE POLICY "contract_letters_platform_access" ON "contract_letters" AS PERMISSIVE FOR ALL TO "ssp_platform" USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "dbs_checks_tenant_isolation" ON "dbs_checks" AS PERMISSIVE FOR ALL TO "ssp_runtime" USING ("dbs_checks"."tenant_id" = any (app.current_tenant_ids())) WITH CHECK ("dbs_checks"."tenant_id" = any (app.current_tenant_ids()));--> statement-breakpoint
CREATE POLICY "dbs_checks_platform_access" ON "dbs_checks" AS PERMISSIVE FOR ALL TO "ssp_platform" USING (true) WITH CHECK (true);