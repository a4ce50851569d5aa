/**
 * PGlite has no cross-process locking: two processes on one data directory silently lose writes.
 * Whoever opens the directory holds an exclusive lock (proper-lockfile, refreshed while we live,
 * considered stale only if its owner stopped refreshing it), and a second process is refused with
 * a message that names the lock and the directory.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import lockfile from 'proper-lockfile';

export class DataDirectoryLockedError extends Error {
  readonly dataDir: string;
  readonly lockPath: string;

  constructor(dataDir: string, lockPath: string) {
    super(
      `Mosaic cannot open the embedded database: the data directory ${dataDir} is locked by another Mosaic process (lock ${lockPath}). Stop that process, or set MOSAIC_DATA_DIR to another directory, or DATABASE_URL to use a PostgreSQL server.`,
    );
    this.name = 'DataDirectoryLockedError';
    this.dataDir = dataDir;
    this.lockPath = lockPath;
  }
}

export function lockPathFor(dataDir: string): string {
  return path.join(dataDir, 'mosaic.lock');
}

/** Takes the lock or throws DataDirectoryLockedError. Returns the release function. */
export async function lockDataDirectory(dataDir: string, onCompromised: (err: Error) => void): Promise<() => Promise<void>> {
  mkdirSync(dataDir, { recursive: true });
  const lockPath = lockPathFor(dataDir);
  try {
    return await lockfile.lock(dataDir, {
      lockfilePath: lockPath,
      realpath: false,
      // Refresh every 5 s; a lock not refreshed for 60 s belongs to a dead process.
      update: 5_000,
      stale: 60_000,
      retries: 0,
      onCompromised,
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') throw new DataDirectoryLockedError(dataDir, lockPath);
    throw error;
  }
}
