/**
 * Runs once per vitest run: prepares the migrated database every test file starts from.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { type Db, openDatabase, pgliteExtensions } from '#app/shared/db/client.server.ts';
import { migrateDatabase } from '#app/shared/db/migrate.server.ts';
import * as schema from '#app/shared/db/schema.ts';
import { TEMPLATE_DATABASE, testDatabaseKind, waitForNoSessions } from './database.ts';

export default async function globalSetup() {
  if (testDatabaseKind() === 'postgres') {
    const adminUrl = process.env.TEST_DATABASE_URL;
    if (!adminUrl) throw new Error('MOSAIC_TEST_DB=postgres needs TEST_DATABASE_URL');
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
      const url = new URL(adminUrl);
      url.pathname = `/${TEMPLATE_DATABASE}`;
      const database = await openDatabase({ kind: 'postgres', url: url.toString(), max: 2 });
      await migrateDatabase(database);
      await database.close();
      // CREATE DATABASE ... TEMPLATE fails while the template still has a session.
      await waitForNoSessions(admin, TEMPLATE_DATABASE);
    } finally {
      await admin.end();
    }
    return;
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'mosaic-test-'));
  const client = await PGlite.create({ extensions: pgliteExtensions });
  await migrateDatabase({ kind: 'pglite', db: drizzlePglite(client, { schema }) as unknown as Db, close: async () => {} });
  const dump = await client.dumpDataDir('none');
  await client.close();
  const file = path.join(dir, 'snapshot.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  process.env.MOSAIC_TEST_PGLITE_SNAPSHOT = file;
  return () => rmSync(dir, { recursive: true, force: true });
}
