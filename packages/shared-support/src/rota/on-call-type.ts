import { mayReadType, type RequestContext, requestTransaction } from '@ssp/core';
import { builder } from '@ssp/schema';
import { ServiceRequestRef } from '@ssp/services';
import DataLoader from 'dataloader';
import { SHARED_SUPPORT_READ_RULES } from '../common/read-rules.ts';
import { recordSharedReads } from '../common/shared-reads.ts';
import { type OnCallQuestion, whoIsOnCall } from './on-call.ts';
import { RotaShiftRef } from './rota-type.ts';
import type { ShiftView } from './rota-views.ts';

// One loader per request (never shared between requests or tenants).
const loaders = new WeakMap<RequestContext, DataLoader<OnCallQuestion, ShiftView[], string>>();

function onCallLoader(context: RequestContext) {
  let loader = loaders.get(context);
  if (!loader) {
    loader = new DataLoader(
      async (questions) => {
        const answers = await whoIsOnCall(requestTransaction(context), questions);
        for (const partnershipId of new Set(answers.map((a) => a.partnershipId))) {
          if (partnershipId === null) continue;
          await recordSharedReads(
            context,
            partnershipId,
            'rota_on_call',
            answers
              .filter((a) => a.partnershipId === partnershipId)
              .flatMap((a) => a.shifts.map((s) => ({ memberOrganisationId: s.holderMemberId, ids: [s.id] }))),
          );
        }
        return answers.map((a) => a.shifts);
      },
      { cacheKeyFn: (q) => `${q.organisationId}|${q.at.toISOString()}` },
    );
    loaders.set(context, loader);
  }
  return loader;
}

builder.drizzleObjectFields(ServiceRequestRef, (t) => ({
  onCall: t.field({
    type: [RotaShiftRef],
    description:
      "For an incident: who was on call for the organisation when it was raised, the out-of-hours shifts of its partnership's shared rota covering that moment, when it fell outside the organisation's working hours (its nation's bank holidays included). Empty for a request that is not an incident, in working hours, when the organisation takes part in no shared rota, or for a caller who may not read the rota (tenant admins, service agents and finance may).",
    select: { columns: { tenantId: true, raisedAt: true }, with: { offering: { columns: { kind: true } } } },
    // Empty for a caller whose roles may not read the rota: the shifts' own rule decides here too.
    resolve: (request, _args, context) =>
      request.offering.kind === 'incident' && mayReadType(SHARED_SUPPORT_READ_RULES.RotaShift, context.actor)
        ? onCallLoader(context).load({ organisationId: request.tenantId, at: request.raisedAt })
        : [],
  }),
}));
