/**
 * The CPU time each side of the import spends, which, unlike its wall time, does not follow the
 * load of a shared machine: the import process (this process's reaped children) and, on a
 * PostgreSQL server on the same machine, the server backends of the import's connections (found
 * by their `application_name`, sampled until they close). Linux only (`/proc`); null elsewhere.
 */
import { readFileSync } from 'node:fs';
import pg from 'pg';

/** Clock ticks per second of `/proc/<pid>/stat` (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** The fields of `/proc/<pid>/stat` after the command name, so field n of proc(5) is at n - 3. */
function statFields(pid: number | 'self'): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
  } catch {
    return null;
  }
}

/** CPU seconds (user + system) of this process's children that have exited. */
export function childrenCpuSeconds(): number | null {
  const fields = statFields('self');
  return fields ? (Number(fields[13]) + Number(fields[14])) / TICKS_PER_SECOND : null;
}

export const IMPORT_APPLICATION_NAME = 'mosaic-import-bench';

/** The connection string the import runs with, so its backends can be told apart. */
export function withApplicationName(url: string): string {
  const u = new URL(url);
  u.searchParams.set('application_name', IMPORT_APPLICATION_NAME);
  return u.toString();
}

export interface BackendSampler {
  /** Stops sampling; CPU seconds of the import's backends (their last sample), null if none could be read. */
  stop(): Promise<number | null>;
}

/** Samples every half second the CPU time of the server backends named IMPORT_APPLICATION_NAME. */
export async function sampleImportBackends(url: string): Promise<BackendSampler> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const ticks = new Map<number, number>();
  let unreadable = false;
  const sample = async () => {
    const { rows } = await client.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE application_name = $1', [
      IMPORT_APPLICATION_NAME,
    ]);
    for (const { pid } of rows) {
      const fields = statFields(pid);
      if (fields) ticks.set(pid, Number(fields[11]) + Number(fields[12]));
      else unreadable = true;
    }
  };
  let sampling = Promise.resolve();
  const timer = setInterval(() => {
    sampling = sampling.then(sample).catch(() => {});
  }, 500);
  return {
    async stop() {
      clearInterval(timer);
      await sampling;
      await client.end();
      if (unreadable || ticks.size === 0) return null;
      return [...ticks.values()].reduce((sum, value) => sum + value, 0) / TICKS_PER_SECOND;
    },
  };
}
