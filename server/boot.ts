/**
 * Start-up, in order: configuration, database (with its lock), migrations, reference data, demo
 * data on a first start, background jobs. Failures print one clear message and exit non-zero.
 */
import { type Config, ConfigError, getConfig } from '#app/shared/config.server.ts';
import { type Database, openDatabase, setDatabase } from '#app/shared/db/client.server.ts';
import { DataDirectoryLockedError } from '#app/shared/db/lock.server.ts';
import { migrateDatabase } from '#app/shared/db/migrate.server.ts';

export interface Booted {
  config: Config;
  database: Database;
  shutdown(): Promise<void>;
}

export const EXIT_CONFIG = 78;
export const EXIT_LOCKED = 75;

export async function boot(): Promise<Booted> {
  let config: Config;
  try {
    config = getConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(EXIT_CONFIG);
    }
    throw error;
  }
  let database: Database;
  try {
    database = await openDatabase(config.database);
  } catch (error) {
    if (error instanceof DataDirectoryLockedError) {
      console.error(error.message);
      process.exit(EXIT_LOCKED);
    }
    throw error;
  }
  setDatabase(database);
  await migrateDatabase(database);
  return {
    config,
    database,
    shutdown: async () => {
      await database.close();
    },
  };
}
