/**
 * What every benchmark script shares: the facts of the machine a run happened on, server CPU
 * time and memory read from /proc (Linux), and load with autocannon. Results are figures of one
 * machine on one day, so each report starts with these facts.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, hostname, loadavg } from 'node:os';
import autocannon from 'autocannon';
import { projectRoot, type RunningServer } from '#server/process-harness.ts';

export const CONNECTIONS = 32;

export function shell(command: string, commandArgs: string[]): string {
  try {
    return execFileSync(command, commandArgs, { cwd: projectRoot, encoding: 'utf8' }).trim();
  } catch {
    return '(unavailable)';
  }
}

export interface MachineFacts {
  date: string;
  host: string;
  nproc: string;
  cpu: string;
  memory: string;
  loadBefore: string;
  node: string;
  commit: string;
}

export function machineFacts(): MachineFacts {
  return {
    date: new Date().toISOString(),
    host: hostname(),
    nproc: shell('nproc', []),
    cpu: cpus()[0]?.model ?? '(unknown)',
    memory: shell('free', ['-h']),
    loadBefore: loadavg()
      .map((l) => l.toFixed(2))
      .join(' '),
    node: process.version,
    commit: `${shell('git', ['rev-parse', '--short', 'HEAD'])}${shell('git', ['status', '--porcelain']) ? ' (working tree has uncommitted changes)' : ''}`,
  };
}

/** The "Machine" section of a report. */
export function machineSection(facts: MachineFacts): string[] {
  return [
    '## Machine',
    '',
    `- Date (UTC): ${facts.date}`,
    `- Host: ${facts.host}; \`nproc\`: ${facts.nproc}; CPU: ${facts.cpu}`,
    `- Load average when the run started (1, 5, 15 min): ${facts.loadBefore}`,
    `- Node ${facts.node}; commit ${facts.commit}`,
    '- `free -h`:',
    '',
    '```',
    facts.memory,
    '```',
  ];
}

/** CPU time (user + system) a process has used so far, in ms, from /proc (Linux). */
export function cpuMs(pid: number): number {
  // Fields after the command name (which may contain spaces): utime and stime are the 12th and 13th.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  const ticksPerSecond = Number(shell('getconf', ['CLK_TCK'])) || 100;
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
}

/** Resident set size of a process, from /proc (Linux). */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1]);
  return kb / 1024;
}

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface LoadResult {
  path: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  total: number;
  non2xx: number;
  errors: number;
  /** Server CPU time per request: independent of what else the machine is doing. */
  cpuMsPerRequest: number;
}

export async function load(
  server: RunningServer,
  urlPath: string,
  seconds: number,
  headers: Record<string, string> = {},
): Promise<LoadResult> {
  const pid = server.child.pid as number;
  const cpuBefore = cpuMs(pid);
  const result = await autocannon({ url: `${server.url}${urlPath}`, connections: CONNECTIONS, duration: seconds, headers });
  return {
    path: urlPath,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    cpuMsPerRequest: (cpuMs(pid) - cpuBefore) / Math.max(1, result.requests.total),
  };
}

export const describeLoad = (r: LoadResult) =>
  `${r.requestsPerSecond.toFixed(0)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms (${r.total} requests, ${r.non2xx} non-2xx, ${r.errors} errors; server CPU ${r.cpuMsPerRequest.toFixed(2)} ms per request, i.e. at most ${(1000 / r.cpuMsPerRequest).toFixed(0)} req/s on one free core)`;

export const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');

/**
 * Load spread over several pages: each request picks one of `paths` at random (uniformly), as
 * readers arriving at different views of the same site do. Reported under `label`.
 */
export async function loadMix(server: RunningServer, label: string, paths: readonly string[], seconds: number): Promise<LoadResult> {
  const pid = server.child.pid as number;
  const cpuBefore = cpuMs(pid);
  const pick = () => paths[Math.floor(Math.random() * paths.length)] as string;
  const result = await autocannon({
    url: server.url,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: pick() }) }],
  });
  return {
    path: label,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    cpuMsPerRequest: (cpuMs(pid) - cpuBefore) / Math.max(1, result.requests.total),
  };
}
