/**
 * Start-up as an operator sees it: the built server started as real processes on a throwaway
 * data directory (the build is refreshed first, as `npm start` does).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, queryRows } from '#app/shared/db/client.server.ts';
import { ensureBuilt, freePort, type RunningServer, runNode, startServer } from './process-harness.ts';
import { EXIT_CONFIG, EXIT_DATABASE_UNAVAILABLE, EXIT_LOCKED } from './startup-errors.ts';

const dataDirs: string[] = [];
function freshDataDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'mosaic-boot-'));
  dataDirs.push(dir);
  return dir;
}

beforeAll(() => ensureBuilt(), 180_000);
afterAll(() => {
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
});

describe('one server per embedded data directory', () => {
  let first: RunningServer;
  let dataDir: string;

  /** A write through the first server: a sign-up (it creates a user and queues a mail). */
  async function signUp(server: RunningServer, email: string): Promise<void> {
    const response = await fetch(`${server.url}/api/auth/sign-up/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ email, password: 'a-long-enough-password', name: email.split('@')[0] }),
    });
    expect(response.status, await response.text()).toBe(200);
  }

  beforeAll(async () => {
    dataDir = freshDataDir();
    first = await startServer({ MOSAIC_DATA_DIR: dataDir });
  }, 180_000);
  afterAll(async () => {
    await first?.stop();
  });

  it('serves the health check on PGlite', async () => {
    const response = await fetch(`${first.url}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: 'pglite', version: expect.any(String) });
  });

  it('prints the demo logins on the first start of an empty embedded database', () => {
    expect(first.output().stdout).toContain('DEMO ACCOUNTS - demonstration data');
    expect(first.output().stdout).toMatch(/member\s+member@demo\.mosaic\.localhost\s+password: \S+/);
  });

  it('refuses a second server on the same directory, naming the lock and the directory, while the first keeps serving', async () => {
    await signUp(first, 'before@example.org');
    const second = await runNode(['server.js'], { MOSAIC_DATA_DIR: dataDir, PORT: String(await freePort()) });
    expect(second.code).toBe(EXIT_LOCKED);
    expect(second.stderr).toContain(`lock ${path.join(dataDir, 'mosaic.lock')}`);
    expect(second.stderr).toContain(`data directory ${dataDir} is locked by another Mosaic process`);
    expect(second.stderr).not.toMatch(/\n\s+at /);

    const health = await fetch(`${first.url}/api/health`);
    expect(await health.json()).toMatchObject({ status: 'ok', database: 'pglite' });
    expect((await fetch(`${first.url}/en/`)).status).toBe(200);
    await signUp(first, 'after@example.org');
  }, 180_000);

  it('stops cleanly on SIGTERM having lost nothing, and the next start neither locks nor re-creates demo accounts', async () => {
    expect(await first.stop()).toBe(0);
    const database = await openDatabase({ kind: 'pglite', dataDir });
    try {
      const rows = await queryRows<{ email: string }>(
        database.db,
        sql`select email from "user" where email like '%@example.org' order by email`,
      );
      expect(rows.map((row) => row.email)).toEqual(['after@example.org', 'before@example.org']);
    } finally {
      await database.close();
    }
    const next = await startServer({ MOSAIC_DATA_DIR: dataDir });
    try {
      expect((await fetch(`${next.url}/api/health`)).status).toBe(200);
      expect(next.output().stdout).not.toContain('DEMO ACCOUNTS');
    } finally {
      expect(await next.stop()).toBe(0);
    }
  }, 180_000);
});

describe('demo accounts in production', () => {
  it('are not created on a first start with NODE_ENV=production', async () => {
    const server = await startServer({
      MOSAIC_DATA_DIR: freshDataDir(),
      NODE_ENV: 'production',
      AUTH_SECRET: randomBytes(32).toString('hex'),
    });
    try {
      expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
      expect(server.output().stdout).not.toContain('DEMO ACCOUNTS');
    } finally {
      expect(await server.stop()).toBe(0);
    }
  }, 180_000);
});

describe('configuration checked at start', () => {
  it('stops on PORT=abc with a message naming PORT', async () => {
    const result = await runNode(['server.js'], { MOSAIC_DATA_DIR: freshDataDir(), PORT: 'abc' });
    expect(result.code).toBe(EXIT_CONFIG);
    expect(result.stderr).toMatch(/^Invalid configuration:\n {2}PORT: /);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('stops with a clear message when the PostgreSQL server cannot be reached', async () => {
    const result = await runNode(['server.js'], {
      MOSAIC_DATA_DIR: freshDataDir(),
      DATABASE_URL: `postgres://mosaic@127.0.0.1:${await freePort()}/mosaic`,
    });
    expect(result.code).toBe(EXIT_DATABASE_UNAVAILABLE);
    expect(result.stderr).toMatch(/^Mosaic cannot use the PostgreSQL server given by DATABASE_URL: connect ECONNREFUSED/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('stops on a malformed DATABASE_URL naming it, before touching any data', async () => {
    const result = await runNode(['server.js'], { MOSAIC_DATA_DIR: freshDataDir(), DATABASE_URL: 'mysql://somewhere/db' });
    expect(result.code).toBe(EXIT_CONFIG);
    expect(result.stderr).toContain('DATABASE_URL');
  });
});

const adminUrl = process.env.TEST_DATABASE_URL;

describe('on a PostgreSQL server', () => {
  it.skipIf(!adminUrl)(
    'reports postgres in the health check (skipped without TEST_DATABASE_URL)',
    async () => {
      const name = `mosaic_boot_${randomBytes(4).toString('hex')}`;
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      const url = new URL(adminUrl as string);
      url.pathname = `/${name}`;
      try {
        const server = await startServer({ MOSAIC_DATA_DIR: freshDataDir(), DATABASE_URL: url.toString() });
        try {
          expect(await (await fetch(`${server.url}/api/health`)).json()).toMatchObject({ status: 'ok', database: 'postgres' });
        } finally {
          expect(await server.stop()).toBe(0);
        }
      } finally {
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      }
    },
    180_000,
  );
});
