/**
 * The CLI opens the database exactly as the server does (same configuration, same lock on the
 * embedded data directory), runs one command and closes it, releasing the lock.
 */
import { type Config, getConfig } from '#app/shared/config.server.ts';
import type { Database } from '#app/shared/db/client.server.ts';
import { setDatabase } from '#app/shared/db/client.server.ts';
import { openConfiguredDatabase } from '#server/boot.ts';

export async function withDatabase<T>(run: (database: Database, config: Config) => Promise<T>): Promise<T> {
  const config = getConfig();
  const database = await openConfiguredDatabase(config);
  try {
    return await run(database, config);
  } finally {
    setDatabase(undefined);
    await database.close();
  }
}

/** Where the data lives, for messages (never the password of a server URL). */
export function describeDatabase(config: Config): string {
  if (config.database.kind === 'pglite') return `embedded PGlite in ${config.database.dataDir}`;
  const url = new URL(config.database.url);
  return `PostgreSQL server ${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname}`;
}
