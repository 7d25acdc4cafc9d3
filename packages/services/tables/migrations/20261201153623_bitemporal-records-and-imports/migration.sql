CREATE TYPE "application_stage" AS ENUM('shortlisted', 'interviewed', 'offered', 'appointed', 'withdrawn', 'rejected');--> statement-breakpoint
CREATE TYPE "record_kind" AS ENUM('payrolls', 'pay_periods', 'payroll_changes', 'payroll_errors', 'dbs_checks', 'contract_letters', 'vacancies', 'applications', 'application_stages');--> statement-breakpoint
CREATE TABLE "record_imports" (
	"tenant_id" uuid,
	"id" uuid DEFAULT gen_random_uuid(),
	"import_key" text NOT NULL,
	"kind" "record_kind" NOT NULL,
	"input_hash" text NOT NULL,
	"row_count" integer NOT NULL,
	"corrections" integer NOT NULL,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "record_imports_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "record_imports_tenant_key_key" UNIQUE("tenant_id","import_key")
);
--> statement-breakpoint
ALTER TABLE "record_imports" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "application_stages" (
	"tenant_id" uuid,
	"id" uuid DEFAULT gen_random_uuid(),
	"application_id" uuid NOT NULL,
	"stage" "application_stage" NOT NULL,
	"reached_at" timestamp with time zone NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"corrects_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"import_id" uuid,
	"record_id" uuid GENERATED ALWAYS AS (coalesce(corrects_id, id)) STORED NOT NULL,
	CONSTRAINT "application_stages_pkey" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "application_stages" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "applications" (
	"tenant_id" uuid,
	"id" uuid DEFAULT gen_random_uuid(),
	"reference" text NOT NULL,
	"vacancy_id" uuid NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"corrects_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"import_id" uuid,
	"record_id" uuid GENERATED ALWAYS AS (coalesce(corrects_id, id)) STORED NOT NULL,
	CONSTRAINT "applications_pkey" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "applications" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "vacancies" (
	"tenant_id" uuid,
	"id" uuid DEFAULT gen_random_uuid(),
	"reference" text NOT NULL,
	"title" text NOT NULL,
	"opened_on" date NOT NULL,
	"closes_on" date,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"corrects_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"import_id" uuid,
	"record_id" uuid GENERATED ALWAYS AS (coalesce(corrects_id, id)) STORED NOT NULL,
	CONSTRAINT "vacancies_pkey" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "vacancies" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "pay_periods" DROP CONSTRAINT "pay_periods_tenant_payroll_start_key";--> statement-breakpoint
ALTER TABLE "payrolls" DROP CONSTRAINT "payrolls_tenant_code_key";--> statement-breakpoint
ALTER TABLE "pay_periods" ADD COLUMN "recorded_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "pay_periods" ADD COLUMN "corrects_id" uuid;--> statement-breakpoint
ALTER TABLE "pay_periods" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "pay_periods" ADD COLUMN "import_id" uuid;--> statement-breakpoint
ALTER TABLE "pay_periods" ADD COLUMN "record_id" uuid GENERATED ALWAYS AS (coalesce(corrects_id, id)) STORED;--> statement-breakpoint
ALTER TABLE "payroll_changes" ADD COLUMN "reference" text;--> statement-breakpoint
ALTER TABLE "payroll_changes" ADD COLUMN "recorded_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "payroll_changes" ADD COLUMN "corrects_id" uuid;--> statement-breakpoint
ALTER TABLE "payroll_changes" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "payroll_changes" ADD COLUMN "import_id" uuid;--> statement-breakpoint
ALTER TABLE "payroll_changes" ADD COLUMN "record_id" uuid GENERATED ALWAYS AS (coalesce(corrects_id, id)) STORED;--> statement-breakpoint
ALTER TABLE "payroll_errors" ADD COLUMN "reference" text;--> statement-breakpoint
ALTER TABLE "payroll_errors" ADD COLUMN "corrects_id" uuid;--> statement-breakpoint
ALTER TABLE "payroll_errors" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "payroll_errors" ADD COLUMN "import_id" uuid;--> statement-breakpoint
ALTER TABLE "payroll_errors" ADD COLUMN "record_id" uuid GENERATED ALWAYS AS (coalesce(corrects_id, id)) STORED;--> statement-breakpoint
ALTER TABLE "payrolls" ADD COLUMN "recorded_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "payrolls" ADD COLUMN "corrects_id" uuid;--> statement-breakpoint
ALTER TABLE "payrolls" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "payrolls" ADD COLUMN "import_id" uuid;--> statement-breakpoint
ALTER TABLE "payrolls" ADD COLUMN "record_id" uuid GENERATED ALWAYS AS (coalesce(corrects_id, id)) STORED;--> statement-breakpoint
ALTER TABLE "contract_letters" ADD COLUMN "recorded_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "contract_letters" ADD COLUMN "corrects_id" uuid;--> statement-breakpoint
ALTER TABLE "contract_letters" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "contract_letters" ADD COLUMN "import_id" uuid;--> statement-breakpoint
ALTER TABLE "contract_letters" ADD COLUMN "record_id" uuid GENERATED ALWAYS AS (coalesce(corrects_id, id)) STORED;--> statement-breakpoint
ALTER TABLE "dbs_checks" ADD COLUMN "recorded_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "dbs_checks" ADD COLUMN "corrects_id" uuid;--> statement-breakpoint
ALTER TABLE "dbs_checks" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "dbs_checks" ADD COLUMN "import_id" uuid;--> statement-breakpoint
ALTER TABLE "dbs_checks" ADD COLUMN "record_id" uuid GENERATED ALWAYS AS (coalesce(corrects_id, id)) STORED;--> statement-breakpoint
CREATE UNIQUE INDEX "pay_periods_tenant_payroll_start_key" ON "pay_periods" ("tenant_id","payroll_id","period_start") WHERE corrects_id is null;--> statement-breakpoint
CREATE UNIQUE INDEX "pay_periods_version_key" ON "pay_periods" ("tenant_id","corrects_id","version") WHERE corrects_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "payroll_changes_tenant_reference_key" ON "payroll_changes" ("tenant_id","reference") WHERE corrects_id is null;--> statement-breakpoint
CREATE UNIQUE INDEX "payroll_changes_version_key" ON "payroll_changes" ("tenant_id","corrects_id","version") WHERE corrects_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "payroll_errors_tenant_reference_key" ON "payroll_errors" ("tenant_id","reference") WHERE corrects_id is null;--> statement-breakpoint
CREATE UNIQUE INDEX "payroll_errors_version_key" ON "payroll_errors" ("tenant_id","corrects_id","version") WHERE corrects_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "payrolls_tenant_code_key" ON "payrolls" ("tenant_id","code") WHERE corrects_id is null;--> statement-breakpoint
CREATE UNIQUE INDEX "payrolls_version_key" ON "payrolls" ("tenant_id","corrects_id","version") WHERE corrects_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "application_stages_tenant_application_stage_key" ON "application_stages" ("tenant_id","application_id","stage") WHERE corrects_id is null;--> statement-breakpoint
CREATE UNIQUE INDEX "application_stages_version_key" ON "application_stages" ("tenant_id","corrects_id","version") WHERE corrects_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "applications_tenant_reference_key" ON "applications" ("tenant_id","reference") WHERE corrects_id is null;--> statement-breakpoint
CREATE INDEX "applications_tenant_vacancy_idx" ON "applications" ("tenant_id","vacancy_id");--> statement-breakpoint
CREATE UNIQUE INDEX "applications_version_key" ON "applications" ("tenant_id","corrects_id","version") WHERE corrects_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "contract_letters_tenant_reference_key" ON "contract_letters" ("tenant_id","reference") WHERE corrects_id is null;--> statement-breakpoint
CREATE UNIQUE INDEX "contract_letters_version_key" ON "contract_letters" ("tenant_id","corrects_id","version") WHERE corrects_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "dbs_checks_tenant_reference_key" ON "dbs_checks" ("tenant_id","reference") WHERE corrects_id is null;--> statement-breakpoint
CREATE UNIQUE INDEX "dbs_checks_version_key" ON "dbs_checks" ("tenant_id","corrects_id","version") WHERE corrects_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "vacancies_tenant_reference_key" ON "vacancies" ("tenant_id","reference") WHERE corrects_id is null;--> statement-breakpoint
CREATE UNIQUE INDEX "vacancies_version_key" ON "vacancies" ("tenant_id","corrects_id","version") WHERE corrects_id is not null;--> statement-breakpoint
ALTER TABLE "pay_periods" ADD CONSTRAINT "pay_periods_corrects_fk" FOREIGN KEY ("tenant_id","corrects_id") REFERENCES "pay_periods"("tenant_id","id");--> statement-breakpoint
ALTER TABLE "pay_periods" ADD CONSTRAINT "pay_periods_import_fk" FOREIGN KEY ("tenant_id","import_id") REFERENCES "record_imports"("tenant_id","id");--> statement-breakpoint
ALTER TABLE "payroll_changes" ADD CONSTRAINT "payroll_changes_corrects_fk" FOREIGN KEY ("tenant_id","corrects_id") REFERENCES "payroll_changes"("tenant_id","id");--> statement-breakpoint
ALTER TABLE "payroll_changes" ADD CONSTRAINT "payroll_changes_import_fk" FOREIGN KEY ("tenant_id","import_id") REFERENCES "record_imports"("tenant_id","id");--> statement-breakpoint
ALTER TABLE "payroll_errors" ADD CONSTRAINT "payroll_errors_corrects_fk" FOREIGN KEY ("tenant_id","corrects_id") REFERENCES "payroll_errors"("tenant_id","id");--> statement-breakpoint
ALTER TABLE "payroll_errors" ADD CONSTRAINT "payroll_errors_import_fk" FOREIGN KEY ("tenant_id","import_id") REFERENCES "record_imports"("tenant_id","id");--> statement-breakpoint
ALTER TABLE "payrolls" ADD CONSTRAINT "payrolls_corrects_fk" FOREIGN KEY ("tenant_id","corrects_id") REFERENCES "payrolls"("tenant_id","id");--> statement-breakpoint
ALTER TABLE "payrolls" ADD CONSTRAINT "payrolls_import_fk" FOREIGN KEY ("tenant_id","import_id") REFERENCES "record_imports"("tenant_id","id");--> statement-breakpoint
ALTER TABLE "record_imports" ADD CONSTRAINT "record_imports_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "organisations"("id");--> statement-breakpoint
ALTER TABLE "application_stages" ADD CONSTRAINT "application_stages_application_fk" FOREIGN KEY ("tenant_id","application_id") REFERENCES "applications"("tenant_id","id");--> statement-breakpoint
ALTER TABLE "application_stages" ADD CONSTRAINT "application_stages_corrects_fk" FOREIGN KEY ("tenant_id","corrects_id") REFERENCES "application_stages"("tenant_id","id");--> statement-breakpoint
ALTER TABLE "application_stages" ADD CONSTRAINT "application_stages_import_fk" FOREIGN KEY ("tenant_id","import_id") REFERENCES "record_imports"("tenant_id","id");--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_vacancy_fk" FOREIGN KEY ("tenant_id","vacancy_id") REFERENCES "vacancies"("tenant_id","id");--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_corrects_fk" FOREIGN KEY ("tenant_id","corrects_id") REFERENCES "applications"("tenant_id","id");--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_import_fk" FOREIGN KEY ("tenant_id","import_id") REFERENCES "record_imports"("tenant_id","id");--> statement-breakpoint
ALTER TABLE "contract_letters" ADD CONSTRAINT "contract_letters_corrects_fk" FOREIGN KEY ("tenant_id","corrects_id") REFERENCES "contract_letters"("tenant_id","id");--> statement-breakpoint
ALTER TABLE "contract_letters" ADD CONSTRAINT "contract_letters_import_fk" FOREIGN KEY ("tenant_id","import_id") REFERENCES "record_imports"("tenant_id","id");--> statement-breakpoint
ALTER TABLE "dbs_checks" ADD CONSTRAINT "dbs_checks_corrects_fk" FOREIGN KEY ("tenant_id","corrects_id") REFERENCES "dbs_checks"("tenant_id","id");--> statement-breakpoint
ALTER TABLE "dbs_checks" ADD CONSTRAINT "dbs_checks_import_fk" FOREIGN KEY ("tenant_id","import_id") REFERENCES "record_imports"("tenant_id","id");--> statement-breakpoint
ALTER TABLE "vacancies" ADD CONSTRAINT "vacancies_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "organisations"("id");--> statement-breakpoint
ALTER TABLE "vacancies" ADD CONSTRAINT "vacancies_corrects_fk" FOREIGN KEY ("tenant_id","corrects_id") REFERENCES "vacancies"("tenant_id","id");--> statement-breakpoint
ALTER TABLE "vacancies" ADD CONSTRAINT "vacancies_import_fk" FOREIGN KEY ("tenant_id","import_id") REFERENCES "record_imports"("tenant_id","id");--> statement-breakpoint
CREATE POLICY "record_imports_tenant_isolation" ON "record_imports" AS PERMISSIVE FOR ALL TO "ssp_runtime" USING ("record_imports"."tenant_id" = any (app.current_tenant_ids())) WITH CHECK (app.in_tenant_context("record_imports"."tenant_id"));--> statement-breakpoint
CREATE POLICY "record_imports_platform_access" ON "record_imports" AS PERMISSIVE FOR ALL TO "ssp_platform" USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "application_stages_tenant_isolation" ON "application_stages" AS PERMISSIVE FOR ALL TO "ssp_runtime" USING ("application_stages"."tenant_id" = any (app.current_tenant_ids())) WITH CHECK (app.in_tenant_context("application_stages"."tenant_id"));--> statement-breakpoint
CREATE POLICY "application_stages_platform_access" ON "application_stages" AS PERMISSIVE FOR ALL TO "ssp_platform" USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "applications_tenant_isolation" ON "applications" AS PERMISSIVE FOR ALL TO "ssp_runtime" USING ("applications"."tenant_id" = any (app.current_tenant_ids())) WITH CHECK (app.in_tenant_context("applications"."tenant_id"));--> statement-breakpoint
CREATE POLICY "applications_platform_access" ON "applications" AS PERMISSIVE FOR ALL TO "ssp_platform" USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "vacancies_tenant_isolation" ON "vacancies" AS PERMISSIVE FOR ALL TO "ssp_runtime" USING ("vacancies"."tenant_id" = any (app.current_tenant_ids())) WITH CHECK (app.in_tenant_context("vacancies"."tenant_id"));--> statement-breakpoint
CREATE POLICY "vacancies_platform_access" ON "vacancies" AS PERMISSIVE FOR ALL TO "ssp_platform" USING (true) WITH CHECK (true);