import type { MembershipRole } from '@ssp/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BOSTON,
  NORTH_KESTEVEN,
  ok,
  PARTNERSHIP,
  partnershipGlobalId,
} from './shared-support/support/shared-support-fixtures.ts';
import {
  firstRecoveryTemplateQuery,
  namedMutation,
  nodeByIdQuery,
  nodesByIdsQuery,
  nodeTypesQuery,
  organisationListProbeQuery,
  organisationNodesPageQuery,
  requestHelpIdMutation,
  rootListProbeQuery,
  sharedSupportListProbeQuery,
  typedNodesQuery,
} from './support/queries/node-probe-queries.ts';
import { grantDelegationMutation, organisationGlobalId } from './support/queries/organisation-queries.ts';
import { savePersonMutation } from './support/queries/shared-support-queries.ts';
import { type GraphqlResponse, type Operation, startTestApp, type TestApp, withCost } from './support/test-app.ts';

// For every Node type in the schema and every caller (each role of a customer, of the partnership
// it is delegated to, of a shared-support member, a platform admin, an outsider, anonymous):
// `node(id)` and `nodes(ids)` give an object exactly when the caller's list fields list it.
// The Node types are read from the schema, so a new type without a probe here fails the test.

let api: TestApp;
afterAll(() => api?.close());

const LANCASHIRE = 'lancashire-county-council';
const PARTNER = 'bt-lancashire-services';
const NORTHUMBERLAND = 'northumberland-county-council';
const LIVERPOOL = 'liverpool-city-council';
const PLATFORM = 'shared-services-platform';
const MEMBER_ROLES: MembershipRole[] = ['tenant_admin', 'finance', 'service_agent', 'requester'];

interface Caller {
  label: string;
  token: string | undefined;
}

/** The organisations whose lists every caller probes (each caller sees some of them). */
const SUBJECTS = [LANCASHIRE, PARTNER, NORTHUMBERLAND, NORTH_KESTEVEN, BOSTON, LIVERPOOL, PARTNERSHIP];

/** Connections under an Organisation, with the Node types they reach (nested lists too). */
const ORGANISATION_LISTS: Record<string, string> = {
  auditTrail: 'id',
  members: 'id',
  apiClients: 'id',
  affordabilityCharges: 'id',
  reductionRequests: 'id',
  savingsOpportunities: '__typename id ledgerEntries(first: 5) { nodes { __typename id } }',
  savingsLedger: 'id',
  businessCases: '__typename id lines { __typename id }',
  payrolls: 'id',
  dbsChecks: 'id',
  contractLetters: 'id',
  vacancies: '__typename id applications(first: 5) { nodes { __typename id } }',
  subscriptions: 'id offering { __typename id currentSla { __typename id } }',
  serviceRequests: 'id slaDefinition { __typename id }',
  children: 'id',
};

type Seen = Map<string, Set<string>>;

/** Every { __typename id } object in a response, by type. */
function collect(value: unknown, seen: Seen): void {
  if (Array.isArray(value)) {
    for (const item of value) collect(item, seen);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const object = value as Record<string, unknown>;
  if (typeof object.__typename === 'string' && typeof object.id === 'string') {
    const ids = seen.get(object.__typename) ?? new Set<string>();
    ids.add(object.id);
    seen.set(object.__typename, ids);
  }
  for (const child of Object.values(object)) collect(child, seen);
}

/**
 * The data of a list probe, or null when the list refused the caller. A refusal is any error
 * but a masked internal one (which fails the test: probes must be answered or refused).
 */
function listed(response: GraphqlResponse): unknown {
  const errors = response.body.errors ?? [];
  for (const error of errors) {
    expect(error.extensions?.code, JSON.stringify(error)).not.toBe('INTERNAL_SERVER_ERROR');
  }
  return errors.length > 0 ? null : response.body.data;
}

/** Pages through a connection read by `page(after)` until its end (bounded). */
async function allPages(
  caller: Caller,
  page: (after: string | null) => Operation,
  connectionOf: (data: unknown) => { pageInfo: { hasNextPage: boolean; endCursor: string | null } } | undefined,
  seen: Seen,
): Promise<void> {
  let after: string | null = null;
  for (let pageNumber = 0; pageNumber < 20; pageNumber++) {
    const data = listed(await api.graphql(page(after), caller.token));
    const connection = data === null ? undefined : connectionOf(data);
    if (!connection) return;
    collect(connection, seen);
    if (!connection.pageInfo.hasNextPage) return;
    after = connection.pageInfo.endCursor;
  }
  throw new Error(`A list probe for ${caller.label} did not end within 20 pages`);
}

/**
 * What the caller's shared-support lists give it, by Node type. Reading another member's shared
 * rows writes to the reader's audit trail, so these run for every caller before any trail is read.
 */
async function listedBySharedSupport(caller: Caller, seen: Seen): Promise<void> {
  const partnership = partnershipGlobalId(api);
  const roots: Operation[] = [
    rootListProbeQuery('serviceCatalogue(first: 100) { nodes { __typename id currentSla { __typename id } } }'),
    rootListProbeQuery('supportPeople(first: 100) { nodes { __typename id } }'),
    rootListProbeQuery('recoveryPlans(first: 100) { nodes { __typename id } }'),
    // Who was on call for an incident is a shared read too.
    rootListProbeQuery('serviceRequests(first: 50) { nodes { onCall { __typename id } } }'),
    ...[
      'directory(first: 100) { nodes { __typename id } }',
      'rota(from: "2026-04-01", to: "2026-04-30", first: 100) { nodes { __typename id } }',
      'helpRequests(first: 100) { nodes { __typename id offers { __typename id } } }',
      'helpStatement { lines { loan { __typename id } } }',
    ].map((selection) => sharedSupportListProbeQuery(partnership, selection)),
  ];
  for (const operation of roots) collect(listed(await api.graphql(operation, caller.token)), seen);
}

/** What the caller's organisation lists give it (read after every shared read is recorded). */
async function listedByOrganisations(caller: Caller, seen: Seen): Promise<void> {
  await allPages(caller, organisationNodesPageQuery, (data) => (data as { organisations?: never }).organisations, seen);
  const visible = seen.get('Organisation') ?? new Set<string>();
  // An organisation the caller cannot see lists nothing to it (`organisation` is null): skipped.
  for (const id of SUBJECTS.map((slug) => organisationGlobalId(api.organisationId(slug)))) {
    if (!visible.has(id)) continue;
    for (const [field, selection] of Object.entries(ORGANISATION_LISTS)) {
      // One page: every caller that may list an organisation's rows sees the same first page.
      const data = listed(await api.graphql(organisationListProbeQuery(id, field, selection), caller.token));
      collect(data, seen);
    }
  }
  // A delegation is reached only through grantDelegation's payload, which platform admins alone may call.
  if (caller.label === 'platform admin') seen.set('Delegation', new Set(granted));
}

/** The ids among `ids` that `nodes` answers with an object (each in its place, and no error). */
async function readableByNode(caller: Caller, ids: string[]): Promise<Set<string>> {
  const readable = new Set<string>();
  for (let start = 0; start < ids.length; start += 100) {
    const chunk = ids.slice(start, start + 100);
    const response = await api.graphql<{ nodes: ({ id: string } | null)[] }>(typedNodesQuery(chunk), caller.token);
    expect(response.body.errors, `${caller.label}: ${JSON.stringify(response.body.errors)}`).toBeUndefined();
    const nodes = response.body.data?.nodes ?? [];
    expect(nodes).toHaveLength(chunk.length);
    nodes.forEach((node, index) => {
      if (node) {
        expect(node.id).toBe(chunk[index]);
        readable.add(node.id);
      }
    });
  }
  return readable;
}

/** Runs a mutation that must succeed (its payload, not one of its typed errors). */
async function made(name: string, inputType: string, input: Record<string, unknown>, token: string): Promise<void> {
  const data = await ok<Record<string, { __typename: string; message?: string }>>(
    api,
    namedMutation(name, inputType, input),
    token,
  );
  expect(data[name]?.__typename, JSON.stringify(data)).not.toMatch(/Error$/);
}

/** Runs `work` over `items`, `size` at a time. */
async function inBatches<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  for (let start = 0; start < items.length; start += size) {
    await Promise.all(items.slice(start, start + size).map(work));
  }
}

let granted: string[] = [];
let callers: Caller[] = [];
let nodeTypes: string[] = [];
const listedBy = new Map<string, Seen>();

beforeAll(async () => {
  api = await startTestApp();
  const platformAdmin = await api.tokenFor(PLATFORM, ['platform_admin']);
  const countyAdmin = await api.tokenFor(LANCASHIRE, ['tenant_admin']);
  const agent = (slug: string) => api.tokenFor(slug, ['service_agent']);
  const partnership = partnershipGlobalId(api);
  const lancashire = organisationGlobalId(api.organisationId(LANCASHIRE));

  // Rows the seed data does not hold, made the way a client makes them.
  await made(
    'inviteMember',
    'InviteMemberInput',
    {
      displayName: 'Ada Accounts',
      email: 'ada@lancashire.example',
      issuer: 'https://login.lancashire.example',
      subject: 'ada',
      roles: ['FINANCE'],
    },
    countyAdmin,
  );
  await made(
    'createApiClient',
    'CreateApiClientInput',
    { name: 'County HR system', roles: ['REQUESTER'] },
    countyAdmin,
  );
  const delegation = await ok<{ grantDelegation: { delegation: { id: string } } }>(
    api,
    grantDelegationMutation({
      granteeOrganisationId: lancashire,
      delegatedOrganisationId: organisationGlobalId(api.organisationId('south-ribble-borough-council')),
      reason: 'County runs payroll administration for South Ribble',
    }),
    platformAdmin,
  );
  granted = [delegation.grantDelegation.delegation.id];
  await made(
    'setAffordabilityCharge',
    'SetAffordabilityChargeInput',
    {
      organisationId: lancashire,
      fiscalYear: '2018/19',
      annualAmount: '21500000.00',
      contractSchedule: 'Schedule 11',
      paymentProfile: 'MONTHLY',
    },
    await api.tokenFor(PARTNER, ['finance']),
  );
  await api.db.asOwner(
    `insert into contract_letters (tenant_id, reference, system_change_date, issued_date) values ($1, 'CL-1', '2018-01-10', '2018-01-12')`,
    [api.organisationId(LANCASHIRE)],
  );
  const person = async (slug: string, fullName: string) =>
    (
      await ok<{ saveSupportPerson: { person: { id: string } } }>(
        api,
        savePersonMutation({ fullName, roleTitle: 'Engineer', skills: [{ skillCode: 'firewalls', level: 3 }] }),
        await agent(slug),
      )
    ).saveSupportPerson.person.id;
  const hal = await person(BOSTON, 'Hal Helper');
  const nina = await person(NORTH_KESTEVEN, 'Nina Nightshift');
  const help = await ok<{ requestHelp: { request: { id: string } } }>(
    api,
    requestHelpIdMutation({
      partnershipId: partnership,
      skillCode: 'firewalls',
      minimumLevel: 2,
      startsOn: '2026-06-01',
      endsOn: '2026-06-05',
      daysNeeded: 3,
      description: 'Our firewall needs a rebuild',
      agencyDayRate: '600.00',
      idempotencyKey: 'node-authorization-help',
    }),
    await agent(NORTH_KESTEVEN),
  );
  await made(
    'offerHelp',
    'OfferHelpInput',
    {
      partnershipId: partnership,
      requestId: help.requestHelp.request.id,
      personId: hal,
      startsOn: '2026-06-02',
      endsOn: '2026-06-04',
      daysOffered: 3,
      idempotencyKey: 'node-authorization-offer',
    },
    await agent(BOSTON),
  );
  await made(
    'addRotaShift',
    'AddRotaShiftInput',
    {
      partnershipId: partnership,
      personId: nina,
      startsAt: '2026-04-03T16:00:00Z',
      endsAt: '2026-04-06T08:00:00Z',
      idempotencyKey: 'node-authorization-shift',
    },
    await agent(NORTH_KESTEVEN),
  );
  const templates = await ok<{ sharedSupport: { recoveryTemplates: { nodes: { id: string }[] } } }>(
    api,
    firstRecoveryTemplateQuery(partnership),
    await agent(NORTH_KESTEVEN),
  );
  await made(
    'adoptRecoveryPlan',
    'AdoptRecoveryPlanInput',
    { partnershipId: partnership, templateId: templates.sharedSupport.recoveryTemplates.nodes[0]?.id },
    await agent(NORTH_KESTEVEN),
  );

  callers = [
    { label: 'anonymous', token: undefined },
    { label: 'platform admin', token: platformAdmin },
    { label: `${LIVERPOOL} tenant_admin`, token: await api.tokenFor(LIVERPOOL, ['tenant_admin']) },
    { label: `${PARTNERSHIP} tenant_admin`, token: await api.tokenFor(PARTNERSHIP, ['tenant_admin']) },
  ];
  for (const slug of [LANCASHIRE, PARTNER, NORTH_KESTEVEN, NORTHUMBERLAND]) {
    for (const role of MEMBER_ROLES) {
      callers.push({ label: `${slug} ${role}`, token: await api.tokenFor(slug, [role]) });
    }
  }

  const schema = await ok<{ __type: { possibleTypes: { name: string }[] } }>(api, nodeTypesQuery(), platformAdmin);
  nodeTypes = schema.__type.possibleTypes.map((type) => type.name).sort();
  // Callers a few at a time, in two rounds (see listedBySharedSupport).
  for (const caller of callers) listedBy.set(caller.label, new Map());
  const seenBy = (caller: Caller) => listedBy.get(caller.label) as Seen;
  await inBatches(callers, 4, (caller) => listedBySharedSupport(caller, seenBy(caller)));
  await inBatches(callers, 4, (caller) => listedByOrganisations(caller, seenBy(caller)));
}, 300_000);

describe('node and nodes answer exactly what the list fields answer', () => {
  it('every Node type in the schema is reached by some list, with rows to check', () => {
    expect(nodeTypes.length).toBeGreaterThanOrEqual(24);
    const reached = new Set<string>();
    for (const seen of listedBy.values()) for (const [type, ids] of seen) if (ids.size > 0) reached.add(type);
    expect(nodeTypes.filter((type) => !reached.has(type))).toEqual([]);
  });

  it('for every Node type and every caller', async () => {
    const mismatches: string[] = [];
    for (const type of nodeTypes) {
      const candidates = new Set<string>();
      for (const seen of listedBy.values()) for (const id of seen.get(type) ?? []) candidates.add(id);
      const ids = [...candidates];
      await inBatches(callers, 4, async (caller) => {
        const byList = listedBy.get(caller.label)?.get(type) ?? new Set<string>();
        const byNode = await readableByNode(caller, ids);
        const onlyByNode = ids.filter((id) => byNode.has(id) && !byList.has(id));
        const onlyByList = ids.filter((id) => byList.has(id) && !byNode.has(id));
        if (onlyByNode.length > 0 || onlyByList.length > 0) {
          mismatches.push(
            `${type} for ${caller.label}: ${onlyByNode.length} by node only, ${onlyByList.length} by list only (of ${ids.length})`,
          );
        }
      });
    }
    expect(mismatches.sort()).toEqual([]);
  }, 300_000);

  it('a requester reads no ledger entry by id, as savingsLedger refuses it, and a delegated partnership reads no audit event', () => {
    const ledger = listedBy.get('platform admin')?.get('SavingsLedgerEntry');
    expect(ledger?.size).toBeGreaterThan(0);
    expect(listedBy.get(`${LANCASHIRE} requester`)?.get('SavingsLedgerEntry')).toBeUndefined();
    const countyTrail = listedBy.get(`${LANCASHIRE} tenant_admin`)?.get('AuditEvent');
    expect(countyTrail?.size).toBeGreaterThan(0);
    expect(listedBy.get(`${PARTNER} tenant_admin`)?.get('AuditEvent')).toBeUndefined();
  });
});

describe('an id that names nothing is null, not an error', () => {
  const encode = (text: string) => Buffer.from(text).toString('base64');
  const nameless = [
    'zzz',
    '',
    encode('Organisation:not-a-uuid'),
    encode('NoSuchType:00000000-0000-4000-8000-000000000000'),
    encode('SupportSkill:00000000-0000-4000-8000-000000000000'),
    encode('Organisation:00000000-0000-4000-8000-000000000000'),
  ];

  it.each(nameless)('node(%j) is null with no error, for any caller', async (id) => {
    for (const token of [undefined, await api.tokenFor(LANCASHIRE, ['tenant_admin'])]) {
      const response = await api.graphql(nodeByIdQuery(id), token);
      expect(response.status).toBe(200);
      // Anonymous calls are not charged, so only a caller's answer carries its cost.
      const answer = { data: { node: null } };
      expect(response.body).toEqual(token ? withCost(answer) : answer);
    }
  });

  it('nodes answers null in place of each, and still the objects beside them', async () => {
    const token = await api.tokenFor(LANCASHIRE, ['tenant_admin']);
    const county = organisationGlobalId(api.organisationId(LANCASHIRE));
    const response = await api.graphql<{ nodes: unknown[] }>(nodesByIdsQuery([...nameless, county]), token);
    expect(response.body).toEqual(withCost({ data: { nodes: [...nameless.map(() => null), { id: county }] } }));
  });
});
