CREATE TYPE "calendar_source" AS ENUM('generator', 'gov_uk_import', 'platform_admin');--> statement-breakpoint
CREATE TYPE "working_day_convention" AS ENUM('end_of_nth_working_day', 'same_time_nth_working_day');--> statement-breakpoint
CREATE TABLE "calendar_versions" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL CONSTRAINT "calendar_versions_id_key" UNIQUE,
	"nation" "nation",
	"version" integer,
	"source" "calendar_source" NOT NULL,
	"added" jsonb NOT NULL,
	"removed" jsonb NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_versions_pkey" PRIMARY KEY("nation","version")
);
--> statement-breakpoint
ALTER TABLE "calendar_versions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "nation_calendars" (
	"nation" "nation" PRIMARY KEY,
	"version" integer NOT NULL,
	"holiday_epoch_days" integer[] NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "nation_calendars" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "sla_definitions" DROP CONSTRAINT "sla_definitions_offering_version_key";--> statement-breakpoint
ALTER TABLE "sla_definitions" ADD COLUMN "priority" "incident_priority";--> statement-breakpoint
ALTER TABLE "sla_definitions" ADD COLUMN "working_day_convention" "working_day_convention" DEFAULT 'end_of_nth_working_day'::"working_day_convention" NOT NULL;--> statement-breakpoint
ALTER TABLE "sla_definitions" ADD COLUMN "published_by" text;--> statement-breakpoint
ALTER TABLE "sla_definitions" ADD COLUMN "created_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "sla_definitions" ADD CONSTRAINT "sla_definitions_offering_priority_version_key" UNIQUE NULLS NOT DISTINCT("offering_id","priority","version");--> statement-breakpoint
CREATE POLICY "calendar_versions_runtime_read" ON "calendar_versions" AS PERMISSIVE FOR SELECT TO "ssp_runtime" USING (true);--> statement-breakpoint
CREATE POLICY "calendar_versions_platform_access" ON "calendar_versions" AS PERMISSIVE FOR ALL TO "ssp_platform" USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "nation_calendars_runtime_read" ON "nation_calendars" AS PERMISSIVE FOR SELECT TO "ssp_runtime" USING (true);--> statement-breakpoint
CREATE POLICY "nation_calendars_platform_access" ON "nation_calendars" AS PERMISSIVE FOR ALL TO "ssp_platform" USING (true) WITH CHECK (true);