import {
  CORE_ERRORS,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  registeredErrorCodes,
  ValidationError,
} from '@ssp/core';
import { platformSchema } from '@ssp/gateway';
import { seedOrganisations } from '@ssp/seeds';
import {
  type GraphQLNamedType,
  getNamedType,
  isInterfaceType,
  isNonNullType,
  isObjectType,
  isUnionType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newKey as billingKey, payloadOf } from './billing/support/billing-operations.ts';
import { requestRowsOf, sendForPayload } from './services/support/request-fixtures.ts';
import { offeringGlobalId, requestGlobalId } from './services/support/request-ids.ts';
import { proposeMutation, recordEntryMutation } from './support/queries/billing-operation-queries.ts';
import {
  capabilityMatchQuery,
  catalogueQuery,
  organisationMembersQuery,
  organisationQuery,
  performanceReportQuery,
} from './support/queries/error-rule-queries.ts';
import { grantDelegationMutation, organisationGlobalId } from './support/queries/organisation-queries.ts';
import {
  changeServiceRequestStatusMutation,
  type RaiseInput,
  raiseServiceRequestMutation,
} from './support/queries/service-request-lifecycle-queries.ts';
import { startTestApp, type TestApp } from './support/test-app.ts';

// The one error rule of docs/errors.md, across every kind of failure: a mutation answers each in
// its payload (a typed error with a code) and writes nothing; a query raises it as a top-level
// error whose extensions carry the same code; no token is UNAUTHENTICATED, with a hint.

let api: TestApp;
let requester = '';
let finance = '';
let tenantAdmin = '';
const LANCASHIRE = 'lancashire-county-council';
const HINT = 'send Authorization: Bearer <token>; get one from POST /oauth/token';

beforeAll(async () => {
  api = await startTestApp();
  requester = await api.tokenFor(LANCASHIRE, ['requester'], 'alice@lancashire.example');
  finance = await api.tokenFor(LANCASHIRE, ['finance'], 'fin@lancashire.example');
  tenantAdmin = await api.tokenFor(LANCASHIRE, ['tenant_admin'], 'admin@lancashire.example');
});
afterAll(() => api?.close());

const lancashireId = () => organisationGlobalId(api.organisationId(LANCASHIRE));

function raiseInput(overrides: Partial<RaiseInput> = {}): RaiseInput {
  return {
    offeringId: offeringGlobalId('dbs-check'),
    title: 'DBS check for a new teaching assistant',
    description: 'All necessary information is attached.',
    idempotencyKey: billingKey('error-rule'),
    ...overrides,
  };
}

describe('a mutation answers every domain failure in its payload, with its code, and writes nothing', () => {
  it.each([
    ['a malformed id', () => raiseInput({ offeringId: 'zzz' }), 'ValidationError', 'INVALID_ID'],
    [
      'an Organisation id passed as an offering id',
      () => raiseInput({ offeringId: lancashireId() }),
      'ValidationError',
      'WRONG_ID_TYPE',
    ],
    ['a value out of range', () => raiseInput({ title: '' }), 'ValidationError', 'INVALID_INPUT'],
    [
      'a short idempotency key',
      () => raiseInput({ idempotencyKey: 'short' }),
      'ValidationError',
      'IDEMPOTENCY_KEY_INVALID',
    ],
  ])('%s', async (_case, input, typename, code) => {
    const before = await requestRowsOf(api, LANCASHIRE);
    const payload = await sendForPayload(api, raiseServiceRequestMutation(input()), requester);
    expect(payload).toMatchObject({ __typename: typename, code });
    expect(payload.message).toEqual(expect.any(String));
    expect(await requestRowsOf(api, LANCASHIRE)).toHaveLength(before.length);
  });

  it('an offering the organisation does not take: ValidationError NOT_SUBSCRIBED on its field', async () => {
    const school = seedOrganisations().find((o) => o.kind === 'school' && o.parentSlug === LANCASHIRE)!;
    const before = await requestRowsOf(api, school.slug);
    const payload = await sendForPayload(
      api,
      raiseServiceRequestMutation(raiseInput({ offeringId: offeringGlobalId('payroll-set-up') })),
      await api.tokenFor(school.slug, ['requester']),
    );
    expect(payload).toMatchObject({ __typename: 'ValidationError', code: 'NOT_SUBSCRIBED', field: 'input.offeringId' });
    expect(await requestRowsOf(api, school.slug)).toHaveLength(before.length);
  });

  it('a role the resolver checks (requireRole): ForbiddenError ROLE_REQUIRED', async () => {
    const before = await requestRowsOf(api, LANCASHIRE);
    const payload = await sendForPayload(api, raiseServiceRequestMutation(raiseInput()), finance);
    expect(payload).toMatchObject({ __typename: 'ForbiddenError', code: 'ROLE_REQUIRED' });
    expect(await requestRowsOf(api, LANCASHIRE)).toHaveLength(before.length);
  });

  it('a role the schema checks (scope-auth): the same ForbiddenError ROLE_REQUIRED, not a top-level error', async () => {
    const response = await api.graphql<{ grantDelegation: { __typename: string; code: string } }>(
      grantDelegationMutation({
        granteeOrganisationId: lancashireId(),
        delegatedOrganisationId: organisationGlobalId(api.organisationId('west-lancashire-borough-council')),
        reason: 'widening my own view',
      }),
      tenantAdmin,
    );
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data?.grantDelegation).toMatchObject({ __typename: 'ForbiddenError', code: 'ROLE_REQUIRED' });
  });

  it('an id nothing visible has: NotFoundError NOT_FOUND', async () => {
    const agent = await api.tokenFor(LANCASHIRE, ['service_agent']);
    const payload = await sendForPayload(
      api,
      changeServiceRequestStatusMutation({
        requestId: requestGlobalId('00000000-0000-4000-8000-000000000000'),
        status: 'IN_PROGRESS',
      }),
      agent,
    );
    expect(payload).toMatchObject({ __typename: 'NotFoundError', code: 'NOT_FOUND' });
  });

  it('two conflicts are told apart by their code: IDEMPOTENCY_KEY_REUSED and OPPORTUNITY_NOT_ACCEPTED', async () => {
    const key = billingKey('reused');
    expect(
      (await sendForPayload(api, raiseServiceRequestMutation(raiseInput({ idempotencyKey: key })), requester))
        .__typename,
    ).toBe('ServiceRequestPayload');
    const reused = await sendForPayload(
      api,
      raiseServiceRequestMutation(raiseInput({ idempotencyKey: key, title: 'Another title' })),
      requester,
    );
    expect(reused).toMatchObject({ __typename: 'ConflictError', code: 'IDEMPOTENCY_KEY_REUSED' });

    const partner = await api.tokenFor('bt-lancashire-services', ['finance'], 'finance@bt.example');
    const proposed = await payloadOf(
      api,
      proposeMutation({
        organisationId: organisationGlobalId(api.organisationId('south-ribble-borough-council')),
        title: 'Licence reduction',
        category: 'LICENCE_REDUCTION',
        cashable: true,
        recurrence: 'RECURRING',
        countsAgainst: 'AFFORDABILITY_CHARGE',
        estimatedAnnualSaving: '1000.00',
        idempotencyKey: billingKey('propose'),
      }),
      partner,
    );
    expect(proposed.__typename).toBe('SavingsOpportunityPayload');
    const notAccepted = await payloadOf(
      api,
      recordEntryMutation({
        kind: 'ESTIMATE',
        opportunityId: proposed.savingsOpportunity.id,
        fiscalYear: '2018/19',
        amount: '1.00',
        idempotencyKey: billingKey('record'),
      }),
      partner,
    );
    expect(notAccepted).toMatchObject({ __typename: 'ConflictError', code: 'OPPORTUNITY_NOT_ACCEPTED' });
  });

  it('without a token: a top-level UNAUTHENTICATED with the hint, and nothing written', async () => {
    const before = await requestRowsOf(api, LANCASHIRE);
    const response = await api.graphql(raiseServiceRequestMutation(raiseInput()));
    expect(response.body.data).toBeNull();
    expect(response.body.errors?.[0]?.message).toContain(HINT);
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', hint: HINT });
    expect(await requestRowsOf(api, LANCASHIRE)).toHaveLength(before.length);
  });
});

describe('a query raises a domain failure at the top level, with the same code in extensions.code', () => {
  const cases: [string, () => Parameters<TestApp['graphql']>[0], () => string, string, string][] = [
    ['a malformed id', () => organisationQuery('zzz'), () => requester, 'INVALID_ID', 'VALIDATION'],
    [
      'an offering id passed as an Organisation id',
      () => performanceReportQuery({ organisationId: offeringGlobalId('dbs-check'), fiscalYear: '2017/18' }),
      () => finance,
      'WRONG_ID_TYPE',
      'VALIDATION',
    ],
    [
      'an argument its validation refuses',
      () => performanceReportQuery({ organisationId: lancashireId(), fiscalYear: '2017/18', through: 'soon' }),
      () => finance,
      'INVALID_INPUT',
      'VALIDATION',
    ],
    [
      'a malformed fiscal year',
      () => performanceReportQuery({ organisationId: lancashireId(), fiscalYear: '2017-18' }),
      () => finance,
      'INVALID_FISCAL_YEAR',
      'VALIDATION',
    ],
    [
      'a role the resolver checks (requireRole)',
      () => capabilityMatchQuery({ kind: 'SCHOOL', requirementLines: ['payroll'] }),
      () => requester,
      'ROLE_REQUIRED',
      'FORBIDDEN',
    ],
    [
      'a role the schema checks (scope-auth)',
      () => organisationMembersQuery(lancashireId()),
      () => requester,
      'ROLE_REQUIRED',
      'FORBIDDEN',
    ],
    [
      "another organisation's report",
      () =>
        performanceReportQuery({
          organisationId: organisationGlobalId(api.organisationId('liverpool-city-council')),
          fiscalYear: '2017/18',
        }),
      () => finance,
      'NOT_FOUND',
      'NOT_FOUND',
    ],
  ];

  it.each(cases)('%s', async (_case, operation, token, code, kind) => {
    const response = await api.graphql(operation(), token());
    expect(response.status).toBe(200);
    expect(response.body.errors).toHaveLength(1);
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ code, kind });
    expect(response.body.errors?.[0]?.message).not.toMatch(/Unexpected error|Not authorized/);
  });

  it('without a token: UNAUTHENTICATED with the hint, not a bare "Not authorized"', async () => {
    const response = await api.graphql(catalogueQuery());
    expect(response.body.data).toBeNull();
    expect(response.body.errors).toHaveLength(1);
    expect(response.body.errors?.[0]?.message).toBe(`Authentication required: ${HINT}`);
    expect(response.body.errors?.[0]?.extensions).toEqual({
      code: 'UNAUTHENTICATED',
      kind: 'UNAUTHENTICATED',
      hint: HINT,
    });
  });
});

describe('the schema states the rule and holds to it', () => {
  const schema = platformSchema();
  const ERROR_TYPES = ['ConflictError', 'ForbiddenError', 'NotFoundError', 'ValidationError'];
  const implementsError = (type: GraphQLNamedType) =>
    isObjectType(type) && type.getInterfaces().some((iface) => iface.name === 'Error');

  it('every mutation returns a union of its payload and all four typed errors', () => {
    const mutations = Object.values(schema.getMutationType()?.getFields() ?? {});
    expect(mutations.length).toBeGreaterThan(20);
    for (const mutation of mutations) {
      const result = getNamedType(mutation.type);
      expect(isUnionType(result), mutation.name).toBe(true);
      if (!isUnionType(result)) continue;
      const members = result.getTypes().map((type) => type.name);
      expect(members.filter((name) => ERROR_TYPES.includes(name)).sort(), mutation.name).toEqual(ERROR_TYPES);
    }
  });

  it('no field outside Mutation returns a typed error: queries fail at the top level', () => {
    const offenders: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name === 'Mutation' || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        const result = getNamedType(field.type);
        const members = isUnionType(result) ? result.getTypes() : [result];
        if (members.some(implementsError)) offenders.push(`${type.name}.${field.name}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('Error has a non-null code, an enum of every declared code, each described with its kind', () => {
    const error = schema.getType('Error');
    expect(isInterfaceType(error)).toBe(true);
    if (!isInterfaceType(error)) return;
    const code = error.getFields().code;
    expect(code && isNonNullType(code.type) && getNamedType(code.type).name).toBe('ErrorCode');
    expect(error.description).toMatch(/mutation.*payload.*query.*top-level.*UNAUTHENTICATED/s);
    const codes = schema.getType('ErrorCode');
    if (!codes || !('getValues' in codes)) throw new Error('ErrorCode is not an enum');
    const values = codes.getValues();
    expect(values.map((value) => value.name).sort()).toEqual(
      registeredErrorCodes()
        .map((definition) => definition.code)
        .sort(),
    );
    for (const value of values)
      expect(value.description, value.name).toMatch(/\(kind [A-Z_]+; [a-z-]+\)|top-level only/);
    for (const name of [
      'INVALID_ID',
      'WRONG_ID_TYPE',
      'IDEMPOTENCY_KEY_REUSED',
      'OPPORTUNITY_NOT_ACCEPTED',
      'UNAUTHENTICATED',
    ]) {
      expect(values.map((value) => value.name)).toContain(name);
    }
  });

  it('a typed error cannot be built with a code of another kind, and defaults to the generic code of its kind', () => {
    expect(new ValidationError('x').code).toBe('INVALID_INPUT');
    expect(new NotFoundError().code).toBe('NOT_FOUND');
    expect(new ForbiddenError('x', CORE_ERRORS.ROLE_REQUIRED).kind).toBe('FORBIDDEN');
    // @ts-expect-error a ConflictError takes only a CONFLICT code
    expect(new ConflictError('x', CORE_ERRORS.NOT_FOUND).kind).toBe('CONFLICT');
  });
});
