/**
 * What each command does. Loaded only when a command runs, so `--help` and argument errors
 * answer at once without loading the application.
 */
import { Presets, SingleBar } from 'cli-progress';
import { seedDemoDirectory, seedSyntheticDirectory } from '#app/modules/directory/index.ts';
import { seedDemoEvents } from '#app/modules/events/index.ts';
import { createAdmin, ensureDemoAccounts } from '#app/modules/identity/index.ts';
import { seedDemoDiagnostics, seedDemoSurveys, seedDemoWorkshopOutputs } from '#app/modules/needs/index.ts';
import { getConfig } from '#app/shared/config.server.ts';
import type { Database } from '#app/shared/db/client.server.ts';
import { migrateDatabase } from '#app/shared/db/migrate.server.ts';
import type { Locale } from '#app/shared/i18n/locales.ts';
import { formatDemoLogins, prepareDatabase } from '#server/boot.ts';
import { backupDatabase, restoreDatabase } from './backup.ts';
import { describeDatabase, withDatabase } from './database.ts';
import { readNewPassword } from './prompt.ts';

export async function migrate(): Promise<void> {
  await withDatabase(async (database, config) => {
    await migrateDatabase(database);
    console.log(`Migrations applied (${describeDatabase(config)}).`);
  });
}

export async function seed(options: { demo?: boolean; demoDirectory?: boolean; synthetic?: number }): Promise<void> {
  await withDatabase(async (database, config) => {
    const { reference } = await prepareDatabase(database);
    console.log(
      `Reference data and roles written: ${reference.countries} countries, ${reference.families} sector families, ${reference.subsectors} subsectors, ${reference.materials} materials (${describeDatabase(config)}).`,
    );
    if (options.demo || options.demoDirectory) {
      const written = await seedDemoDirectory(database.db);
      console.log(
        `Demo directory written: ${written.clusters} clusters (${written.facts} sourced facts), ${written.organisations} organisations, ${written.memberships} memberships, ${written.people} people (rows already there are kept).`,
      );
      const diagnostics = await seedDemoDiagnostics(database.db);
      console.log(
        `Demo diagnostics written: ${diagnostics.diagnostics} endorsed rounds, ${diagnostics.challenges} challenges (clusters with a diagnostic are left alone).`,
      );
      const started = performance.now();
      const surveys = await seedDemoSurveys(database.db);
      console.log(
        `Demo needs surveys written: ${surveys.surveys} surveys, ${surveys.responses} submitted answers in ${((performance.now() - started) / 1000).toFixed(1)} s (clusters with a demo survey are left alone).`,
      );
      const events = await seedDemoEvents(database.db);
      console.log(
        `Demo events written: ${events.events} workshops, ${events.registrations} registrations, ${events.attended} attended (events already there are left alone).`,
      );
      const outputs = await seedDemoWorkshopOutputs(database.db);
      console.log(
        `Demo workshop outputs written: ${outputs.workshops} workshops, ${outputs.challenges} challenges, ${outputs.trainingNeeds} training needs, ${outputs.voters} voters (workshops with outputs are left alone).`,
      );
    }
    if (options.demo) console.log(formatDemoLogins(await ensureDemoAccounts(), config.publicUrl));
    if (options.synthetic !== undefined) await seedSynthetic(database, options.synthetic);
  });
}

/** `seed --synthetic N`: a progress bar on a terminal, a line every few seconds otherwise. */
async function seedSynthetic(database: Database, count: number): Promise<void> {
  const started = performance.now();
  const bar = new SingleBar(
    {
      format: 'Synthetic organisations [{bar}] {value}/{total} ({inserted} new) {eta_formatted} left',
      noTTYOutput: true,
      notTTYSchedule: 5000,
    },
    Presets.shades_classic,
  );
  bar.start(count, 0, { inserted: 0 });
  const inserted = await seedSyntheticDirectory(count, {
    executor: database.db,
    onProgress: ({ done, inserted: soFar }) => bar.update(done, { inserted: soFar }),
  });
  bar.stop();
  console.log(
    `Synthetic directory: ${inserted} new organisations (of ${count}, demo-flagged) in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
  );
}

export async function createAdminAccount(options: { email: string; name: string; password?: string; locale: Locale }): Promise<void> {
  const password = options.password ?? (await readNewPassword());
  await withDatabase(async (database) => {
    await prepareDatabase(database);
    const admin = await createAdmin({ email: options.email, name: options.name, password, locale: options.locale });
    console.log(`Platform admin ${admin.email} created (user ${admin.userId}).`);
  });
}

export async function backup(options: { out: string }): Promise<void> {
  const { file, bytes } = await backupDatabase(getConfig(), options.out);
  console.log(`Backup written to ${file} (${(bytes / 1024 / 1024).toFixed(1)} MB).`);
}

export async function restore(options: { in: string }): Promise<void> {
  const { previous } = await restoreDatabase(getConfig(), options.in);
  console.log(`Restored from ${options.in}.`);
  if (previous) console.log(`The database it replaced was moved to ${previous} (delete it when you no longer need it).`);
}

export { importDirectoryFile } from './import.ts';
