import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { Operation, TestApp } from '../../support/test-app.ts';

// Helpers for the billing acceptance tests: idempotency keys, global ids, and reading a
// mutation's payload or a query's error (the operations are in
// tests/support/queries/billing-operation-queries.ts).

/** A fresh idempotency key (8-200 characters). */
export const newKey = (prefix = 'billing') => `${prefix}-${randomUUID()}`;

/** Sends an operation whose one root field answers with a payload union; fails on GraphQL errors. */
// biome-ignore lint/suspicious/noExplicitAny: test payloads are read loosely and asserted on
export async function payloadOf(api: TestApp, operation: Operation, token: string): Promise<any> {
  const response = await api.graphql(operation, token);
  if (response.body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(response.body.errors)}`);
  return Object.values(response.body.data ?? {})[0];
}

/** The one top-level error of a query that failed (a query raises its failure: docs/errors.md). */
export async function queryErrorOf(
  api: TestApp,
  operation: Operation,
  token: string,
): Promise<{ message: string; extensions?: Record<string, unknown> }> {
  const response = await api.graphql(operation, token);
  if (!response.body.errors?.length) throw new Error(`No error: ${JSON.stringify(response.body.data)}`);
  expect(response.body.data).toBeNull();
  return response.body.errors[0]!;
}

/** The global id of a node of a type, from its database id. */
export const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');

/** The database id inside a global id. */
export const databaseId = (global: string) => Buffer.from(global, 'base64').toString().split(':')[1]!;
