import { afterAll, beforeAll, describe, it } from 'vitest';
import { runCallerMatrix } from '../support/caller-matrix/caller-matrix.ts';
import { TENANTS_MATRIX, TENANTS_SUBJECTS } from '../support/caller-matrix/tenants-matrix.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let api: TestApp;
beforeAll(async () => {
  api = await startTestApp();
});
afterAll(() => api?.close());

describe('the tenants operations, sent by every kind of caller', () => {
  it(
    'answer each caller as the matrix says',
    () => runCallerMatrix(api, TENANTS_SUBJECTS, TENANTS_MATRIX, { auditsEveryWrite: true }),
    120_000,
  );
});
