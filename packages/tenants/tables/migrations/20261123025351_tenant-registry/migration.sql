CREATE TYPE "identifier_scheme" AS ENUM('gss', 'urn', 'ods', 'police_force_code');--> statement-breakpoint
CREATE TYPE "lifecycle_status" AS ENUM('prospect', 'onboarding', 'active', 'suspended', 'offboarded');--> statement-breakpoint
CREATE TYPE "membership_role" AS ENUM('platform_admin', 'tenant_admin', 'finance', 'service_agent', 'requester');--> statement-breakpoint
CREATE TYPE "membership_status" AS ENUM('invited', 'active', 'removed');--> statement-breakpoint
CREATE TYPE "nation" AS ENUM('england_and_wales', 'scotland', 'northern_ireland');--> statement-breakpoint
CREATE TYPE "organisation_kind" AS ENUM('partnership', 'county_council', 'district_council', 'unitary_council', 'metropolitan_council', 'city_council', 'school', 'academy', 'police_force', 'police_and_crime_commissioner', 'nhs_trust', 'other_public_body', 'platform_operator');--> statement-breakpoint
CREATE TABLE "api_client_directory" (
	"client_id" text PRIMARY KEY,
	"organisation_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "api_clients" (
	"tenant_id" uuid,
	"id" uuid DEFAULT gen_random_uuid(),
	"client_id" text NOT NULL,
	"name" text NOT NULL,
	"secret_hash" text NOT NULL,
	"previous_secret_hash" text,
	"previous_secret_expires_at" timestamp with time zone,
	"roles" "membership_role"[] DEFAULT '{}'::"membership_role"[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_clients_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "api_clients_tenant_client_id_key" UNIQUE("tenant_id","client_id")
);
--> statement-breakpoint
ALTER TABLE "api_clients" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "identity_providers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"organisation_id" uuid NOT NULL,
	"issuer" text NOT NULL CONSTRAINT "identity_providers_issuer_key" UNIQUE,
	"jwks_url" text NOT NULL,
	"audience" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "delegations" (
	"tenant_id" uuid,
	"id" uuid DEFAULT gen_random_uuid(),
	"delegated_organisation_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"granted_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "delegations_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "delegations_tenant_delegated_key" UNIQUE("tenant_id","delegated_organisation_id")
);
--> statement-breakpoint
ALTER TABLE "delegations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "memberships" (
	"tenant_id" uuid,
	"id" uuid DEFAULT gen_random_uuid(),
	"issuer" text NOT NULL,
	"subject" text NOT NULL,
	"display_name" text NOT NULL,
	"email" text,
	"roles" "membership_role"[] DEFAULT '{}'::"membership_role"[] NOT NULL,
	"status" "membership_status" DEFAULT 'invited'::"membership_status" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "memberships_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "memberships_tenant_subject_key" UNIQUE("tenant_id","issuer","subject")
);
--> statement-breakpoint
ALTER TABLE "memberships" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"slug" text NOT NULL CONSTRAINT "organisations_slug_key" UNIQUE,
	"name" text NOT NULL,
	"kind" "organisation_kind" NOT NULL,
	"parent_id" uuid,
	"lifecycle_status" "lifecycle_status" DEFAULT 'onboarding'::"lifecycle_status" NOT NULL,
	"nation" "nation" NOT NULL,
	"identifier_scheme" "identifier_scheme",
	"identifier" text,
	"generated" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisations_official_identifier_key" UNIQUE("identifier_scheme","identifier")
);
--> statement-breakpoint
ALTER TABLE "organisations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE INDEX "api_clients_tenant_created_idx" ON "api_clients" ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "delegations_tenant_idx" ON "delegations" ("tenant_id","delegated_organisation_id");--> statement-breakpoint
CREATE INDEX "memberships_tenant_created_idx" ON "memberships" ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "organisations_parent_name_idx" ON "organisations" ("parent_id","name","id");--> statement-breakpoint
CREATE INDEX "organisations_name_idx" ON "organisations" ("name","id");--> statement-breakpoint
ALTER TABLE "api_client_directory" ADD CONSTRAINT "api_client_directory_organisation_id_organisations_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id");--> statement-breakpoint
ALTER TABLE "api_clients" ADD CONSTRAINT "api_clients_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "organisations"("id");--> statement-breakpoint
ALTER TABLE "identity_providers" ADD CONSTRAINT "identity_providers_organisation_id_organisations_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id");--> statement-breakpoint
ALTER TABLE "delegations" ADD CONSTRAINT "delegations_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "organisations"("id");--> statement-breakpoint
ALTER TABLE "delegations" ADD CONSTRAINT "delegations_delegated_organisation_fk" FOREIGN KEY ("delegated_organisation_id") REFERENCES "organisations"("id");--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "organisations"("id");--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_parent_id_organisations_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "organisations"("id");--> statement-breakpoint
CREATE POLICY "api_clients_tenant_isolation" ON "api_clients" AS PERMISSIVE FOR ALL TO "ssp_runtime" USING ("api_clients"."tenant_id" = any (app.current_tenant_ids())) WITH CHECK ("api_clients"."tenant_id" = any (app.current_tenant_ids()));--> statement-breakpoint
CREATE POLICY "api_clients_platform_access" ON "api_clients" AS PERMISSIVE FOR ALL TO "ssp_platform" USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "delegations_tenant_isolation" ON "delegations" AS PERMISSIVE FOR ALL TO "ssp_runtime" USING ("delegations"."tenant_id" = any (app.current_tenant_ids())) WITH CHECK ("delegations"."tenant_id" = any (app.current_tenant_ids()));--> statement-breakpoint
CREATE POLICY "delegations_platform_access" ON "delegations" AS PERMISSIVE FOR ALL TO "ssp_platform" USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "memberships_tenant_isolation" ON "memberships" AS PERMISSIVE FOR ALL TO "ssp_runtime" USING ("memberships"."tenant_id" = any (app.current_tenant_ids())) WITH CHECK ("memberships"."tenant_id" = any (app.current_tenant_ids()));--> statement-breakpoint
CREATE POLICY "memberships_platform_access" ON "memberships" AS PERMISSIVE FOR ALL TO "ssp_platform" USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "organisations_visible_tenants" ON "organisations" AS PERMISSIVE FOR SELECT TO "ssp_runtime" USING ("organisations"."id" = any (app.current_tenant_ids()));--> statement-breakpoint
CREATE POLICY "organisations_platform_access" ON "organisations" AS PERMISSIVE FOR ALL TO "ssp_platform" USING (true) WITH CHECK (true);