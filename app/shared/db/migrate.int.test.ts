import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { testDatabaseKind, waitForNoSessions } from '#tests/support/database.ts';
import { openDatabase, queryRows } from './client.server.ts';
import { migrateDatabase, migrationsFolder } from './migrate.server.ts';

const onServer = testDatabaseKind() === 'postgres';

describe('migrations on a PostgreSQL server', () => {
  it.skipIf(!onServer)('apply once when several processes start together (skipped on PGlite: one process owns it)', async () => {
    const adminUrl = process.env.TEST_DATABASE_URL as string;
    const name = `mosaic_migrate_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const databases = await Promise.all([1, 2, 3].map(() => openDatabase({ kind: 'postgres', url: url.toString(), max: 2 })));
    try {
      await Promise.all(databases.map((database) => migrateDatabase(database)));
      const applied = await queryRows<{ count: number }>(
        databases[0]!.db,
        sql`select count(*)::int as count from drizzle.__drizzle_migrations`,
      );
      const files = readdirSync(migrationsFolder).filter((f) => f.endsWith('.sql'));
      expect(applied[0]?.count).toBe(files.length);
    } finally {
      await Promise.all(databases.map((database) => database.close()));
      // pool.end() returns before its sessions are gone: dropping with FORCE would kill them mid-close.
      await waitForNoSessions(admin, name);
      await admin.query(`DROP DATABASE IF EXISTS ${name}`);
      await admin.end();
    }
  });
});
