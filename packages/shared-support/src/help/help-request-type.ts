import { resolveOffsetConnection } from '@pothos/plugin-relay';
import { checkedPageSize, describedEnumValues, readableBy, requestTransaction, requireReadAccess } from '@ssp/core';
import { builder, MoneyRef, moneyFromPence } from '@ssp/schema';
import type * as tables from '@ssp/shared-support-tables';
import { findSharedNodes } from '../common/find-shared-nodes.ts';
import { SHARED_SUPPORT_READ_RULES } from '../common/read-rules.ts';
import { recordSharedReads } from '../common/shared-reads.ts';
import { SharedSupportRef } from '../sharing/shared-support-type.ts';
import { HelpLoanRef } from './help-loan-type.ts';
import { type HelpRequestView, loadHelpRequests, loadHelpRequestsById } from './help-views.ts';

export const HelpRequestStatusEnum = builder.enumType('HelpRequestStatus', {
  description: 'Where a request for help stands.',
  values: describedEnumValues<(typeof tables.helpRequestStatus.enumValues)[number]>({
    open: 'Waiting for offers.',
    filled: 'Accepted offers cover the days needed.',
    withdrawn: 'Withdrawn by the asking member.',
  }),
});

export const HelpRequestRef = builder.node(builder.objectRef<HelpRequestView>('HelpRequest'), {
  ...readableBy(SHARED_SUPPORT_READ_RULES.HelpRequest),
  description: 'A member asking its partnership for help with a skill over a period.',
  id: { resolve: (r) => r.id, description: 'Opaque global id.' },
  loadMany: (ids, context) =>
    findSharedNodes(context, ids, loadHelpRequestsById, 'help_requests', (r) => [
      r.requestingMemberId,
      ...r.loans.map((l) => l.lendingMemberId),
    ]),
  fields: (t) => ({
    requestingMemberId: t.globalID({
      description: 'The global id of the asking organisation.',
      resolve: (r) => ({ type: 'Organisation', id: r.requestingMemberId }),
    }),
    requestingMemberName: t.exposeString('requestingMemberName', { description: 'The asking organisation.' }),
    skillCode: t.exposeString('skillCode', { description: 'The skill needed.' }),
    minimumLevel: t.exposeInt('minimumLevel', { description: 'The lowest level that will do (1 to 4).' }),
    startsOn: t.exposeString('startsOn', { description: 'First day of the period (YYYY-MM-DD).' }),
    endsOn: t.exposeString('endsOn', { description: 'Last day of the period (YYYY-MM-DD).' }),
    daysNeeded: t.exposeInt('daysNeeded', { description: 'Days of help needed within the period.' }),
    description: t.exposeString('description', { description: 'What the help is for.' }),
    agencyDayRate: t.field({
      type: MoneyRef,
      description: 'What an agency would charge per day.',
      resolve: (r) => moneyFromPence(r.agencyDayRatePence),
    }),
    status: t.field({
      type: HelpRequestStatusEnum,
      description: 'Open, filled or withdrawn.',
      resolve: (r) => r.status,
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was asked.' }),
    offers: t.field({ type: [HelpLoanRef], description: 'The offers made, oldest first.', resolve: (r) => r.loans }),
  }),
});

builder.objectField(SharedSupportRef, 'helpRequests', (t) =>
  t.connection(
    {
      type: HelpRequestRef,
      description: 'Requests for help from the members taking part, newest first, with their offers.',
      args: { status: t.arg({ type: HelpRequestStatusEnum, required: false, description: 'Only these.' }) },
      resolve: async (support, args, context) => {
        checkedPageSize(args);
        requireReadAccess(SHARED_SUPPORT_READ_RULES.HelpRequest, context, 'Reading requests for help');
        const tx = requestTransaction(context);
        return resolveOffsetConnection({ args }, async ({ limit, offset }) => {
          const requests = await loadHelpRequests(tx, support.partnershipId, args.status ?? null, limit, offset);
          await recordSharedReads(context, support.partnershipId, 'help_requests', [
            ...requests.map((r) => ({ memberOrganisationId: r.requestingMemberId, ids: [r.id] })),
            ...requests.flatMap((r) => r.loans.map((l) => ({ memberOrganisationId: l.lendingMemberId, ids: [l.id] }))),
          ]);
          return requests;
        });
      },
    },
    { name: 'HelpRequestConnection', description: 'A page of requests for help.' },
    { name: 'HelpRequestEdge', description: 'A request for help, with its cursor.' },
  ),
);
