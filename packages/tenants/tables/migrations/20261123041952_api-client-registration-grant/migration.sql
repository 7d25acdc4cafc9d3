-- Tenant admins register their own API clients in the request's transaction: the runtime role may
-- add a directory entry (its policy limits it to the organisations in the tenant context), never
-- read or change one.
GRANT INSERT ON api_client_directory TO ssp_runtime;
