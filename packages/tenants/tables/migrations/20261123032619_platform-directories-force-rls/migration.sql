-- The client directory and the identity providers are read only on the platform path (token
-- issuance, token verification): row-level security forced like every table, and no grant left
-- to the runtime role.
ALTER TABLE api_client_directory FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE identity_providers FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
REVOKE ALL ON api_client_directory, identity_providers FROM ssp_runtime;
