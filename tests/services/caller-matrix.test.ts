import { afterAll, beforeAll, describe, it } from 'vitest';
import { runCallerMatrix } from '../support/caller-matrix/caller-matrix.ts';
import { SERVICES_MATRIX, SERVICES_SUBJECTS } from '../support/caller-matrix/services-matrix.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let api: TestApp;
beforeAll(async () => {
  api = await startTestApp();
});
afterAll(() => api?.close());

describe('the services operations, sent by every kind of caller', () => {
  it(
    'answer each caller as the matrix says',
    () => runCallerMatrix(api, SERVICES_SUBJECTS, SERVICES_MATRIX, { auditsEveryWrite: true }),
    120_000,
  );
});
