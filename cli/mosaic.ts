/**
 * The Mosaic command line: `npm run mosaic -- <command>` (`--help` on every command).
 * Runs directly on Node 24 (type stripping), with the same configuration and the same database
 * lock as the server: a command refuses to run while a server holds the embedded data directory.
 */
import { Command, Option } from 'commander';
import { getConfig } from '#app/shared/config.server.ts';
import { LOCALES } from '#app/shared/i18n/locales.ts';
import { reportFailure } from './errors.ts';

type Commands = typeof import('./commands.ts');

/** Runs a command from commands.ts (loaded on demand) and turns failures into a message and an exit code. */
function run<K extends keyof Commands>(name: K): (...args: Parameters<Commands[K]>) => Promise<void> {
  return async (...args) => {
    try {
      // A bad configuration value is reported before the application is loaded.
      getConfig();
      const commands = await import('./commands.ts');
      await (commands[name] as (...a: Parameters<Commands[K]>) => Promise<void>)(...args);
    } catch (error) {
      process.exitCode = reportFailure(error);
    }
  };
}

const program = new Command('mosaic')
  .description('Mosaic command line. Configuration comes from the environment, as for the server (see .env.example).')
  .showHelpAfterError();

program.command('migrate').description('apply the database migrations that have not run yet').action(run('migrate'));

program
  .command('seed')
  .description('migrate, then write the reference data (countries, CCI taxonomy, materials) and the roles')
  .option('--demo', 'also create the demo accounts (one per role, marked as demo) and print their logins')
  .action(run('seed'));

program
  .command('create-admin')
  .description('create a platform admin account (verified; two-factor is set up at the first staff page)')
  .requiredOption('--email <email>', 'sign-in email address')
  .requiredOption('--name <name>', 'display name')
  .option('--password <password>', 'password (omit it to type it at a prompt, or pipe it on standard input)')
  .addOption(new Option('--locale <locale>', 'preferred language of the UI and of mail').choices(LOCALES).default('en'))
  .action(run('createAdminAccount'));

program
  .command('backup')
  .description('write a backup of the embedded database (stop the server first); for a PostgreSQL server use pg_dump')
  .requiredOption('--out <file>', 'backup file to write (a gzipped tarball, e.g. mosaic-backup.tar.gz)')
  .action(run('backup'));

program
  .command('restore')
  .description('replace the embedded database with a backup (stop the server first); the current one is kept aside')
  .requiredOption('--in <file>', 'backup file written by `mosaic backup`')
  .action(run('restore'));

await program.parseAsync(process.argv);
