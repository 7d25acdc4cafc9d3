import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditTrailQuery } from '../support/queries/audit-trail-queries.ts';
import {
  changeMemberRolesMutation,
  inviteMemberMutation,
  memberSubjectsQuery,
  removeMemberMutation,
} from '../support/queries/member-queries.ts';
import { organisationGlobalId } from '../support/queries/organisation-queries.ts';
import { startTestApp, type TestApp, withCost } from '../support/test-app.ts';

let api: TestApp;
beforeAll(async () => {
  api = await startTestApp();
});
afterAll(() => api?.close());

const SUFFOLK = 'suffolk-county-council';
const ISSUER = 'https://sso.suffolk.test/';

const invite = inviteMemberMutation;
const changeRoles = changeMemberRolesMutation;
const remove = removeMemberMutation;

type Invited = {
  inviteMember: { __typename: string; membership: { id: string; status: string; roles: string[] }; field?: string };
};

const person = (subject: string, roles = ['REQUESTER']) => ({
  displayName: 'Jane Doe',
  email: 'jane.doe@suffolk.test',
  issuer: ISSUER,
  subject,
  roles,
});

describe('tenant admins manage their members', () => {
  it('invites, changes and removes a member, each change in the audit trail', async () => {
    const admin = await api.tokenFor(SUFFOLK, ['tenant_admin']);
    const invited = await api.graphql<Invited>(invite(person('jane.doe')), admin);
    const membership = invited.body.data!.inviteMember.membership;
    expect(membership).toMatchObject({ status: 'INVITED', roles: ['REQUESTER'] });

    const changed = await api.graphql<{ changeMemberRoles: { membership: { roles: string[] } } }>(
      changeRoles(membership.id, ['REQUESTER', 'FINANCE']),
      admin,
    );
    expect(changed.body.data?.changeMemberRoles.membership.roles).toEqual(['REQUESTER', 'FINANCE']);

    const removed = await api.graphql<{ removeMember: { membership: { status: string } } }>(
      remove(membership.id),
      admin,
    );
    expect(removed.body.data?.removeMember.membership.status).toBe('REMOVED');
    const again = await api.graphql<{ removeMember: { __typename: string } }>(remove(membership.id), admin);
    expect(again.body.data?.removeMember.__typename).toBe('ConflictError');

    const trail = await api.graphql<{ organisation: { auditTrail: { nodes: { action: string }[] } } }>(
      auditTrailQuery(organisationGlobalId(api.organisationId(SUFFOLK)), 3, 'action'),
      admin,
    );
    expect(trail.body.data?.organisation.auditTrail.nodes.map((event) => event.action)).toEqual([
      'member.removed',
      'member.roles_changed',
      'member.invited',
    ]);
  });

  it('refuses a duplicate, a platform admin role, and a requester doing it', async () => {
    const admin = await api.tokenFor(SUFFOLK, ['tenant_admin']);
    await api.graphql(invite(person('john.smith')), admin);
    const duplicate = await api.graphql<Invited>(invite(person('john.smith')), admin);
    expect(duplicate.body.data?.inviteMember.__typename).toBe('ConflictError');
    const platform = await api.graphql<Invited>(invite(person('would-be.admin', ['PLATFORM_ADMIN'])), admin);
    expect(platform.body.data?.inviteMember).toMatchObject({ __typename: 'ValidationError', field: 'input.roles' });
    const requester = await api.tokenFor(SUFFOLK, ['requester']);
    const forbidden = await api.graphql<Invited>(invite(person('someone')), requester);
    expect(forbidden.body.data?.inviteMember.__typename).toBe('ForbiddenError');
  });

  it("cannot invite into, list or change another organisation's members", async () => {
    const suffolk = await api.tokenFor(SUFFOLK, ['tenant_admin']);
    const invited = await api.graphql<Invited>(invite(person('target.person')), suffolk);
    const membershipId = invited.body.data!.inviteMember.membership.id;

    const rotherham = await api.tokenFor('rotherham-metropolitan-borough-council', ['tenant_admin']);
    const into = await api.graphql<Invited>(
      invite({ ...person('intruder'), organisationId: organisationGlobalId(api.organisationId(SUFFOLK)) }),
      rotherham,
    );
    expect(into.body.data?.inviteMember.__typename).toBe('NotFoundError');
    const change = await api.graphql<{ changeMemberRoles: { __typename: string } }>(
      changeRoles(membershipId, ['TENANT_ADMIN']),
      rotherham,
    );
    expect(change.body.data?.changeMemberRoles.__typename).toBe('NotFoundError');
    const members = await api.graphql<{ organisation: unknown }>(
      memberSubjectsQuery(organisationGlobalId(api.organisationId(SUFFOLK))),
      rotherham,
    );
    expect(members.body).toEqual(withCost({ data: { organisation: null } }));
  });
});
