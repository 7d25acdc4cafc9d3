import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBodyBytes, sendGraphqlRefusal } from './http-responses.ts';
import { noteReason } from './request-outcome.ts';

/**
 * Reads a GraphQL request's body before anything else looks at the request (the token is
 * verified after this): a declared Content-Length over the limit is refused without reading a
 * byte, and a streamed (chunked) body is refused as soon as it passes the limit, so at most
 * `limit` bytes are ever held per request. The bytes are handed to the GraphQL server as the
 * request's `body`, which it reads instead of the stream. Returns false when it answered.
 */
export async function takeLimitedBody(
  request: IncomingMessage,
  response: ServerResponse,
  limit: number,
): Promise<boolean> {
  if (request.method === 'GET' || request.method === 'HEAD') return true;
  const tooLarge = () => {
    noteReason(`body over ${limit} bytes`);
    sendGraphqlRefusal(response, 413, 'PAYLOAD_TOO_LARGE', `The request body is larger than ${limit} bytes`, {
      connection: 'close',
    });
    return false;
  };
  const encoding = request.headers['content-encoding'];
  if (encoding !== undefined && encoding.toLowerCase() !== 'identity') {
    // A compressed body's size says nothing about what it expands to.
    noteReason(`content-encoding ${encoding}`);
    sendGraphqlRefusal(response, 415, 'UNSUPPORTED_MEDIA_TYPE', 'Compressed request bodies are not accepted', {
      connection: 'close',
    });
    return false;
  }
  const declared = request.headers['content-length'];
  if (declared !== undefined && Number(declared) > limit) return tooLarge();
  const bytes = await readBodyBytes(request, limit);
  if (bytes === null) return tooLarge();
  // @whatwg-node/server (under graphql-yoga) uses a non-empty `body` instead of the stream.
  if (bytes.length > 0) (request as IncomingMessage & { body?: Buffer }).body = bytes;
  return true;
}
