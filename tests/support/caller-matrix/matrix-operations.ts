import { organisationGlobalId } from '../queries/organisation-queries.ts';
import type { Operation } from '../test-app.ts';
import { CALLER_KINDS, type CallerKind, type MatrixContext, type Outcome } from './caller-matrix.ts';

// Building blocks the domains' matrix tables share: outcome rows written compactly, and the
// set-up calls that make a fresh row for one caller to act on.

/**
 * An outcome row: `allowed` callers get `ok`, every other member role `refused` (ROLE_REQUIRED
 * unless said), and the callers outside the subject what `others` says.
 */
export function outcomes(
  allowed: CallerKind[],
  others: Partial<Record<CallerKind, Outcome>> & { refused?: Outcome } = {},
): Record<CallerKind, Outcome> {
  const { refused = 'ROLE_REQUIRED', ...rest } = others;
  const row = {} as Record<CallerKind, Outcome>;
  for (const kind of CALLER_KINDS) {
    row[kind] = rest[kind] ?? (kind === 'anonymous' ? 'UNAUTHENTICATED' : allowed.includes(kind) ? 'ok' : refused);
  }
  return row;
}

/** The global id of the subject (or another seeded organisation). */
export function organisationIdOf(context: MatrixContext, slug = context.subjects.subject): string {
  return organisationGlobalId(context.api.organisationId(slug));
}

/** Sends `operation` as `token` and returns the root field's answer; throws on any error. */
export async function setUp<Data = Record<string, unknown>>(
  context: MatrixContext,
  operation: Operation,
  token: string,
): Promise<Data> {
  const response = await context.api.graphql<Record<string, unknown>>(operation, token);
  if (response.body.errors) throw new Error(`set-up failed: ${JSON.stringify(response.body.errors)}`);
  const value = Object.values(response.body.data ?? {})[0] as { __typename?: string } | undefined;
  if (value?.__typename?.endsWith('Error')) throw new Error(`set-up failed: ${JSON.stringify(value)}`);
  return value as Data;
}

/** A key, name or email part unique to one call. */
export function keyOf(prefix: string, unique: string): string {
  return `${prefix}-${unique}`;
}
