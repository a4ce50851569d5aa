/**
 * Start-up, in order: configuration, database (with its lock), migrations, reference data and
 * roles, demo directory and accounts on a first start, background jobs. Expected failures (a bad
 * configuration value, a locked data directory) print one clear message and exit non-zero,
 * without a stack trace. The CLI opens and prepares the database with the same steps.
 */
import { hostname } from 'node:os';
import { sql } from 'drizzle-orm';
import { type ReferenceDataCounts, seedDemoDirectory, seedReferenceData } from '#app/modules/directory/index.ts';
import { seedDemoEvents } from '#app/modules/events/index.ts';
import { type DemoLogin, ensureDemoAccounts, seedRoles } from '#app/modules/identity/index.ts';
import { seedChallengeThemes, seedDemoDiagnostics, seedDemoSurveys, seedDemoWorkshopOutputs } from '#app/modules/needs/index.ts';
import { type Config, getConfig } from '#app/shared/config.server.ts';
import { type Database, type DatabaseKind, openDatabase, queryRows, setDatabase } from '#app/shared/db/client.server.ts';
import { migrateDatabase } from '#app/shared/db/migrate.server.ts';
import { type JobWorker, startJobWorker } from '#app/shared/jobs/index.ts';
import { explainStartupError } from './startup-errors.ts';

export interface Booted {
  config: Config;
  database: Database;
  /** Stops the job worker (letting the job in progress finish), then closes the database and releases its lock. */
  shutdown(): Promise<void>;
}

/** Opens the configured database (taking the data directory's lock for PGlite) as the process-wide one. */
export async function openConfiguredDatabase(config: Config): Promise<Database> {
  const database = await openDatabase(config.database);
  setDatabase(database);
  return database;
}

export interface DemoDecision {
  mode: Config['demo'];
  env: Config['env'];
  databaseKind: DatabaseKind;
  hasUsers: boolean;
}

/**
 * Demo accounts are for trying Mosaic on a laptop: `auto` creates them on the first start of an
 * empty embedded database outside production; `always` forces them (even in production: the
 * operator asked), `never` never.
 */
export function wantsDemoAccounts({ mode, env, databaseKind, hasUsers }: DemoDecision): boolean {
  if (mode === 'always') return true;
  if (mode === 'never') return false;
  return databaseKind === 'pglite' && env !== 'production' && !hasUsers;
}

/**
 * Whether anyone has an account yet. The identity module exposes no count, and this is the one
 * question start-up asks of its tables, so it is asked here in plain SQL.
 */
async function hasUsers(database: Database): Promise<boolean> {
  const rows = await queryRows<{ found: boolean }>(database.db, sql`select exists (select 1 from "user") as found`);
  return rows[0]?.found === true;
}

/** Migrations, then the reference data and roles every installation needs (idempotent, safe on every start). */
export async function prepareDatabase(database: Database): Promise<{ reference: ReferenceDataCounts }> {
  await migrateDatabase(database);
  const reference = await seedReferenceData(database.db);
  await seedChallengeThemes(database.db);
  await seedRoles(database.db);
  return { reference };
}

/** The console block listing the demo logins: clearly demo, with the one shared password. */
export function formatDemoLogins(logins: readonly DemoLogin[], publicUrl: string): string {
  const roleWidth = Math.max(...logins.map((login) => login.role.length));
  const emailWidth = Math.max(...logins.map((login) => login.email.length));
  const rule = '='.repeat(72);
  return [
    rule,
    'DEMO ACCOUNTS - demonstration data, marked as demo; not for real use.',
    `Sign in at ${publicUrl}/en/account/sign-in (also /fr/ and /ar/).`,
    ...logins.map((login) => `  ${login.role.padEnd(roleWidth)}  ${login.email.padEnd(emailWidth)}  password: ${login.password}`),
    'Staff roles (platform_admin, programme_staff) set up two-factor at their first staff page.',
    'Start with MOSAIC_DEMO=never to skip them; they are never created in production unless MOSAIC_DEMO=always.',
    rule,
  ].join('\n');
}

/**
 * Creates the demo directory (the real clusters and their demo organisations, which the demo
 * accounts' scopes name), the demo diagnostics of eight clusters, their demo needs surveys' answers, the demo workshops and the demo accounts when the configuration and the database call for
 * them; returns the logins or nothing.
 */
export async function ensureDemoDataIfWanted(config: Config, database: Database): Promise<DemoLogin[]> {
  const wanted = wantsDemoAccounts({
    mode: config.demo,
    env: config.env,
    databaseKind: database.kind,
    hasUsers: config.demo === 'auto' ? await hasUsers(database) : false,
  });
  if (!wanted) return [];
  await seedDemoDirectory(database.db);
  await seedDemoDiagnostics(database.db);
  await seedDemoSurveys(database.db);
  await seedDemoEvents(database.db);
  await seedDemoWorkshopOutputs(database.db);
  return ensureDemoAccounts();
}

function exitOnExpectedError(error: unknown): never {
  const known = explainStartupError(error);
  if (!known) throw error;
  console.error(known.message);
  process.exit(known.exitCode);
}

export async function boot(): Promise<Booted> {
  let config: Config;
  let database: Database;
  try {
    config = getConfig();
    database = await openConfiguredDatabase(config);
    await prepareDatabase(database);
  } catch (error) {
    exitOnExpectedError(error);
  }
  const demoLogins = await ensureDemoDataIfWanted(config, database);
  if (demoLogins.length > 0) console.log(formatDemoLogins(demoLogins, config.publicUrl));
  let worker: JobWorker | undefined;
  if (config.jobs.enabled) worker = startJobWorker({ pollMs: config.jobs.pollMs, workerId: `${hostname()}:${process.pid}` });
  return {
    config,
    database,
    shutdown: async () => {
      await worker?.stop();
      await database.close();
    },
  };
}
