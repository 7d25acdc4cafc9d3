ALTER TYPE "record_kind" ADD VALUE 'service_requests';--> statement-breakpoint
ALTER TABLE "pay_periods" ADD COLUMN "retracted" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "payroll_changes" ADD COLUMN "retracted" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "payroll_errors" ADD COLUMN "retracted" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "payrolls" ADD COLUMN "retracted" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "application_stages" ADD COLUMN "retracted" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "retracted" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "contract_letters" ADD COLUMN "retracted" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "dbs_checks" ADD COLUMN "retracted" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "vacancies" ADD COLUMN "retracted" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "service_requests" ADD COLUMN "imported_from" text;--> statement-breakpoint
ALTER TABLE "service_requests" ADD COLUMN "external_reference" text;--> statement-breakpoint
ALTER TABLE "service_requests" ADD COLUMN "import_id" uuid;--> statement-breakpoint
ALTER TABLE "service_requests" ADD COLUMN "imported_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "service_requests_tenant_external_reference_key" ON "service_requests" ("tenant_id","imported_from","external_reference") WHERE imported_from is not null;--> statement-breakpoint
ALTER TABLE "service_requests" ADD CONSTRAINT "service_requests_import_fk" FOREIGN KEY ("tenant_id","import_id") REFERENCES "record_imports"("tenant_id","id");