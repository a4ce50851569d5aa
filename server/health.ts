/**
 * `GET /api/health`: `{ status, database, version }`. The database probe (`select 1`) is reused
 * for one second, so a load balancer polling hard, or a benchmark, does not turn the health
 * check into database load; a failure is seen within a second.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '#app/shared/db/client.server.ts';

export interface Health {
  status: 'ok' | 'degraded';
  database: Database['kind'];
  version: string;
}

export function createHealthCheck(getDatabase: () => Database, version: string, reuseMs = 1_000): () => Promise<Health> {
  let last: { at: number; ok: Promise<boolean> } | undefined;
  return async () => {
    const database = getDatabase();
    const now = Date.now();
    if (!last || now - last.at >= reuseMs) {
      last = {
        at: now,
        ok: database.db.execute(sql`select 1`).then(
          () => true,
          () => false,
        ),
      };
    }
    return { status: (await last.ok) ? 'ok' : 'degraded', database: database.kind, version };
  };
}
