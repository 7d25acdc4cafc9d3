import { afterAll, beforeAll, describe, it } from 'vitest';
import { BILLING_MATRIX, BILLING_SUBJECTS } from '../support/caller-matrix/billing-matrix.ts';
import { runCallerMatrix } from '../support/caller-matrix/caller-matrix.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let api: TestApp;
beforeAll(async () => {
  api = await startTestApp();
});
afterAll(() => api?.close());

describe('the billing operations, sent by every kind of caller', () => {
  it(
    'answer each caller as the matrix says',
    () => runCallerMatrix(api, BILLING_SUBJECTS, BILLING_MATRIX, { auditsEveryWrite: true }),
    120_000,
  );
});
