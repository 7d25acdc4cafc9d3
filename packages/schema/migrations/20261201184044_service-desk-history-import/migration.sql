ALTER TYPE "record_kind" ADD VALUE 'service_requests';--> statement-breakpoint
ALTER TABLE "service_requests" ADD COLUMN "imported_from" text;--> statement-breakpoint
ALTER TABLE "service_requests" ADD COLUMN "external_reference" text;--> statement-breakpoint
ALTER TABLE "service_requests" ADD COLUMN "import_id" uuid;--> statement-breakpoint
ALTER TABLE "service_requests" ADD COLUMN "imported_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "service_requests_tenant_external_reference_key" ON "service_requests" ("tenant_id","imported_from","external_reference") WHERE imported_from is not null;--> statement-breakpoint
ALTER TABLE "service_requests" ADD CONSTRAINT "service_requests_import_fk" FOREIGN KEY ("tenant_id","import_id") REFERENCES "record_imports"("tenant_id","id");