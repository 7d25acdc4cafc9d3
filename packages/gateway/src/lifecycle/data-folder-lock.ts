import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import lockfile from 'proper-lockfile';
import { StartupError } from './startup-error.ts';

/** A lock a killed server left behind is taken over after this long. */
const STALE_MS = 10_000;

/**
 * One server per data folder: two PGlite processes on one folder corrupt it. The lock is a
 * directory beside the folder (`<folder>.lock`, made atomically by proper-lockfile) whose time
 * the holder refreshes; a second server fails at once with a clear message, before it migrates
 * or seeds anything. `onLost` runs if the lock is taken from under us (the folder is then no
 * longer ours to write).
 */
export async function lockDataFolder(folder: string, onLost: (error: Error) => void): Promise<() => Promise<void>> {
  const path = resolve(folder);
  mkdirSync(path, { recursive: true });
  try {
    return await lockfile.lock(path, {
      stale: STALE_MS,
      update: STALE_MS / 2,
      retries: 0,
      realpath: false,
      onCompromised: onLost,
    });
  } catch (error) {
    if ((error as { code?: string }).code === 'ELOCKED') {
      throw new StartupError(
        `Another server is using the data folder ${path} (lock ${path}.lock): stop it first, or set PGLITE_DATA_DIR to another folder (a lock left by a killed server expires after ${STALE_MS / 1000} s)`,
        { cause: error },
      );
    }
    throw error;
  }
}
