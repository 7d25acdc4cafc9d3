-- drizzle-kit only emits ENABLE. FORCE makes row-level security apply to the table owner too, so
-- a mistaken connection as the owner sees nothing rather than everything.
ALTER TABLE organisations FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE memberships FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE delegations FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE api_clients FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- The runtime role reads the registry (its policy shows only the visible tenants) and the
-- platform-wide directories; it manages its own members and clients; it may not grant itself
-- delegations.
GRANT SELECT ON organisations, delegations, api_client_directory, identity_providers TO ssp_runtime;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON memberships, api_clients TO ssp_runtime;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON organisations, memberships, delegations, api_clients, api_client_directory, identity_providers TO ssp_platform;
--> statement-breakpoint
GRANT DELETE ON delegations, api_client_directory, identity_providers TO ssp_platform;
