import { tables } from '@ssp/schema';
import { seedOfferingId, seedOrganisationId } from '@ssp/seeds';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  catalogueAdminMutation,
  cataloguePricesQuery,
  fulfilmentClockQuery,
  offeringSlaVersionsQuery,
  subscriptionPricesQuery,
} from '../support/queries/catalogue-admin-queries.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { insertHistoricRequests, raise } from './support/request-fixtures.ts';

// The catalogue and its SLA rules, managed over the API by platform admins: offerings (price,
// allowed kinds, keywords), versioned SLA definitions per incident priority, and the two
// working-day conventions, on the same start and the same pause, figured by hand.

let api: TestApp;
let admin: string;
let requester: string;
const LANCASHIRE = 'lancashire-county-council';

beforeAll(async () => {
  api = await startTestApp();
  admin = await api.tokenFor('shared-services-platform', ['platform_admin']);
  requester = await api.tokenFor(LANCASHIRE, ['requester']);
});
afterAll(() => api?.close());

const offeringGlobalId = (code: string) => Buffer.from(`ServiceOffering:${seedOfferingId(code)}`).toString('base64');
const rowIdOf = (globalId: string) => Buffer.from(globalId, 'base64').toString('utf8').split(':')[1]!;

type Payload = Record<string, unknown> & { __typename: string; code?: string; field?: string; message?: string };

/** Sends a mutation and returns its payload (a result or a typed error); fails on top-level errors. */
async function mutate(field: string, inputType: string, input: unknown, selection: string, token = admin) {
  const response = await api.graphql<Record<string, Payload>>(
    catalogueAdminMutation(field, inputType, input, selection),
    token,
  );
  expect(response.body.errors).toBeUndefined();
  return response.body.data![field]!;
}

const OFFERING = `... on ServiceOfferingPayload { replayed offering { id code unitPrice { amount } allowedKinds keywords
  currentSla { version workingDayConvention priority } } }`;
const DEFINITION = `... on SlaDefinitionPayload { replayed slaDefinition { id version priority workingDayConvention
  fulfilmentUnit fulfilmentAmount effectiveFrom } }`;

const publish = (input: Record<string, unknown>, token = admin) =>
  mutate('publishSlaDefinition', 'PublishSlaDefinitionInput', input, DEFINITION, token);

interface ClockView {
  dueAt: string;
  elapsedWorkingSeconds: number;
  secondsRemaining: number;
  pausedSeconds: number;
  targetSeconds: number;
  slaVersion: number;
  workingDayConvention: string | null;
  calendarVersion: number | null;
}

async function clockOf(id: string, asOf: string): Promise<ClockView & { slaDefinition: { version: number } }> {
  const response = await api.graphql<{
    node: { slaDefinition: { version: number }; fulfilmentSla: ClockView };
  }>(fulfilmentClockQuery(id, asOf), requester);
  expect(response.body.errors).toBeUndefined();
  return { ...response.body.data!.node.fulfilmentSla, slaDefinition: response.body.data!.node.slaDefinition };
}

describe('offerings', () => {
  const input = {
    code: 'payslip-reissue',
    serviceLine: 'PAYROLL',
    name: 'Payslip reissue',
    description: 'A lost payslip printed and sent again.',
    kind: 'REQUEST',
    unitPrice: '4.50',
    allowedKinds: ['SCHOOL', 'ACADEMY'],
    keywords: ['Payslip', 'reprint'],
    sla: { fulfilmentUnit: 'WORKING_DAYS', fulfilmentAmount: 1, workingDayConvention: 'SAME_TIME_NTH_WORKING_DAY' },
  };

  it('a platform admin creates one with its first SLA version; the same code again is a replay or a conflict', async () => {
    const created = await mutate('createServiceOffering', 'CreateServiceOfferingInput', input, OFFERING);
    expect(created).toMatchObject({
      __typename: 'ServiceOfferingPayload',
      replayed: false,
      offering: {
        code: 'payslip-reissue',
        unitPrice: { amount: '4.50' },
        allowedKinds: ['ACADEMY', 'SCHOOL'],
        keywords: ['payslip', 'reprint'],
        currentSla: { version: 1, workingDayConvention: 'SAME_TIME_NTH_WORKING_DAY', priority: null },
      },
    });
    const again = await mutate('createServiceOffering', 'CreateServiceOfferingInput', input, OFFERING);
    expect(again).toMatchObject({ replayed: true, offering: { id: (created.offering as { id: string }).id } });
    const clash = await mutate(
      'createServiceOffering',
      'CreateServiceOfferingInput',
      { ...input, unitPrice: '5.00' },
      OFFERING,
    );
    expect(clash).toMatchObject({ __typename: 'ConflictError', code: 'OFFERING_CODE_TAKEN' });

    // The audit event is written with the change, in the platform operator's trail.
    const events = await api.app.database.inPlatformTransaction({ actor: 'test', reason: 'read audit' }, (tx) =>
      tx
        .select()
        .from(tables.auditEvents)
        .where(
          and(
            eq(tables.auditEvents.tenantId, seedOrganisationId('shared-services-platform')),
            eq(tables.auditEvents.action, 'service_offering.create'),
          ),
        ),
    );
    expect(events.map((event) => event.targetId)).toEqual([rowIdOf((created.offering as { id: string }).id)]);
  });

  it('refuses a bad price, an unknown offering and a non-admin, with their codes, and changes nothing', async () => {
    const badPrice = await mutate(
      'createServiceOffering',
      'CreateServiceOfferingInput',
      { ...input, code: 'bad-price', unitPrice: '4.505' },
      OFFERING,
    );
    expect(badPrice).toMatchObject({ __typename: 'ValidationError', code: 'INVALID_MONEY', field: 'input.unitPrice' });
    const negative = await mutate(
      'changeServiceOffering',
      'ChangeServiceOfferingInput',
      { offeringId: offeringGlobalId('dbs-check'), unitPrice: '-1.00' },
      OFFERING,
    );
    expect(negative).toMatchObject({ __typename: 'ValidationError', code: 'INVALID_MONEY' });
    const unknown = await mutate(
      'changeServiceOffering',
      'ChangeServiceOfferingInput',
      {
        offeringId: Buffer.from('ServiceOffering:00000000-0000-4000-8000-000000000000').toString('base64'),
        keywords: [],
      },
      OFFERING,
    );
    expect(unknown).toMatchObject({ __typename: 'NotFoundError', code: 'OFFERING_NOT_FOUND' });

    const tenantAdmin = await api.tokenFor(LANCASHIRE, ['tenant_admin']);
    // Refused by the schema's rule: a ForbiddenError in the payload, code ROLE_REQUIRED.
    const refused = await mutate(
      'changeServiceOffering',
      'ChangeServiceOfferingInput',
      { offeringId: offeringGlobalId('dbs-check'), unitPrice: '1.00' },
      OFFERING,
      tenantAdmin,
    );
    expect(refused).toMatchObject({ __typename: 'ForbiddenError', code: 'ROLE_REQUIRED' });

    const catalogue = await api.graphql<{
      serviceCatalogue: { nodes: { code: string; unitPrice: { amount: string } }[] };
    }>(cataloguePricesQuery(), requester);
    const codes = catalogue.body.data!.serviceCatalogue.nodes.map((node) => node.code);
    expect(codes).not.toContain('bad-price');
    const dbs = catalogue.body.data!.serviceCatalogue.nodes.find((node) => node.code === 'dbs-check')!;
    expect(dbs.unitPrice.amount).not.toBe('1.00');
  });

  it('a new catalogue price applies to new subscriptions: what a subscription was taken at (and billed at) stays', async () => {
    const subscriptionPrice = async () => {
      const response = await api.graphql<{
        organisation: { subscriptions: { nodes: { offering: { code: string }; unitPrice: { amount: string } }[] } };
      }>(
        subscriptionPricesQuery(Buffer.from(`Organisation:${seedOrganisationId(LANCASHIRE)}`).toString('base64')),
        requester,
      );
      expect(response.body.errors).toBeUndefined();
      return response.body.data!.organisation.subscriptions.nodes.find((node) => node.offering.code === 'dbs-check')!
        .unitPrice.amount;
    };
    const before = await subscriptionPrice();
    const changed = await mutate(
      'changeServiceOffering',
      'ChangeServiceOfferingInput',
      { offeringId: offeringGlobalId('dbs-check'), unitPrice: '99.99', allowedKinds: ['COUNTY_COUNCIL', 'SCHOOL'] },
      OFFERING,
    );
    expect(changed).toMatchObject({
      replayed: false,
      offering: { unitPrice: { amount: '99.99' }, allowedKinds: ['COUNTY_COUNCIL', 'SCHOOL'] },
    });
    expect(await subscriptionPrice()).toBe(before);
    expect(before).not.toBe('99.99');
    const same = await mutate(
      'changeServiceOffering',
      'ChangeServiceOfferingInput',
      { offeringId: offeringGlobalId('dbs-check'), unitPrice: '99.99' },
      OFFERING,
    );
    expect(same).toMatchObject({ replayed: true });
  });
});

describe('SLA definitions', () => {
  it('a new version applies only to requests raised after it takes effect', async () => {
    const before = await raise(api, requester, { offeringCode: 'new-ict-device' });
    const published = await publish({
      offeringId: offeringGlobalId('new-ict-device'),
      targets: {
        fulfilmentUnit: 'WORKING_DAYS',
        fulfilmentAmount: 7,
        workingDayConvention: 'SAME_TIME_NTH_WORKING_DAY',
      },
    });
    expect(published).toMatchObject({
      __typename: 'SlaDefinitionPayload',
      slaDefinition: { version: 2, priority: null, workingDayConvention: 'SAME_TIME_NTH_WORKING_DAY' },
    });
    const after = await raise(api, requester, { offeringCode: 'new-ict-device' });
    expect(before.slaDefinition.version).toBe(1);
    expect(after.slaDefinition.version).toBe(2);
    const now = new Date().toISOString();
    const [earlier, later] = [await clockOf(before.id, now), await clockOf(after.id, now)];
    expect(earlier.slaVersion).toBe(1);
    expect(later).toMatchObject({ slaVersion: 2, workingDayConvention: 'SAME_TIME_NTH_WORKING_DAY' });
    // Seven whole working days of eight hours.
    expect(later.targetSeconds).toBe(7 * 8 * 3600);

    // Sent again: the same version, nothing new.
    const replay = await publish({
      offeringId: offeringGlobalId('new-ict-device'),
      targets: {
        fulfilmentUnit: 'WORKING_DAYS',
        fulfilmentAmount: 7,
        workingDayConvention: 'SAME_TIME_NTH_WORKING_DAY',
      },
      effectiveFrom: (published.slaDefinition as { effectiveFrom: string }).effectiveFrom,
    });
    expect(replay).toMatchObject({ replayed: true, slaDefinition: { version: 2 } });

    // The offering lists its versions, newest first.
    const versions = await api.graphql<{ node: { slaDefinitions: { version: number }[] } }>(
      offeringSlaVersionsQuery(offeringGlobalId('new-ict-device')),
      requester,
    );
    expect(versions.body.data!.node.slaDefinitions.map((node) => node.version)).toEqual([2, 1]);
  });

  it('an incident pins the definition for its priority when there is one, else the one for every priority', async () => {
    const p1 = await publish({
      offeringId: offeringGlobalId('ict-incident'),
      priority: 'P1',
      targets: { fulfilmentUnit: 'WORKING_HOURS', fulfilmentAmount: 2 },
    });
    expect(p1).toMatchObject({ slaDefinition: { version: 1, priority: 'P1' } });
    const critical = await raise(api, requester, { offeringCode: 'ict-incident', priority: 'P1' });
    const low = await raise(api, requester, { offeringCode: 'ict-incident', priority: 'P4' });
    const now = new Date().toISOString();
    expect((await clockOf(critical.id, now)).targetSeconds).toBe(2 * 3600);
    // P4 keeps the offering's definition for every priority (8 working hours in the seed).
    expect((await clockOf(low.id, now)).targetSeconds).toBe(8 * 3600);
  });

  it('refuses a back-dated, an out-of-order, an out-of-range and a misplaced version, with their codes', async () => {
    const dbs = offeringGlobalId('dbs-check');
    const targets = { fulfilmentUnit: 'WORKING_DAYS', fulfilmentAmount: 3 };
    expect(await publish({ offeringId: dbs, targets, effectiveFrom: '2020-01-01T00:00:00Z' })).toMatchObject({
      __typename: 'ValidationError',
      code: 'SLA_EFFECTIVE_FROM_IN_PAST',
      field: 'input.effectiveFrom',
    });
    const nextYear = new Date(Date.now() + 365 * 86_400_000);
    expect(await publish({ offeringId: dbs, targets, effectiveFrom: nextYear.toISOString() })).toMatchObject({
      __typename: 'SlaDefinitionPayload',
    });
    const sooner = new Date(Date.now() + 30 * 86_400_000).toISOString();
    expect(await publish({ offeringId: dbs, targets, effectiveFrom: sooner })).toMatchObject({
      __typename: 'ConflictError',
      code: 'SLA_VERSION_OUT_OF_ORDER',
    });
    expect(
      await publish({ offeringId: dbs, targets: { fulfilmentUnit: 'WORKING_DAYS', fulfilmentAmount: 9_999 } }),
    ).toMatchObject({ __typename: 'ValidationError', code: 'INVALID_SLA_TARGET', field: 'input.fulfilmentAmount' });
    expect(await publish({ offeringId: dbs, priority: 'P2', targets })).toMatchObject({
      __typename: 'ValidationError',
      code: 'SLA_PRIORITY_NOT_INCIDENT',
    });
    const tenantAdmin = await api.tokenFor(LANCASHIRE, ['tenant_admin']);
    expect(await publish({ offeringId: dbs, targets }, tenantAdmin)).toMatchObject({
      __typename: 'ForbiddenError',
      code: 'ROLE_REQUIRED',
    });
    // A request raised now still pins version 1: only the version of next year was written.
    expect((await raise(api, requester, { offeringCode: 'dbs-check' })).slaDefinition.version).toBe(1);
  });
});

describe('the two working-day conventions, on the same start and the same pause', () => {
  // Two working days both ways: the DBS check's seeded version 1 means the close of business on
  // the 2nd working day after the day of receipt; a version of the employment contract published
  // here means the same clock time 2 working days later. March 2025 is before the clocks change,
  // so London time is UTC, and no bank holiday is near.
  let sameTimeDefinitionId: string;
  beforeAll(async () => {
    const published = await publish({
      offeringId: offeringGlobalId('employment-contract'),
      targets: {
        fulfilmentUnit: 'WORKING_DAYS',
        fulfilmentAmount: 2,
        workingDayConvention: 'SAME_TIME_NTH_WORKING_DAY',
      },
    });
    sameTimeDefinitionId = rowIdOf((published.slaDefinition as { id: string }).id);
  });

  it('a start inside business hours with a two-hour pause', async () => {
    // Raised Monday 10 March 10:00, waiting on the customer 11:00 to 13:00, read Tuesday 17:00.
    const moves = [
      { status: 'waiting_on_customer' as const, at: '2025-03-10T11:00:00Z' },
      { status: 'in_progress' as const, at: '2025-03-10T13:00:00Z' },
    ];
    const [endOfDay] = await insertHistoricRequests(api, [
      {
        slug: LANCASHIRE,
        offeringCode: 'dbs-check',
        raisedAt: new Date('2025-03-10T10:00:00Z'),
        moves: moves.map((move) => ({ ...move, at: new Date(move.at) })),
      },
    ]);
    const [sameTime] = await insertHistoricRequests(api, [
      {
        slug: LANCASHIRE,
        offeringCode: 'employment-contract',
        raisedAt: new Date('2025-03-10T10:00:00Z'),
        moves: moves.map((move) => ({ ...move, at: new Date(move.at) })),
        slaDefinitionId: sameTimeDefinitionId,
      },
    ]);
    const asOf = '2025-03-11T17:00:00Z';
    // Close of business on the 2nd working day after Monday: Wednesday 17:00. Budget: Monday
    // 10-17 (7 h) + Tuesday (8 h) + Wednesday (8 h) = 23 h. Used by Tuesday 17:00: Monday 10-11
    // and 13-17 (5 h) + Tuesday (8 h) = 13 h; 10 h left: Wednesday's 8 and Thursday 09-11.
    expect(await clockOf(endOfDay!, asOf)).toMatchObject({
      workingDayConvention: 'END_OF_NTH_WORKING_DAY',
      targetSeconds: 23 * 3600,
      elapsedWorkingSeconds: 13 * 3600,
      secondsRemaining: 10 * 3600,
      pausedSeconds: 2 * 3600,
      dueAt: '2025-03-13T11:00:00.000Z',
    });
    // The same clock time 2 working days later: 2 x 8 h = 16 h. Used 13 h likewise; 3 h left:
    // Wednesday 09-12. (Without the pause it would have been Wednesday 10:00.)
    expect(await clockOf(sameTime!, asOf)).toMatchObject({
      workingDayConvention: 'SAME_TIME_NTH_WORKING_DAY',
      targetSeconds: 16 * 3600,
      elapsedWorkingSeconds: 13 * 3600,
      secondsRemaining: 3 * 3600,
      pausedSeconds: 2 * 3600,
      dueAt: '2025-03-12T12:00:00.000Z',
    });
  });

  it('a start after business hours', async () => {
    // Raised Monday 10 March 18:00 (after closing), read Tuesday 12:00.
    const raisedAt = new Date('2025-03-10T18:00:00Z');
    const [endOfDay] = await insertHistoricRequests(api, [{ slug: LANCASHIRE, offeringCode: 'dbs-check', raisedAt }]);
    const [sameTime] = await insertHistoricRequests(api, [
      { slug: LANCASHIRE, offeringCode: 'employment-contract', raisedAt, slaDefinitionId: sameTimeDefinitionId },
    ]);
    const asOf = '2025-03-11T12:00:00Z';
    // Received after hours, so Tuesday is the day of receipt: close of business two working days
    // after it, Thursday 17:00; budget Tuesday + Wednesday + Thursday = 24 h, 3 h used by noon.
    expect(await clockOf(endOfDay!, asOf)).toMatchObject({
      targetSeconds: 24 * 3600,
      elapsedWorkingSeconds: 3 * 3600,
      secondsRemaining: 21 * 3600,
      dueAt: '2025-03-13T17:00:00.000Z',
    });
    // Counted from Tuesday's opening: 16 h run out at Wednesday 17:00, shown as the same working
    // instant Thursday 09:00 ("09:00 two working days after Tuesday 09:00").
    expect(await clockOf(sameTime!, asOf)).toMatchObject({
      targetSeconds: 16 * 3600,
      elapsedWorkingSeconds: 3 * 3600,
      secondsRemaining: 13 * 3600,
      dueAt: '2025-03-13T09:00:00.000Z',
    });
  });
});
