import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileEmbeddedEngine, EmbeddedDatabase } from '@ssp/core';
import { platformSchema } from '@ssp/schema';

// PGlite test databases are data folders: the global setup migrates and seeds one, and each test
// file copies the folder and starts PGlite on its copy. Starting on a folder reads only the pages
// a file touches, where loading a dump unpacked all 58 MB into PGlite's in-memory file system
// first (that unpacking was most of a file's set-up).

/**
 * Where the folders go: a RAM-backed file system where the machine has one (a copy is then a
 * memory copy, not 58 MB written through a disk's journal), else the system's temporary folder.
 */
function embeddedFoldersBase(): string {
  return existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
}

/** A new empty folder for one run's databases. */
export function makeRunFolder(): string {
  return mkdtempSync(join(embeddedFoldersBase(), 'ssp-test-'));
}

/**
 * PostgreSQL zeroes its shared buffers at every start: PGlite's default 128 MB cost more CPU than
 * anything else in opening a copy. 32 MB still holds the whole seeded database.
 */
const TEST_SETTINGS = { shared_buffers: '32MB' };

let engine: Promise<WebAssembly.Module> | undefined;

/**
 * Opens PGlite on a data folder, with the engine compiled once per test worker (test files in a
 * worker share its modules, vitest.config.ts): the code PGlite's engine had optimised in one file
 * then stays optimised for the next.
 */
export async function openEmbeddedFolder(dataDir: string): Promise<EmbeddedDatabase> {
  engine ??= compileEmbeddedEngine();
  return EmbeddedDatabase.open({ schema: platformSchema, dataDir, engine: await engine, settings: TEST_SETTINGS });
}
