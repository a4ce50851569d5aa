/**
 * Test database isolation (docs/decisions/0004-test-database-isolation.md): every test file gets
 * its own database, already migrated.
 * - PGlite (default): an in-memory PGlite loaded from a migrated data-directory snapshot made once
 *   per run by the global setup.
 * - PostgreSQL (MOSAIC_TEST_DB=postgres with TEST_DATABASE_URL): a fresh database created from a
 *   migrated template database, dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { type Database, type Db, pgliteExtensions, setDatabase } from '#app/shared/db/client.server.ts';
import * as schema from '#app/shared/db/schema.ts';

export const TEMPLATE_DATABASE = 'mosaic_test_template';

export function testDatabaseKind(): 'pglite' | 'postgres' {
  return process.env.MOSAIC_TEST_DB === 'postgres' ? 'postgres' : 'pglite';
}

function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * `pool.end()` resolves before its sockets are closed, so the server may still count sessions on
 * a database just closed: wait for them to go before it is used as a template or dropped.
 */
export async function waitForNoSessions(admin: pg.Client, database: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const { rows } = await admin.query<{ sessions: number }>('SELECT count(*)::int AS sessions FROM pg_stat_activity WHERE datname = $1', [
      database,
    ]);
    if (rows[0]?.sessions === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Termination of our own sessions by DROP DATABASE ... WITH (FORCE) (SQLSTATE 57P01) is expected. */
function ignoreAdminShutdown(error: Error & { code?: string }): void {
  if (error.code !== '57P01') console.error('test database pool error:', error);
}

export async function createTestDatabase(): Promise<Database> {
  if (testDatabaseKind() === 'postgres') {
    const adminUrl = process.env.TEST_DATABASE_URL;
    if (!adminUrl) throw new Error('MOSAIC_TEST_DB=postgres needs TEST_DATABASE_URL');
    const name = `mosaic_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`);
    await admin.end();
    const pool = new pg.Pool({ connectionString: withDatabaseName(adminUrl, name), max: 5 });
    return {
      kind: 'postgres',
      db: drizzleNodePg(pool, { schema }) as unknown as Db,
      close: async () => {
        pool.on('error', ignoreAdminShutdown);
        await pool.end();
        const cleanup = new pg.Client({ connectionString: adminUrl });
        await cleanup.connect();
        try {
          await waitForNoSessions(cleanup, name);
          await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        } finally {
          await cleanup.end();
        }
      },
    };
  }
  const snapshot = process.env.MOSAIC_TEST_PGLITE_SNAPSHOT;
  if (!snapshot) throw new Error('MOSAIC_TEST_PGLITE_SNAPSHOT is not set: run tests through vitest (tests/support/global-setup.ts)');
  const client = await PGlite.create({
    extensions: pgliteExtensions,
    loadDataDir: new Blob([readFileSync(snapshot)]),
  });
  return { kind: 'pglite', db: drizzlePglite(client, { schema }) as unknown as Db, close: () => client.close() };
}

/**
 * In a test file: `const database = useTestDatabase();` then `database().db` inside tests.
 * The database is also installed as the process-wide one, so services find it.
 */
export function useTestDatabase(): () => Database {
  let database: Database | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
    setDatabase(database);
  }, 60_000);
  afterAll(async () => {
    setDatabase(undefined);
    await database?.close();
  });
  return () => {
    if (!database) throw new Error('useTestDatabase: the database is not ready (use it inside tests or hooks)');
    return database;
  };
}
