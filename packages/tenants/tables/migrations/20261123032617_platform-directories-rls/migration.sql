ALTER TABLE "api_client_directory" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "identity_providers" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "api_client_directory_platform_access" ON "api_client_directory" AS PERMISSIVE FOR ALL TO "ssp_platform" USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "identity_providers_platform_access" ON "identity_providers" AS PERMISSIVE FOR ALL TO "ssp_platform" USING (true) WITH CHECK (true);