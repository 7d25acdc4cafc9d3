import type { ServerResponse } from 'node:http';
import { GRAPHIQL_EXAMPLES, tokenCommand } from './graphiql-examples.ts';

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

/**
 * `GET /`: what this service is and where to go next, for someone who opened the address the
 * start banner printed. Self-contained (no fonts, scripts or styles from elsewhere), so it reads
 * the same on a network that blocks the internet.
 */
export function landingPageHtml(options: { graphiql: boolean }): string {
  const graphiql = options.graphiql
    ? '<li><a href="/graphql">GraphiQL</a>: the API in the browser, opening on a worked example per user (partner, tenant admin, finance).</li>'
    : '<li>GraphiQL is off in this mode (it is served only where <code>NODE_ENV=development</code>); send operations to <code>POST /graphql</code>.</li>';
  const tokens = GRAPHIQL_EXAMPLES.map(
    (example) => `<li>${escapeHtml(example.audience)}:<br><code>${escapeHtml(tokenCommand(example))}</code></li>`,
  ).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Shared services platform API</title>
<style>
body { font: 16px/1.5 system-ui, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; color: #1b1b1b; }
code { background: #f3f3f3; padding: 0 0.2em; border-radius: 3px; }
h1 { font-size: 1.6rem; }
</style>
</head>
<body>
<h1>Shared services platform API</h1>
<p>One GraphQL API that a shared-services partnership runs for the public bodies it serves
(councils, schools and academies, police forces, NHS trusts): the service catalogue, service
requests and their SLAs, performance against the contract, affordability charges and the
savings that pay for their reductions.</p>
<h2>Where to go</h2>
<ul>
${graphiql}
<li><a href="/docs/partner-guide.md">Partner developer guide</a>: client credentials, tokens, raising a request, following its SLA, the performance report.</li>
<li><a href="/schema.graphql">schema.graphql</a>: the schema, every type and field described (send your token, as for introspection).</li>
<li><a href="/.well-known/jwks.json">JWKS</a>: the public keys that sign this service's tokens.</li>
<li><a href="/healthz">/healthz</a> and <a href="/readyz">/readyz</a>: for operators.</li>
</ul>
<h2>Sending a token</h2>
<p>Every operation needs <code>Authorization: Bearer &lt;token&gt;</code>. A partner machine client
exchanges its client credentials at <code>POST /oauth/token</code>. In development, mint one for a
seeded organisation and role (<code>pnpm cli orgs</code> and <code>pnpm cli roles</code> list them):</p>
<ul>
${tokens}
</ul>
</body>
</html>
`;
}

export function sendLandingPage(response: ServerResponse, options: { graphiql: boolean }): void {
  sendText(response, 200, 'text/html; charset=utf-8', landingPageHtml(options));
}

/** Sends a text body with its length; nothing here is per-user, but nothing is cached either. */
export function sendText(
  response: ServerResponse,
  status: number,
  contentType: string,
  text: string,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, {
    'content-type': contentType,
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  response.end(text);
}
