/** Where the tests' databases come from: a PostgreSQL server when TEST_DATABASE_URL is set. */
export const testServerUrl = process.env.TEST_DATABASE_URL || undefined;

/**
 * A Citus cluster: TEST_DATABASE_URL is its coordinator and these are its workers, as the
 * coordinator reaches them (comma-separated URLs of a superuser). Citus 13.0 does not create a
 * database on the workers when the coordinator creates one, so every test database is created on
 * every node here. Empty on a plain server.
 */
export const testCitusWorkerUrls = (process.env.TEST_CITUS_WORKER_URLS ?? '')
  .split(',')
  .map((url) => url.trim())
  .filter((url) => url.length > 0);

/** Every node a test database lives on: the server, and on Citus each worker as well. */
export const testServerNodes = testServerUrl ? [testServerUrl, ...testCitusWorkerUrls] : [];

/** Whether the tests run on a Citus cluster (a coordinator and its workers). */
export const onCitus = testServerUrl !== undefined && testCitusWorkerUrls.length > 0;

/**
 * Every database of one test run shares this prefix plus the run's id, so two runs on one server
 * (two developers, or CI beside a session) never drop each other's databases.
 */
export const TEST_DATABASE_PREFIX = 'ssp_test_';

/** The migrated, seeded database every test file of a run copies. */
export function templateDatabase(runId: string): string {
  return `${TEST_DATABASE_PREFIX}${runId}_template`;
}

/** A test file's own copy. */
export function fileDatabase(runId: string, fileId: string): string {
  return `${TEST_DATABASE_PREFIX}${runId}_file_${fileId}`;
}

/** The same server URL pointed at another database. */
export function urlForDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
