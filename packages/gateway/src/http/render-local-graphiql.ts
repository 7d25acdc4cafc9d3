import type { GraphiQLOptions } from 'graphql-yoga';

/**
 * GraphiQL's page with its code, styles and editor workers inlined from
 * `@graphql-yoga/render-graphiql` (yoga's own page loads them from a CDN, and stays on
 * "Loading..." where the internet is blocked). Imported on first use: the bundle is 9 MB, which a
 * server without GraphiQL never needs in memory.
 */
export async function renderLocalGraphiQL(options: GraphiQLOptions): Promise<string> {
  const { renderGraphiQL } = await import('@graphql-yoga/render-graphiql');
  return renderGraphiQL(options);
}
