import { afterAll, beforeAll, describe, it } from 'vitest';
import { runCallerMatrix } from '../support/caller-matrix/caller-matrix.ts';
import { SHARED_SUPPORT_MATRIX, SHARED_SUPPORT_SUBJECTS } from '../support/caller-matrix/shared-support-matrix.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let api: TestApp;
beforeAll(async () => {
  api = await startTestApp();
});
afterAll(() => api?.close());

describe('the shared-support operations, sent by every kind of caller', () => {
  it(
    'answer each caller as the matrix says',
    () => runCallerMatrix(api, SHARED_SUPPORT_SUBJECTS, SHARED_SUPPORT_MATRIX, { auditsEveryWrite: true }),
    120_000,
  );
});
