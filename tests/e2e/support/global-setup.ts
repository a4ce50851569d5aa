/**
 * Before the browser tests: a throwaway data directory prepared with the CLI (reference data, the
 * demo directory, one platform admin per locale), then the built server (`node server.js`,
 * Node 24) on a free port with mail going to the outbox. PGlite allows one process per data
 * directory, so every CLI command finishes before the server starts. Returns the teardown that stops the server.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LOCALES } from '#app/shared/i18n/locales.ts';
import {
  checkinStaffAccount,
  directoryStaffAccount,
  followupStaffAccount,
  importStaffAccount,
  registrationStaffAccount,
  staffAccount,
  surveysStaffAccount,
  themesStaffAccount,
  workshopJourneyStaffAccount,
} from './accounts.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const serverLog = path.join(root, 'tests', 'artifacts', 'e2e-server.log');

async function freePort(): Promise<number> {
  const probe = createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const address = probe.address();
  probe.close();
  if (!address || typeof address === 'string') throw new Error('could not find a free port');
  return address.port;
}

function runCli(args: string[], env: NodeJS.ProcessEnv): void {
  const result = spawnSync('npm', ['run', '--silent', 'mosaic', '--', ...args], { cwd: root, env, encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`e2e setup: \`npm run mosaic -- ${args[0]}\` failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
}

async function waitForHealth(baseUrl: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) break;
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const log = existsSync(serverLog) ? readFileSync(serverLog, 'utf8').slice(-4000) : '';
  throw new Error(`e2e setup: the server at ${baseUrl} did not become healthy (exit code ${server.exitCode}). Its log:\n${log}`);
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  if (!existsSync(path.join(root, 'build', 'server', 'index.js'))) {
    throw new Error('e2e setup: no build found; run `npm run build` first (npm test does)');
  }
  if (Number(process.versions.node.split('.')[0]) < 24) {
    throw new Error(`e2e setup: Node ${process.versions.node} cannot run the server; run Playwright through npx or npm (Node 24)`);
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), 'mosaic-e2e-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    MOSAIC_DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: baseUrl,
    MOSAIC_DEMO: 'never',
    // No SMTP and no server database: mail lands in the outbox of the embedded database.
    SMTP_URL: '',
    DATABASE_URL: '',
    JOBS_POLL_MS: '100',
    // Every journey signs in from 127.0.0.1: the per-client sign-in limit is tested elsewhere.
    AUTH_SIGNIN_LIMIT: '1000',
    LOG_LEVEL: 'warn',
    // As in production: anonymous public pages go through the two-second page cache, but
    // without serving them stale afterwards, so a journey that changes the directory sees its
    // change on public pages within two seconds.
    PAGE_CACHE_SECONDS: '2',
    PAGE_CACHE_STALE_SECONDS: '0',
  };

  // The demo directory (the 14 real clusters and their demo organisations) and the demo accounts
  // (a member, the demo organisation's admin...) for the directory journeys.
  runCli(['seed', '--demo'], env);
  for (const admin of [
    ...LOCALES.map(staffAccount),
    directoryStaffAccount(),
    importStaffAccount(),
    surveysStaffAccount(),
    themesStaffAccount(),
    registrationStaffAccount(),
    checkinStaffAccount(),
    followupStaffAccount(),
    workshopJourneyStaffAccount(),
  ]) {
    runCli(['create-admin', '--email', admin.email, '--name', admin.name, '--password', admin.password, '--locale', admin.locale], env);
  }

  mkdirSync(path.dirname(serverLog), { recursive: true });
  const log = createWriteStream(serverLog);
  const server = spawn(process.execPath, ['server.js'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  server.stdout?.pipe(log);
  server.stderr?.pipe(log);
  await waitForHealth(baseUrl, server);
  process.env.MOSAIC_E2E_BASE_URL = baseUrl;

  return async () => {
    if (server.exitCode === null) {
      const exited = once(server, 'exit');
      server.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      if (server.exitCode === null) server.kill('SIGKILL');
    }
    log.end();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
