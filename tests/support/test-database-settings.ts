/** Where the tests' databases come from: a PostgreSQL server when TEST_DATABASE_URL is set. */
export const testServerUrl = process.env.TEST_DATABASE_URL || undefined;

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
