CREATE TABLE "working_days" (
	"nation" "nation",
	"date" date,
	"is_working_day" boolean NOT NULL,
	"working_day_number" integer NOT NULL,
	CONSTRAINT "working_days_pkey" PRIMARY KEY("nation","date")
);
--> statement-breakpoint
ALTER TABLE "working_days" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE INDEX "working_days_nation_number_idx" ON "working_days" ("nation","working_day_number","is_working_day");--> statement-breakpoint
CREATE POLICY "working_days_runtime_read" ON "working_days" AS PERMISSIVE FOR SELECT TO "ssp_runtime" USING (true);--> statement-breakpoint
CREATE POLICY "working_days_platform_access" ON "working_days" AS PERMISSIVE FOR ALL TO "ssp_platform" USING (true) WITH CHECK (true);