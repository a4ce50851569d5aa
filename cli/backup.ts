/**
 * Backup and restore of the embedded database: a gzipped tarball of PGlite's data directory
 * (`dumpDataDir` / `loadDataDir`). Both hold the data directory's lock, so they refuse to run
 * while a server uses it (stop the server, back up, start it again). A PostgreSQL server is backed up with its own tools (pg_dump).
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import type { Config } from '#app/shared/config.server.ts';
import { type Db, pgliteExtensions } from '#app/shared/db/client.server.ts';
import { lockDataDirectory } from '#app/shared/db/lock.server.ts';
import { migrateDatabase } from '#app/shared/db/migrate.server.ts';
import * as schema from '#app/shared/db/schema.ts';
import { withDatabase } from './database.ts';
import { CliError } from './errors.ts';

const SERVER_ADVICE =
  'DATABASE_URL points to a PostgreSQL server: back it up and restore it with PostgreSQL tools, e.g. `pg_dump --format=custom --file=mosaic.dump "$DATABASE_URL"` and `pg_restore --clean --dbname="$DATABASE_URL" mosaic.dump`.';

function embeddedDataDir(config: Config): string {
  if (config.database.kind !== 'pglite') throw new CliError(SERVER_ADVICE);
  return config.database.dataDir;
}

function pgliteDirectory(dataDir: string): string {
  return path.join(dataDir, 'pglite');
}

/** Restore cannot go through openDatabase (it loads the tarball on open), so it takes the same lock itself. */
async function withLock<T>(dataDir: string, run: () => Promise<T>): Promise<T> {
  const release = await lockDataDirectory(dataDir, (error) => {
    console.error(`mosaic: lost the lock on ${dataDir}: ${error.message}`);
    process.exit(70);
  });
  try {
    return await run();
  } finally {
    await release();
  }
}

export async function backupDatabase(config: Config, outFile: string): Promise<{ file: string; bytes: number }> {
  const dataDir = embeddedDataDir(config);
  if (!existsSync(pgliteDirectory(dataDir))) throw new CliError(`there is no embedded database in ${dataDir} yet (nothing to back up)`);
  const file = path.resolve(outFile);
  return withDatabase(async (database) => {
    const client = (database.db as unknown as { $client: PGlite }).$client;
    const dump = await client.dumpDataDir('gzip');
    const bytes = Buffer.from(await dump.arrayBuffer());
    mkdirSync(path.dirname(file), { recursive: true });
    // Written next to the target then renamed: a failed backup never leaves a truncated file.
    const partial = `${file}.partial`;
    writeFileSync(partial, bytes);
    renameSync(partial, file);
    return { file, bytes: bytes.length };
  });
}

export interface RestoreResult {
  /** Where the database that was replaced now lives (kept, never deleted), if there was one. */
  previous: string | undefined;
}

/**
 * Replaces the embedded database with a backup, then applies any migration the backup predates.
 * The replaced database is moved aside, not deleted; if the backup cannot be loaded it is put back.
 */
export async function restoreDatabase(config: Config, inFile: string, now: Date = new Date()): Promise<RestoreResult> {
  const dataDir = embeddedDataDir(config);
  const file = path.resolve(inFile);
  if (!existsSync(file)) throw new CliError(`backup file not found: ${file}`);
  return withLock(dataDir, async () => {
    const target = pgliteDirectory(dataDir);
    const previous = existsSync(target) ? `${target}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}` : undefined;
    if (previous) renameSync(target, previous);
    try {
      const client = await PGlite.create({
        dataDir: target,
        extensions: pgliteExtensions,
        loadDataDir: new Blob([readFileSync(file)]),
      });
      try {
        await migrateDatabase({ kind: 'pglite', db: drizzle(client, { schema }) as unknown as Db, close: async () => {} });
      } finally {
        await client.close();
      }
    } catch (error) {
      rmSync(target, { recursive: true, force: true });
      if (previous) renameSync(previous, target);
      throw new CliError(`could not restore ${file}: ${(error as Error).message}. The database was left as it was.`);
    }
    return { previous };
  });
}
