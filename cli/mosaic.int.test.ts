/**
 * The CLI as an operator runs it (`npm run mosaic`: `node scripts/mosaic.mjs ...`, the bundled CLI) as a child process on a throwaway data
 * directory, checked through its exit codes, its output and what later commands find.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lockDataDirectory } from '#app/shared/db/lock.server.ts';
import { runNode } from '#server/process-harness.ts';
import { EXIT_CONFIG, EXIT_LOCKED } from '#server/startup-errors.ts';

const dataDir = mkdtempSync(path.join(tmpdir(), 'mosaic-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const STACK_TRACE = /\n\s+at /;

function mosaic(args: string[], env: Record<string, string | undefined> = {}, stdin?: string) {
  return runNode(['scripts/mosaic.mjs', ...args], { MOSAIC_DATA_DIR: dataDir, ...env }, stdin);
}

describe('mosaic CLI', () => {
  it('describes every command with --help', async () => {
    const help = await mosaic(['--help']);
    expect(help.code).toBe(0);
    for (const command of ['migrate', 'seed', 'create-admin', 'backup', 'restore']) expect(help.stdout).toContain(command);
    const createAdminHelp = await mosaic(['create-admin', '--help']);
    expect(createAdminHelp.code).toBe(0);
    expect(createAdminHelp.stdout).toMatch(/--email <email>[\s\S]*--name <name>[\s\S]*--password <password>[\s\S]*--locale <locale>/);
  });

  it('seeds reference data, roles and, with --demo, the demo accounts', async () => {
    const seed = await mosaic(['seed', '--demo']);
    expect(seed.stderr).toBe('');
    expect(seed.code).toBe(0);
    expect(seed.stdout).toContain('7 countries, 4 sector families, 11 subsectors, 19 materials');
    expect(seed.stdout).toContain('Demo directory written: 14 clusters (11 sourced facts)');
    expect(seed.stdout).toContain('DEMO ACCOUNTS');
    expect(seed.stdout).toMatch(/platform_admin\s+admin@demo\.mosaic\.localhost\s+password: \S+/);
  }, 180_000);

  it('adds synthetic organisations with --synthetic N, idempotently, and refuses a count that is not a whole number', async () => {
    const refused = await mosaic(['seed', '--synthetic', '2.5']);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('expected a whole number of at least 1');
    // The progress bar goes to standard error, the summaries to standard output.
    const seeded = await mosaic(['seed', '--demo-directory', '--synthetic', '40']);
    expect(seeded.code).toBe(0);
    expect(seeded.stderr).toContain('Synthetic organisations [');
    expect(seeded.stdout).toContain('Demo directory written: 0 clusters (0 sourced facts), 0 organisations');
    expect(seeded.stdout).toMatch(/Synthetic directory: 40 new organisations \(of 40, demo-flagged\)/);
    const again = await mosaic(['seed', '--synthetic', '40']);
    expect(again.stdout).toMatch(/Synthetic directory: 0 new organisations \(of 40/);
  }, 180_000);

  it('creates a platform admin, and refuses the same email again without a stack trace', async () => {
    const created = await mosaic(['create-admin', '--email', 'Root@Example.org', '--name', 'Root', '--password', 'correct-horse-battery']);
    expect(created.stderr).toBe('');
    expect(created.stdout).toMatch(/^Platform admin root@example\.org created/);
    const again = await mosaic(['create-admin', '--email', 'root@example.org', '--name', 'Root', '--password', 'correct-horse-battery']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('(IDENTITY_EMAIL_TAKEN)');
    expect(again.stderr).not.toMatch(STACK_TRACE);
  }, 180_000);

  it('reads the password from standard input and names the field it refuses', async () => {
    const short = await mosaic(['create-admin', '--email', 'short@example.org', '--name', 'Short'], {}, 'abc\n');
    expect(short.code).toBe(1);
    expect(short.stderr).toMatch(/COMMON_VALIDATION_FAILED[\s\S]*password: /);
    const piped = await mosaic(
      ['create-admin', '--email', 'piped@example.org', '--name', 'Piped', '--locale', 'ar'],
      {},
      'a-piped-password-1\n',
    );
    expect(piped.stderr).toBe('');
    expect(piped.stdout).toContain('Platform admin piped@example.org created');
  }, 180_000);

  it('refuses an unknown locale before touching the database', async () => {
    const result = await mosaic([
      'create-admin',
      '--email',
      'x@example.org',
      '--name',
      'X',
      '--password',
      'whatever-long',
      '--locale',
      'de',
    ]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('Allowed choices are ar, fr, en');
  });

  it('backs up and restores the embedded database, keeping the replaced one aside', async () => {
    const backupFile = path.join(dataDir, 'backups', 'mosaic.tar.gz');
    const backup = await mosaic(['backup', '--out', backupFile]);
    expect(backup.stderr).toBe('');
    expect(backup.stdout).toContain(`Backup written to ${backupFile}`);
    expect(existsSync(backupFile)).toBe(true);

    const after = await mosaic(['create-admin', '--email', 'after@example.org', '--name', 'After', '--password', 'made-after-backup']);
    expect(after.code).toBe(0);

    const restore = await mosaic(['restore', '--in', backupFile]);
    expect(restore.stderr).toBe('');
    expect(restore.stdout).toMatch(/The database it replaced was moved to \S+pglite\.before-restore-/);
    expect(readdirSync(dataDir).filter((name) => name.startsWith('pglite.before-restore-'))).toHaveLength(1);

    // The account made before the backup is there; the one made after it is not.
    const before = await mosaic(['create-admin', '--email', 'root@example.org', '--name', 'Root', '--password', 'correct-horse-battery']);
    expect(before.stderr).toContain('IDENTITY_EMAIL_TAKEN');
    const recreated = await mosaic(['create-admin', '--email', 'after@example.org', '--name', 'After', '--password', 'made-after-backup']);
    expect(recreated.code).toBe(0);
  }, 180_000);

  it('says to use pg_dump for a PostgreSQL server, and names a missing backup file', async () => {
    const server = await mosaic(['backup', '--out', 'x.tar.gz'], { DATABASE_URL: 'postgres://mosaic@127.0.0.1:9/mosaic' });
    expect(server.code).toBe(1);
    expect(server.stderr).toContain('pg_dump');
    const missing = await mosaic(['restore', '--in', path.join(dataDir, 'nope.tar.gz')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('backup file not found');
  });

  it('refuses to run while another process holds the data directory, naming the lock', async () => {
    const release = await lockDataDirectory(dataDir, () => {});
    try {
      for (const args of [['migrate'], ['backup', '--out', path.join(dataDir, 'locked.tar.gz')]]) {
        const result = await mosaic(args);
        expect(result.code).toBe(EXIT_LOCKED);
        expect(result.stderr).toContain(`is locked by another Mosaic process (lock ${path.join(dataDir, 'mosaic.lock')})`);
        expect(result.stderr).not.toMatch(STACK_TRACE);
      }
    } finally {
      await release();
    }
  }, 180_000);

  it('stops on a bad configuration value, naming the variable', async () => {
    const result = await mosaic(['migrate'], { PORT: 'abc' });
    expect(result.code).toBe(EXIT_CONFIG);
    expect(result.stderr).toMatch(/^Invalid configuration:\n {2}PORT: /);
    expect(result.stderr).not.toMatch(STACK_TRACE);
  });
});
