/**
 * The benchmark's own connection to the database under test: the same drizzle database the
 * application uses (installed as the process-wide one, so services run as in the server), with
 * a logger that records the SQL a service sends, and the raw client to send that SQL again
 * without the application around it (the "bare SQL" figures).
 */
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { type Database, type Db, pgliteExtensions } from '#app/shared/db/client.server.ts';
import { lockDataDirectory } from '#app/shared/db/lock.server.ts';
import * as schema from '#app/shared/db/schema.ts';

export interface CapturedQuery {
  sql: string;
  params: unknown[];
}

export type BenchTarget = { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string };

export interface BenchDatabase {
  database: Database;
  /** Records the statements sent while `run` runs, in order. */
  capture(run: () => Promise<unknown>): Promise<CapturedQuery[]>;
  /** Sends one statement through the driver's own client, bypassing drizzle. */
  raw(query: CapturedQuery): Promise<unknown[]>;
  /** Server version, for the report. */
  version(): Promise<string>;
}

export async function openBenchDatabase(target: BenchTarget): Promise<BenchDatabase> {
  let recording: CapturedQuery[] | undefined;
  const logger = { logQuery: (query: string, params: unknown[]) => recording?.push({ sql: query, params }) };
  const capture = async (run: () => Promise<unknown>) => {
    recording = [];
    try {
      await run();
      return recording;
    } finally {
      recording = undefined;
    }
  };

  if (target.kind === 'postgres') {
    // As many connections as the server's pool, so concurrent statements of a service run side by side.
    const pool = new pg.Pool({ connectionString: target.url, max: 10 });
    const db = drizzleNodePg(pool, { schema, logger }) as unknown as Db;
    const raw = async (query: CapturedQuery) => (await pool.query(query.sql, query.params)).rows;
    return {
      database: { kind: 'postgres', db, close: () => pool.end() },
      capture,
      raw,
      version: async () =>
        String(((await raw({ sql: 'show server_version', params: [] }))[0] as { server_version: string }).server_version),
    };
  }

  const release = await lockDataDirectory(target.dataDir, (error) => {
    console.error(`lost the lock on ${target.dataDir}: ${error.message}`);
    process.exit(70);
  });
  const client = await PGlite.create({ dataDir: `${target.dataDir}/pglite`, extensions: pgliteExtensions });
  const db = drizzlePglite(client, { schema, logger }) as unknown as Db;
  const raw = async (query: CapturedQuery) => (await client.query(query.sql, query.params)).rows;
  return {
    database: {
      kind: 'pglite',
      db,
      close: async () => {
        await client.close();
        await release();
      },
    },
    capture,
    raw,
    version: async () => String(((await raw({ sql: 'show server_version', params: [] }))[0] as { server_version: string }).server_version),
  };
}
