import { MAX_RECURSIVE_PAGE_SIZE, QUERY_LIMITS } from '@ssp/gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { literalPageQuery } from './support/queries/document-queries.ts';
import { organisationsQuery } from './support/queries/organisation-queries.ts';
import { startTestApp, type TestApp } from './support/test-app.ts';

// The query limits (graphql-armor's depth, aliases, tokens and directives while parsing and
// validating; our query price, which reads page sizes from the variables too, just before the
// operation runs) reject an operation before any resolver runs and so before the request's transaction opens: a rejected request sends no
// SQL at all. The StatementCounter counts every statement the app sends; nothing else runs while
// a test waits for its response, so "unchanged" means the database was not touched.

let api: TestApp;
let member = '';
beforeAll(async () => {
  api = await startTestApp();
  member = await api.tokenFor('lancashire-county-council', ['tenant_admin']);
});
afterAll(() => api?.close());

const GRAPHQL_RESPONSE = 'application/graphql-response+json';

interface Answer {
  status: number;
  contentType: string;
  body: { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
  /** SQL statements the app sent while this request ran. */
  statements: number;
}

/** POSTs a raw JSON body to /graphql as the tenant member, counting the SQL it causes. */
async function postBody(body: unknown, accept = GRAPHQL_RESPONSE): Promise<Answer> {
  const before = api.app.database.statements.count;
  const response = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept, authorization: `Bearer ${member}` },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    body: JSON.parse(text) as Answer['body'],
    statements: api.app.database.statements.count - before,
  };
}

const post = (query: string, variables?: Record<string, unknown>) => postBody({ query, variables });

/** Refused with this one error and no data, and not a statement sent to the database. */
function expectRejectedUntouched(answer: Answer, message: string | RegExp): void {
  expect(answer.body).not.toHaveProperty('data');
  expect(answer.body.errors).toHaveLength(1);
  expect(answer.body.errors?.[0]?.message).toMatch(message);
  expect(answer.statements).toBe(0);
}

/** Accepted, answered with data, and it did go to the database. */
function expectAcceptedFromDatabase(answer: Answer): void {
  expect(answer.body.errors?.map((error) => error.message)).toBeUndefined();
  expect(answer.status).toBe(200);
  expect(answer.body.errors).toBeUndefined();
  expect(answer.body.data).toBeTruthy();
  expect(answer.statements).toBeGreaterThan(0);
}

// --- Operations at and just over each limit -------------------------------------------------

/**
 * `organisations { nodes { parent { parent ... { slug } } } }` with `depth` levels of fields in
 * all, counted as graphql-armor counts them (the leaf field is a level too).
 */
function parentChain(depth: number): string {
  const parents = depth - 3; // organisations, nodes, …parents…, slug
  return `{ organisations(first: 1) { nodes { ${'parent { '.repeat(parents)}slug${' }'.repeat(parents)} } } }`;
}

/** The same depth reached through nested pages of children: `children { nodes { children ...`. */
function childrenChain(depth: number): string {
  let selection = 'slug';
  let level = 3; // organisations, nodes, and the leaf
  while (level + 2 <= depth) {
    selection = `children(first: 1) { nodes { ${selection} } }`;
    level += 2;
  }
  if (level < depth) selection = `parent { ${selection} }`;
  return `{ organisations(first: 1) { nodes { ${selection} } } }`;
}

/** `count` aliased copies of the viewer's subject. */
function aliases(count: number): string {
  return `{ ${Array.from({ length: count }, (_, index) => `a${index}: viewer { subject }`).join(' ')} }`;
}

/**
 * A document of exactly `count` lexical tokens: named operations `query Qn { viewer { subject } }`
 * (8 tokens each; the first few also ask for `__typename`, one token more, to make up the count).
 * Many small operations rather than one wide one: graphql-js aborts validating a selection of
 * thousands of identical fields, which would hide the limit under test.
 */
function tokens(count: number): { query: string; operationName: string } {
  const operations = Math.floor(count / 8);
  const remainder = count % 8;
  const query = Array.from(
    { length: operations },
    (_, index) => `query Q${index} { viewer { subject${index < remainder ? ' __typename' : ''} } }`,
  ).join('\n');
  return { query, operationName: 'Q0' };
}

/** `count` fields, each with an @include directive. */
function directives(count: number): string {
  return `{ viewer { ${'subject @include(if: true) '.repeat(count)}} }`;
}

/**
 * 100 organisations with `children` pages of `size`, each child with its parent, and its price
 * by the documented model (connection 2 + page size x each item; object 1; scalars 0).
 */
function widePage(size: number): { query: string; cost: number } {
  return {
    query: `{ organisations(first: 100) { nodes { children(first: ${size}) { nodes { slug parent { slug } } } } } }`,
    cost: 2 + 100 * (1 + 2 + size * (1 + 1)),
  };
}

/** The smallest such page priced over the maximum. */
function tooCostly(): { query: string; cost: number; size: number } {
  let size = 1;
  while (widePage(size).cost <= api.app.config.queryMaxCost) size += 1;
  return { ...widePage(size), size };
}

/** Issue 11's fan-out: pages of organisations, their parents' children, their parents' children. */
const FAN_OUT_WITH_VARIABLES = `query FanOut($n: Int) { organisations(first: $n) { nodes { parent { children(first: $n) {
  nodes { parent { children(first: $n) { nodes { id } } } } } } } } }`;
const fanOutLiteral = (n: number) => FAN_OUT_WITH_VARIABLES.replace('($n: Int)', '').replaceAll('$n', String(n));
/** Its price by the same model. */
const fanOutCost = (n: number) => 2 + n * (1 + 1 + 2 + n * (1 + 1 + 2 + n * 1));

describe('an accepted query (the contrast)', () => {
  it('goes to the database: the statement count rises', async () => {
    expectAcceptedFromDatabase(await post('{ organisations(first: 1) { nodes { slug } } }'));
  });
});

describe('each limit rejects the operation before it reaches the database', () => {
  it(`depth: ${QUERY_LIMITS.maxDepth} levels of parents run; one more is rejected`, async () => {
    expectAcceptedFromDatabase(await post(parentChain(QUERY_LIMITS.maxDepth)));
    expectRejectedUntouched(
      await post(parentChain(QUERY_LIMITS.maxDepth + 1)),
      `Query depth limit of ${QUERY_LIMITS.maxDepth} exceeded, found ${QUERY_LIMITS.maxDepth + 1}.`,
    );
  });

  it('depth: nested pages of children count as well', async () => {
    expectAcceptedFromDatabase(await post(childrenChain(QUERY_LIMITS.maxDepth)));
    expectRejectedUntouched(
      await post(childrenChain(QUERY_LIMITS.maxDepth + 1)),
      `Query depth limit of ${QUERY_LIMITS.maxDepth} exceeded, found ${QUERY_LIMITS.maxDepth + 1}.`,
    );
  });

  it('depth: fragments do not hide the levels inside them', async () => {
    const inner = QUERY_LIMITS.maxDepth - 2; // organisations and nodes are outside the fragment
    const query = `{ organisations(first: 1) { nodes { ...Up } } }
      fragment Up on Organisation { ${'parent { '.repeat(inner)}slug${' }'.repeat(inner)} }`;
    expectRejectedUntouched(await post(query), /Query depth limit of \d+ exceeded/);
  });

  it(`aliases: ${QUERY_LIMITS.maxAliases} run; one more is rejected`, async () => {
    expectAcceptedFromDatabase(await post(aliases(QUERY_LIMITS.maxAliases)));
    expectRejectedUntouched(
      await post(aliases(QUERY_LIMITS.maxAliases + 1)),
      `Aliases limit of ${QUERY_LIMITS.maxAliases} exceeded, found ${QUERY_LIMITS.maxAliases + 1}.`,
    );
  });

  it('cost: a page priced over the maximum is refused; one row fewer per page runs', async () => {
    const { query, cost, size } = tooCostly();
    const answer = await post(query);
    expectRejectedUntouched(
      answer,
      `Query cost of ${cost} exceeds the maximum of ${api.app.config.queryMaxCost}. ` +
        'Page sizes multiply through nested connections: ask for smaller pages or fewer levels.',
    );
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('MAX_COST_EXCEEDED');
    expectAcceptedFromDatabase(await post(widePage(size - 1).query));
  });

  it('cost: a page size sent as a variable is priced the same as a literal one', async () => {
    const { cost, size } = tooCostly();
    const query = `query Wide($size: Int) { organisations(first: 100) { nodes { children(first: $size) {
      nodes { slug parent { slug } } } } } }`;
    expectRejectedUntouched(await post(query, { size }), `Query cost of ${cost} exceeds the maximum`);
    expectAcceptedFromDatabase(await post(query, { size: size - 1 }));
  });

  it('cost: a fragment does not hide the page sizes inside it', async () => {
    const { cost, size } = tooCostly();
    const query = `{ organisations(first: 100) { nodes { ...Kids } } }
      fragment Kids on Organisation { children(first: ${size}) { nodes { slug parent { slug } } } }`;
    expectRejectedUntouched(await post(query), `Query cost of ${cost} exceeds the maximum`);
  });

  it(`tokens: ${QUERY_LIMITS.maxTokens} run; one more is rejected while parsing`, async () => {
    expectAcceptedFromDatabase(await postBody(tokens(QUERY_LIMITS.maxTokens)));
    const answer = await postBody(tokens(QUERY_LIMITS.maxTokens + 1));
    expectRejectedUntouched(answer, `Token limit of ${QUERY_LIMITS.maxTokens} exceeded.`);
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it(`directives: ${QUERY_LIMITS.maxDirectives} run; one more is rejected`, async () => {
    expectAcceptedFromDatabase(await post(directives(QUERY_LIMITS.maxDirectives)));
    expectRejectedUntouched(
      await post(directives(QUERY_LIMITS.maxDirectives + 1)),
      `Directives limit of ${QUERY_LIMITS.maxDirectives} exceeded, found ${QUERY_LIMITS.maxDirectives + 1}.`,
    );
  });

  it('batching: a JSON array of two operations is refused with a 400', async () => {
    const operation = literalPageQuery(1);
    const answer = await postBody([operation, operation]);
    expect(answer.status).toBe(400);
    expectRejectedUntouched(answer, 'Batching is not supported.');
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    // Each of the two, sent alone, runs.
    expectAcceptedFromDatabase(await postBody(operation));
  });
});

// BUG (see the report): the graphql-armor rules are set to throw (propagateOnRejection), so yoga
// answers a rejected operation with HTTP 200 and no `data`. Under application/graphql-response+json
// GraphQL over HTTP requires a 4xx or 5xx when the response has no `data` (and recommends 400 for a
// document that fails validation), as the server already does for its own validation errors.
describe('a rejection is a 400 under application/graphql-response+json, like any validation failure', () => {
  it.each([
    ['depth', () => parentChain(QUERY_LIMITS.maxDepth + 1)],
    ['aliases', () => aliases(QUERY_LIMITS.maxAliases + 1)],
    ['cost', () => tooCostly().query],
    ['a recursive page', () => fanOutLiteral(5)],
    ['directives', () => directives(QUERY_LIMITS.maxDirectives + 1)],
    ['tokens', () => tokens(QUERY_LIMITS.maxTokens + 1)],
  ])('%s', async (_limit, body) => {
    const answer = await postBody(typeof body() === 'string' ? { query: body() } : body());
    expect(answer.body).not.toHaveProperty('data');
    expect(answer.contentType).toMatch(/^application\/graphql-response\+json/);
    expect(answer.status).toBe(400);
  });
});

describe('no field suggestions ("Did you mean") outside development', () => {
  // GraphiQL is off in the test environment, so blockFieldSuggestionsPlugin is on.
  it.each([
    ['a misspelt field', '{ organisations { nodes { nam } } }', 'Cannot query field "nam" on type "Organisation".'],
    ['a misspelt argument', '{ organisations(firs: 1) { nodes { slug } } }', 'Unknown argument "firs"'],
    [
      'a misspelt input field',
      '{ organisations(filter: { nameContain: "x" }) { nodes { slug } } }',
      'Field "nameContain" is not defined by type "OrganisationFilter".',
    ],
    [
      'a misspelt type',
      'query ($f: OrganisationFiltr) { organisations(filter: $f) { nodes { slug } } }',
      'Unknown type "OrganisationFiltr".',
    ],
  ])('%s: the error says what is wrong but suggests nothing', async (_case, query, message) => {
    const answer = await post(query);
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(answer.body.errors?.[0]?.message).toContain(message);
    expect(answer.body.errors?.[0]?.message).toContain('[Suggestion hidden]');
    expect(JSON.stringify(answer.body)).not.toMatch(/did you mean/i);
    expect(answer.statements).toBe(0);
  });

  // BUG (see the report): the plugin only masks `Did you mean "…"?` in validation errors, so an
  // enum value ("Did you mean the enum value …?") and anything wrong in the variables (coerced
  // while executing, not validating) still get suggestions: the schema can be read by guessing.
  it.each([
    ['a misspelt enum value', '{ organisations(filter: { kind: COUNTY_COUNCI }) { nodes { slug } } }', undefined],
    [
      'a misspelt enum value in the variables',
      'query ($kind: OrganisationKind) { organisations(filter: { kind: $kind }) { nodes { slug } } }',
      { kind: 'COUNTY_COUNCI' },
    ],
    [
      'a misspelt input field in the variables',
      'query ($filter: OrganisationFilter) { organisations(filter: $filter) { nodes { slug } } }',
      { filter: { nameContain: 'x' } },
    ],
  ])('%s: the error suggests nothing', async (_case, query, variables) => {
    const answer = await post(query, variables);
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.length).toBeGreaterThan(0);
    expect(JSON.stringify(answer.body)).not.toMatch(/did you mean/i);
  });
});

// Issue 11: this fan-out with n = 5 took 13 s on PostgreSQL, and with n = 100 blocked PGlite for
// minutes. Each level of `children` reached again through `parent` multiplies the rows and can
// return the same organisations again; it is refused while priced, before the transaction opens.
describe("issue 11's fan-out is refused before any SQL, with page sizes literal or variable", () => {
  it.each([5, 100])('n = %i as a literal', async (n) => {
    const answer = await post(fanOutLiteral(n));
    expectRejectedUntouched(answer, /^A connection nested inside the same connection asks for \d+ items/);
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('RECURSIVE_PAGE_TOO_LARGE');
    expect(answer.body.errors?.[0]?.message).toContain(`asks for ${n} items; at most ${MAX_RECURSIVE_PAGE_SIZE}`);
    expect((answer.body as { extensions?: { cost?: unknown } }).extensions?.cost).toEqual({
      requestedQueryCost: fanOutCost(n),
    });
  });

  it.each([5, 100])('n = %i as a variable', async (n) => {
    const answer = await post(FAN_OUT_WITH_VARIABLES, { n });
    expectRejectedUntouched(answer, `asks for ${n} items; at most ${MAX_RECURSIVE_PAGE_SIZE}`);
    expect(answer.status).toBe(400);
  });

  it('n = 100 is priced over the maximum as well, whichever rule answers first', () => {
    expect(fanOutCost(100)).toBeGreaterThan(api.app.config.queryMaxCost);
  });

  it('inside a fragment it is refused the same', async () => {
    const query = `query ($n: Int) { organisations(first: $n) { nodes { ...Up } } }
      fragment Up on Organisation { parent { children(first: $n) { nodes { parent { children(first: $n) { nodes { id } } } } } } }`;
    expectRejectedUntouched(await post(query, { n: 5 }), `asks for 5 items; at most ${MAX_RECURSIVE_PAGE_SIZE}`);
  });

  it(`at the limit (pages of ${MAX_RECURSIVE_PAGE_SIZE} inside the same connection) it runs`, async () => {
    expectAcceptedFromDatabase(await post(FAN_OUT_WITH_VARIABLES, { n: MAX_RECURSIVE_PAGE_SIZE }));
  });

  it('the organisations page (100 with their parent and 10 children each) still runs, priced as documented', async () => {
    const answer = await postBody(organisationsQuery({ first: 100, children: 10 }));
    expectAcceptedFromDatabase(answer);
    expect(
      (answer.body as { extensions?: { cost?: { requestedQueryCost?: number } } }).extensions?.cost?.requestedQueryCost,
    ).toBe(2 + 100 * (1 + 1 + 2 + 10 * 1));
  });
});
