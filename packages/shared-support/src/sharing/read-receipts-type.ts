import { resolveOffsetConnection } from '@pothos/plugin-relay';
import { CORE_ERRORS, checkedPageSize, ForbiddenError, queryRows, requestActor, requestTransaction } from '@ssp/core';
import { builder } from '@ssp/schema';
import { sql } from 'drizzle-orm';
import { SharedSupportRef } from './shared-support-type.ts';

interface ReceiptView {
  id: string;
  readAt: Date;
  readerOrganisationId: string;
  readerName: string | null;
  what: string;
  rowIds: string[];
  actorSubject: string;
  requestId: string;
}

const ReadReceiptRef = builder.objectRef<ReceiptView>('SharedReadReceipt').implement({
  description: 'A read of your shared rows by another member: who, what and when. Append-only.',
  fields: (t) => ({
    id: t.globalID({ description: 'Opaque global id.', resolve: (r) => ({ type: 'SharedReadReceipt', id: r.id }) }),
    readAt: t.expose('readAt', { type: 'DateTime', description: 'When.' }),
    readerOrganisationId: t.globalID({
      description: 'The global id of the member that read them.',
      resolve: (r) => ({ type: 'Organisation', id: r.readerOrganisationId }),
    }),
    readerName: t.exposeString('readerName', {
      nullable: true,
      description: 'The member that read them; null once it has left shared support.',
    }),
    readBy: t.exposeString('actorSubject', { description: 'Who read them, as their token named them.' }),
    requestId: t.exposeString('requestId', { description: 'The request that read them (its x-request-id).' }),
    what: t.exposeString('what', { description: 'What was read, e.g. `shared_directory`, `rota`, `help_requests`.' }),
    rowCount: t.int({ description: 'How many of your rows were read.', resolve: (r) => r.rowIds.length }),
  }),
});

builder.objectField(SharedSupportRef, 'readsOfOurRows', (t) =>
  t.connection(
    {
      type: ReadReceiptRef,
      description:
        "Who in the partnership has read your organisation's shared rows (people, shifts, loans), newest first. Tenant admins.",
      resolve: async (support, args, context) => {
        checkedPageSize(args);
        const actor = requestActor(context);
        if (!actor.roles.includes('tenant_admin'))
          throw new ForbiddenError('Reading the receipts needs the tenant admin role', CORE_ERRORS.ROLE_REQUIRED);
        const tx = requestTransaction(context);
        return resolveOffsetConnection({ args }, async ({ limit, offset }) => {
          const rows = await queryRows<Record<string, unknown>>(
            tx,
            sql`select r.id, r.read_at, r.reader_organisation_id, m.member_name, r.what, array_to_string(r.row_ids, ',') as row_ids,
                       r.actor_subject, r.request_id
                  from shared_read_receipts r
                  left join shared_members m on m.tenant_id = r.tenant_id and m.member_organisation_id = r.reader_organisation_id
                 where r.tenant_id = ${support.partnershipId} and r.member_organisation_id = ${actor.organisationId}
                 order by r.read_at desc, r.id desc limit ${limit} offset ${offset}`,
          );
          return rows.map((row) => ({
            id: String(row.id),
            readAt: new Date(String(row.read_at)),
            readerOrganisationId: String(row.reader_organisation_id),
            readerName: (row.member_name as string | null) ?? null,
            what: String(row.what),
            rowIds: row.row_ids ? String(row.row_ids).split(',') : [],
            actorSubject: String(row.actor_subject),
            requestId: String(row.request_id),
          }));
        });
      },
    },
    { name: 'SharedReadReceiptConnection', description: 'A page of reads of your shared rows.' },
    { name: 'SharedReadReceiptEdge', description: 'A read, with its cursor.' },
  ),
);
