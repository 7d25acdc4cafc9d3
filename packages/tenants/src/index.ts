// The tenants domain: organisations, their hierarchy, members, machine clients and delegation.
import './organisations/organisation-type.ts';
import './organisations/organisation-queries.ts';
import './viewer/viewer-type.ts';
import './delegations/delegation-type.ts';
import './audit/audit-event-type.ts';
import './api-clients/api-client-type.ts';
import './lifecycle/lifecycle-type.ts';
import './members/member-type.ts';

export * from './actors/confirm-actor.ts';
export * from './actors/read-as-actor.ts';
export * from './actors/run-as-actor.ts';
export * from './api-clients/authenticate-api-client.ts';
export * from './api-clients/create-api-client.ts';
export * from './api-clients/manage-api-clients.ts';
export * from './audit/audit-actor.ts';
export * from './audit/record-audit-event.ts';
export * from './delegations/grant-delegation.ts';
export * from './errors/tenant-error-codes.ts';
export * from './identity-providers/find-identity-provider.ts';
export * from './lifecycle/change-organisation-lifecycle.ts';
export * from './lifecycle/lifecycle-rules.ts';
export * from './members/manage-members.ts';
export * from './organisations/organisation-enums.ts';
export * from './organisations/organisation-type.ts';
export * from './organisations/register-organisations.ts';
