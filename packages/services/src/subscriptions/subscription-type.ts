import { computedFromRowExtension, pageSizeOptions, readableBy } from '@ssp/core';
import { builder, MoneyRef, moneyFromPence } from '@ssp/schema';
import { OrganisationRef } from '@ssp/tenants';
import { SERVICES_READ_RULES } from '../access/read-rules.ts';

export const SubscriptionRef = builder.drizzleNode('subscriptions', {
  name: 'Subscription',
  ...readableBy(SERVICES_READ_RULES.Subscription),
  description: 'An organisation takes a catalogue offering, at the catalogue price or a negotiated one.',
  id: { column: (subscription) => subscription.id, description: 'Opaque global id.' },
  fields: (t) => ({
    offering: t.relation('offering', { description: 'What is subscribed to.' }),
    organisation: t.relation('organisation', { description: 'The subscribing organisation.' }),
    unitPrice: t.field({
      type: MoneyRef,
      description: 'The price of one completed request under this subscription.',
      select: { columns: { unitPricePence: true } },
      extensions: computedFromRowExtension,
      resolve: (subscription) => moneyFromPence(subscription.unitPricePence),
    }),
    negotiatedPrice: t.boolean({
      description: 'True when the price was negotiated rather than taken from the catalogue.',
      select: { columns: { priceBasis: true } },
      extensions: computedFromRowExtension,
      resolve: (subscription) => subscription.priceBasis === 'negotiated',
    }),
    active: t.boolean({
      description: 'True while requests may be raised against it.',
      select: { columns: { status: true } },
      extensions: computedFromRowExtension,
      resolve: (subscription) => subscription.status === 'active',
    }),
    startedAt: t.expose('startedAt', { type: 'DateTime', description: 'When it started.' }),
    endedAt: t.expose('endedAt', { type: 'DateTime', nullable: true, description: 'When it ended, if it has.' }),
  }),
});

builder.drizzleObjectField(OrganisationRef, 'subscriptions', (t) =>
  t.relatedConnection(
    'subscriptions',
    {
      description: 'The catalogue offerings this organisation subscribes to, oldest first.',
      query: { orderBy: { startedAt: 'asc', id: 'asc' } },
      ...pageSizeOptions,
    },
    { name: 'SubscriptionConnection', description: 'A page of subscriptions.' },
    { name: 'SubscriptionEdge' },
  ),
);
