import type { IncomingMessage, ServerResponse } from 'node:http';
import { AuthenticationError, type TokenVerifier } from '@ssp/core';
import { printSchema } from 'graphql';
import { bearerPrincipal } from '../auth/bearer-principal.ts';
import { platformSchema } from '../graphql/platform-schema.ts';
import { sendText } from './landing-page.ts';

let printed: string | undefined;

/**
 * `GET /schema.graphql`: the printed schema (the same text as the checked-in `schema.graphql`).
 * It tells as much as introspection, so it asks for what introspection asks for: a valid token.
 */
export async function handleSchemaRequest(
  request: IncomingMessage,
  response: ServerResponse,
  verifier: TokenVerifier,
): Promise<void> {
  let principal: Awaited<ReturnType<typeof bearerPrincipal>>;
  try {
    principal = await bearerPrincipal(verifier, request.headers.authorization);
  } catch (error) {
    if (!(error instanceof AuthenticationError)) throw error;
    principal = null;
  }
  if (!principal) {
    return sendText(
      response,
      401,
      'text/plain; charset=utf-8',
      'The schema needs a token, as introspection does: send "Authorization: Bearer <token>"\n' +
        '(in development: pnpm cli token --organisation <slug> --role requester; see /docs/partner-guide.md).\n',
      { 'www-authenticate': 'Bearer' },
    );
  }
  printed ??= `${printSchema(platformSchema())}\n`;
  return sendText(response, 200, 'text/plain; charset=utf-8', printed);
}
