import type { MembershipRole } from '@ssp/core';
import * as tables from '@ssp/tenants-tables';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inRolledBackTenantTransaction } from '../../../../tests/support/rolled-back-transaction.ts';
import { openTestDatabase, type TestDatabase } from '../../../../tests/support/test-database.ts';
import { seedOrganisationId, unitTestCaller } from '../../../../tests/support/unit-test-caller.ts';
import { inviteOrganisationMember } from './invite-organisation-member.ts';

// inviteOrganisationMember as a tenant admin's request runs it: the runtime role, row-level
// security on, the context holding the admin's own organisation; each case rolled back.

let db: TestDatabase;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db?.close());

const SUFFOLK = 'suffolk-county-council';
const OPERATOR = 'shared-services-platform';
const admin = (slug = SUFFOLK) => unitTestCaller(slug, ['tenant_admin']);

const invitation = (overrides: Partial<Parameters<typeof inviteOrganisationMember>[2]> = {}) => ({
  organisationId: null,
  issuer: 'https://sso.suffolk.test/',
  subject: 'jane.doe',
  displayName: 'Jane Doe',
  email: 'jane.doe@suffolk.test',
  roles: ['requester'] as MembershipRole[],
  ...overrides,
});

const countMemberships = async () =>
  (await db.asOwner<{ n: number }>('select count(*)::int as n from memberships'))[0]?.n;

describe('inviteOrganisationMember', () => {
  it('invites into the admin’s own organisation, trimmed and de-duplicated, and writes its audit event', async () => {
    const { membership, events } = await inRolledBackTenantTransaction(
      db.database,
      [seedOrganisationId(SUFFOLK)],
      async (tx) => {
        const membership = await inviteOrganisationMember(
          tx,
          admin(),
          invitation({
            subject: '  jane.doe  ',
            displayName: '  Jane Doe ',
            roles: ['requester', 'finance', 'requester'],
          }),
        );
        const events = await tx
          .select()
          .from(tables.auditEvents)
          .where(
            and(
              eq(tables.auditEvents.tenantId, seedOrganisationId(SUFFOLK)),
              eq(tables.auditEvents.targetId, membership.id),
            ),
          );
        return { membership, events };
      },
    );
    expect(membership).toMatchObject({
      tenantId: seedOrganisationId(SUFFOLK),
      subject: 'jane.doe',
      displayName: 'Jane Doe',
      roles: ['requester', 'finance'],
      status: 'invited',
    });
    expect(events.map((event) => [event.action, event.actorSubject, event.actorOrganisationId])).toEqual([
      ['member.invited', admin().actor.principal.subject, seedOrganisationId(SUFFOLK)],
    ]);
    expect(await db.asOwner('select 1 from memberships where id = $1', [membership.id])).toEqual([]);
  });

  it('refuses the same identity twice in one organisation with ALREADY_A_MEMBER', async () => {
    await expect(
      inRolledBackTenantTransaction(db.database, [seedOrganisationId(SUFFOLK)], async (tx) => {
        await inviteOrganisationMember(tx, admin(), invitation());
        return inviteOrganisationMember(tx, admin(), invitation({ displayName: 'Someone else', roles: ['finance'] }));
      }),
    ).rejects.toMatchObject({ code: 'ALREADY_A_MEMBER' });
  });

  it('gives platform admin only in the platform operator', async () => {
    await expect(
      inRolledBackTenantTransaction(db.database, [seedOrganisationId(SUFFOLK)], (tx) =>
        inviteOrganisationMember(tx, admin(), invitation({ roles: ['platform_admin'] })),
      ),
    ).rejects.toMatchObject({ code: 'ROLE_NOT_GRANTABLE', field: 'input.roles' });
    const operatorAdmin = await inRolledBackTenantTransaction(db.database, [seedOrganisationId(OPERATOR)], (tx) =>
      inviteOrganisationMember(tx, admin(OPERATOR), invitation({ roles: ['platform_admin'] })),
    );
    expect(operatorAdmin.roles).toEqual(['platform_admin']);
  });

  it.each([
    ['no roles', { roles: [] as MembershipRole[] }, 'input.roles'],
    ['a blank name', { displayName: '   ' }, 'input.displayName'],
    ['a name over 200 characters', { displayName: 'x'.repeat(201) }, 'input.displayName'],
    ['a malformed email', { email: 'jane.doe@' }, 'input.email'],
    ['a blank subject', { subject: ' ' }, 'input.subject'],
  ])('refuses %s as INVALID_INPUT on its field, writing nothing', async (_case, overrides, field) => {
    const before = await countMemberships();
    await expect(
      inRolledBackTenantTransaction(db.database, [seedOrganisationId(SUFFOLK)], (tx) =>
        inviteOrganisationMember(tx, admin(), invitation(overrides)),
      ),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', field });
    expect(await countMemberships()).toBe(before);
  });

  it('treats an organisation outside the admin’s context as not there', async () => {
    await expect(
      inRolledBackTenantTransaction(db.database, [seedOrganisationId(SUFFOLK)], (tx) =>
        inviteOrganisationMember(
          tx,
          admin(),
          invitation({ organisationId: seedOrganisationId('lancashire-county-council') }),
        ),
      ),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
