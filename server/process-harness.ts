/**
 * Runs Mosaic as real child processes (the built server, the CLI) on the Node that runs the
 * caller: used by the process-level tests and the benchmarks. Nothing here is imported by the app.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import path from 'node:path';

export const projectRoot = path.resolve(import.meta.dirname, '..');

/** The environment a child starts from: ours without test-runner settings, plus the overrides. */
export function childEnv(overrides: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'warn', JOBS_POLL_MS: '200' };
  for (const key of Object.keys(env)) if (key.startsWith('VITEST') || key === 'DATABASE_URL' || key === 'PORT') delete env[key];
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Installs what is missing and rebuilds when sources changed, as `npm start` does. */
export function ensureBuilt(): void {
  execFileSync(process.execPath, ['scripts/prepare.mjs'], { cwd: projectRoot, stdio: 'pipe', env: childEnv({}) });
}

export interface ProcessResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a Node script of the project to completion (`scripts/mosaic.mjs`, `server.js`), with optional stdin. */
export async function runNode(args: string[], env: Record<string, string | undefined>, stdin?: string): Promise<ProcessResult> {
  const child = spawn(process.execPath, args, { cwd: projectRoot, env: childEnv(env), stdio: ['pipe', 'pipe', 'pipe'] });
  const output = collect(child);
  child.stdin?.end(stdin ?? '');
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, ...output() };
}

/** Output kept per stream: enough for start-up messages, bounded under a benchmark's request logs. */
const KEPT_OUTPUT_CHARS = 256 * 1024;

function collect(child: ChildProcess): () => { stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    if (stdout.length < KEPT_OUTPUT_CHARS) stdout += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    if (stderr.length < KEPT_OUTPUT_CHARS) stderr += chunk.toString();
  });
  return () => ({ stdout, stderr });
}

export interface RunningServer {
  url: string;
  child: ChildProcess;
  /** Milliseconds from spawn to the first page served (HTTP 200 on `readyPath`). */
  startedInMs: number;
  output(): { stdout: string; stderr: string };
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

/**
 * Starts `node server.js` and waits until it serves `readyPath`; rejects with its output if it
 * exits first. The wait is a guard against a server that never comes up, not a speed goal (start-up
 * time is a benchmark): a first start creates and migrates a database, which takes far longer on a
 * loaded two-core machine.
 */
export async function startServer(env: Record<string, string | undefined>, readyPath = '/en/', timeoutMs = 90_000): Promise<RunningServer> {
  const port = await freePort();
  const started = performance.now();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['server.js'], {
    cwd: projectRoot,
    env: childEnv({ PORT: String(port), PUBLIC_URL: url, ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = collect(child);
  const exited = once(child, 'exit');
  let startedInMs: number | undefined;
  while (startedInMs === undefined) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${output().stdout}\n${output().stderr}`);
    if (performance.now() - started > timeoutMs) {
      child.kill('SIGKILL');
      throw new Error(`the server did not serve ${readyPath} within ${timeoutMs} ms:\n${output().stdout}\n${output().stderr}`);
    }
    try {
      const response = await fetch(`${url}${readyPath}`);
      await response.arrayBuffer();
      if (response.status === 200) startedInMs = performance.now() - started;
    } catch {
      // Not listening yet.
    }
    if (startedInMs === undefined) await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return {
    url,
    child,
    startedInMs,
    output,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      const [code] = (await exited) as [number | null];
      return code;
    },
  };
}
