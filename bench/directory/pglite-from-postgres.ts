/**
 * Makes a PGlite data directory holding the same directory as a PostgreSQL server, for the PGlite
 * figures: on a shared two-core machine `seed --synthetic 100000` on PGlite (single-threaded
 * WebAssembly, every row indexed by the search triggers) takes hours, while copying the rows the
 * server already holds, search documents included, takes a minute. The copy goes table by table
 * with `psql \copy` out and PGlite's `COPY ... FROM '/dev/blob'` in, triggers off (the search
 * documents are copied, not recomputed), into a freshly migrated data directory.
 * Usage: npx node bench/directory/pglite-from-postgres.ts --url postgres://... --data-dir DIR
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { openDatabase, pgliteExtensions, queryRows } from '#app/shared/db/client.server.ts';
import { lockDataDirectory } from '#app/shared/db/lock.server.ts';
import { prepareDatabase } from '#server/boot.ts';

const { values: args } = parseArgs({ options: { url: { type: 'string' }, 'data-dir': { type: 'string' } } });
if (!args.url || !args['data-dir']) throw new Error('usage: --url postgres://... --data-dir DIR');
const url = args.url;
const dataDir = path.resolve(args['data-dir']);

/**
 * Parents before children; the tables kept by triggers last: the copy runs with triggers off, so
 * the facet counts and the search index are copied as the server holds them.
 */
const TABLES = [
  'organisation',
  'cluster',
  'cluster_fact',
  'cluster_membership',
  'person',
  'organisation_facet_count',
  'search_document',
  'search_word',
];
const PSQL = '/usr/lib/postgresql/15/bin/psql';

function psql(command: string): string {
  return execFileSync(PSQL, [url, '-X', '-q', '-A', '-t', '-c', command], { encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 }).trim();
}

async function main() {
  // A migrated data directory with the reference data, through the application's own start-up steps.
  const database = await openDatabase({ kind: 'pglite', dataDir });
  await prepareDatabase(database);
  const [existing] = await queryRows<{ count: number }>(database.db, sql`SELECT count(*)::int AS count FROM organisation`);
  await database.close();
  if ((existing?.count ?? 0) > 0) throw new Error(`${dataDir} already holds ${existing?.count} organisations: give an empty directory`);

  const release = await lockDataDirectory(dataDir, (error) => {
    console.error(`lost the lock on ${dataDir}: ${error.message}`);
    process.exit(70);
  });
  const client = await PGlite.create({ dataDir: `${dataDir}/pglite`, extensions: pgliteExtensions });
  const work = mkdtempSync(path.join(tmpdir(), 'mosaic-pglite-copy-'));
  try {
    await client.exec(`SET session_replication_role = replica; TRUNCATE ${TABLES.join(', ')} CASCADE;`);
    for (const table of TABLES) {
      const started = performance.now();
      const columns = psql(
        `SELECT string_agg(quote_ident(column_name), ',' ORDER BY ordinal_position) FROM information_schema.columns WHERE table_schema = 'public' AND table_name = '${table}'`,
      );
      const file = path.join(work, `${table}.csv`);
      psql(`\\copy (SELECT ${columns} FROM ${table}) TO '${file}' WITH (FORMAT csv)`);
      await client.query(`COPY ${table} (${columns}) FROM '/dev/blob' WITH (FORMAT csv)`, [], { blob: new Blob([readFileSync(file)]) });
      const count = (await client.query<{ count: number }>(`SELECT count(*)::int AS count FROM ${table}`)).rows[0]?.count;
      console.log(`${table}: ${count} rows in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
    await client.exec('SET session_replication_role = origin; ANALYZE;');
  } finally {
    await client.close();
    await release();
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
