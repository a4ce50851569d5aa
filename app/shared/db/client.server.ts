/**
 * Opens PostgreSQL in one of two ways: embedded PGlite in a data directory (the default, behind an
 * exclusive lock) or a PostgreSQL server when DATABASE_URL is set. Both give the same drizzle API,
 * the same migrations and the same queries.
 */
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type { ExtractTablesWithRelations, SQL } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { lockDataDirectory } from './lock.server.ts';
import * as schema from './schema.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** What repositories take: the database or a transaction. */
export type Executor = Db | Tx;

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  kind: DatabaseKind;
  db: Db;
  close(): Promise<void>;
}

export type DatabaseTarget =
  | { kind: 'pglite'; dataDir: string; lock?: boolean }
  | { kind: 'pglite-memory' }
  | { kind: 'postgres'; url: string; max?: number };

/** PGlite extensions must be passed on every open (STACK-NOTES trap 6). */
export const pgliteExtensions = { pg_trgm, unaccent };

/**
 * PGlite starts PostgreSQL with shared_buffers = 128MB inside the process; 16MB keeps the idle
 * server within its memory goal (bench/: about 460 -> 270 MB resident) and still holds a laptop's
 * data, the operating system's cache serving the rest. Passed as a start parameter so the data
 * directory's postgresql.conf is left as it is.
 */
const pgliteStartParams = [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'];

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: target.url, max: target.max ?? 10 });
    const db = drizzleNodePg(pool, { schema }) as unknown as Db;
    return { kind: 'postgres', db, close: () => pool.end() };
  }
  if (target.kind === 'pglite-memory') {
    const client = await PGlite.create({ extensions: pgliteExtensions });
    const db = drizzlePglite(client, { schema }) as unknown as Db;
    return { kind: 'pglite', db, close: () => client.close() };
  }
  const release =
    target.lock === false
      ? async () => {}
      : await lockDataDirectory(target.dataDir, (err) => {
          console.error(`Mosaic lost the lock on ${target.dataDir}: ${err.message}`);
          process.exit(70);
        });
  try {
    mkdirSync(target.dataDir, { recursive: true });
    const client = await PGlite.create({
      dataDir: `${target.dataDir}/pglite`,
      extensions: pgliteExtensions,
      startParams: pgliteStartParams,
    });
    const db = drizzlePglite(client, { schema }) as unknown as Db;
    return {
      kind: 'pglite',
      db,
      close: async () => {
        await client.close();
        await release();
      },
    };
  } catch (error) {
    await release();
    throw error;
  }
}

let current: Database | undefined;

/** The process-wide database, opened at boot by server/ or the CLI, or by a test's setup. */
export function getDatabase(): Database {
  if (!current) throw new Error('The database is not open: call setDatabase(await openDatabase(...)) first.');
  return current;
}

export function getDb(): Db {
  return getDatabase().db;
}

export function setDatabase(database: Database | undefined): void {
  current = database;
}

/** Raw SQL with typed rows; both drivers answer `{ rows }`. Prefer the query builder elsewhere. */
export async function queryRows<T>(executor: Executor, query: SQL): Promise<T[]> {
  const result = (await executor.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
