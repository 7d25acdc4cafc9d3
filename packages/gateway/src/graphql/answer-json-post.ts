import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestContext } from '@ssp/core';
import type { ExecutionResult } from 'graphql';
import type { GraphQLParams, YogaServerInstance } from 'graphql-yoga';
import type { GraphqlServerContext } from './create-graphql-handler.ts';

/** The body members GraphQL over HTTP defines; a body with anything else goes the whole way. */
const PARAM_NAMES = new Set(['query', 'variables', 'operationName', 'extensions']);

/**
 * The parts of a fetch `Request` yoga's hooks read once the body is parsed (the method, the
 * URL, the headers), answered from node's request without building one.
 */
class NodeRequestView {
  readonly method: string;
  readonly url: string;
  readonly headers: { get(name: string): string | null; has(name: string): boolean };

  constructor(request: IncomingMessage) {
    this.method = request.method ?? 'POST';
    this.url = `http://${request.headers.host ?? 'localhost'}${request.url ?? '/'}`;
    const raw = request.headers;
    this.headers = {
      get: (name) => {
        const value = raw[name.toLowerCase()];
        return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
      },
      has: (name) => raw[name.toLowerCase()] !== undefined,
    };
  }
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isAbsent = (value: unknown) => value === null || value === undefined;

/**
 * The GraphQL parameters of a plain JSON POST whose members have the types yoga's parameter
 * check wants (`checkGraphQLQueryParams`), or null: then yoga parses the request itself and
 * answers its refusal (a body that is not JSON, an unknown member, variables that are not an
 * object) as it always does.
 */
function jsonPostParams(request: IncomingMessage): GraphQLParams | null {
  if (request.method !== 'POST' || request.headers.origin !== undefined) return null;
  const contentType = request.headers['content-type']?.toLowerCase() ?? '';
  if (!/^application\/json\s*(;\s*charset=utf-8\s*)?$/.test(contentType)) return null;
  const body = (request as IncomingMessage & { body?: Buffer }).body;
  if (!body) return null;
  let params: unknown;
  try {
    params = JSON.parse(body.toString('utf8'));
  } catch {
    return null;
  }
  if (!isPlainObject(params)) return null;
  for (const [name, value] of Object.entries(params)) {
    if (!isAbsent(value) && !PARAM_NAMES.has(name)) return null;
  }
  if (typeof params.query !== 'string') return null;
  if (!isAbsent(params.variables) && !isPlainObject(params.variables)) return null;
  if (!isAbsent(params.operationName) && typeof params.operationName !== 'string') return null;
  if (!isAbsent(params.extensions) && !isPlainObject(params.extensions)) return null;
  return params as GraphQLParams;
}

/** What yoga's own `handle` calls between parsing the request and writing the response. */
interface YogaSteps {
  getResultForParams(
    payload: { params: GraphQLParams; request: unknown },
    context: GraphqlServerContext,
  ): Promise<ExecutionResult> | ExecutionResult;
  onResultProcessHooks: Array<(payload: Record<string, unknown>) => unknown>;
}

/**
 * Answers a plain JSON POST (no CORS origin, a JSON object body) through yoga's own GraphQL
 * steps, its parameter hooks, parsing, validation, context, execution with every plugin, its
 * result hooks and result processors, without the fetch API layer yoga's node adapter puts
 * around them: the fetch `Request` built from node's request, its headers and body stream, and
 * the server adapter's hooks. That layer was a quarter of the product's CPU per request on the
 * read path (the perf harness). What it would have added for such a request is nothing: CORS
 * acts only on requests with an Origin, and the body has been read already (within its limit,
 * http/request-body.ts). Anything else (GET, a batch, another content type, a body yoga would
 * refuse) returns false and goes the whole way through yoga.
 */
export async function answerJsonPost(
  yoga: YogaServerInstance<GraphqlServerContext, RequestContext>,
  request: IncomingMessage,
  response: ServerResponse,
  serverContext: GraphqlServerContext,
): Promise<boolean> {
  const params = jsonPostParams(request);
  if (!params) return false;
  const internals = yoga as unknown as YogaSteps;
  const view = new NodeRequestView(request);
  let result = await internals.getResultForParams({ params, request: view }, serverContext);
  // As yoga's processResult: each result hook may replace the result and choose its processor.
  let processor: ((result: ExecutionResult, fetchAPI: unknown, mediaType: string) => Response) | undefined;
  let mediaType = '*/*';
  const acceptableMediaTypes: string[] = [];
  for (const hook of internals.onResultProcessHooks) {
    await hook({
      request: view,
      acceptableMediaTypes,
      result,
      setResult(next: ExecutionResult) {
        result = next;
      },
      resultProcessor: processor,
      setResultProcessor(next: typeof processor, nextMediaType: string) {
        processor = next;
        mediaType = nextMediaType;
      },
      serverContext,
    });
  }
  const answer = processor
    ? await processor(result, yoga.fetchAPI, mediaType)
    : new yoga.fetchAPI.Response(null, {
        status: 406,
        headers: { accept: acceptableMediaTypes.join('; charset=utf-8, ') },
      });
  response.statusCode = answer.status;
  answer.headers.forEach((value, name) => {
    response.setHeader(name, value);
  });
  response.end(await answer.text());
  return true;
}
