/**
 * The Mosaic command line: `npm run mosaic -- <command>` (`--help` on every command).
 * Runs directly on Node 24 (type stripping), with the same configuration and the same database
 * lock as the server: a command refuses to run while a server holds the embedded data directory.
 */
import { enableCompileCache } from 'node:module';
import { Command, InvalidArgumentError, Option } from 'commander';
import { getConfig } from '#app/shared/config.server.ts';
import { LOCALES } from '#app/shared/i18n/locales.ts';
import { reportFailure } from './errors.ts';

// A command loads much of the application (about 2,000 modules for an import): Node keeps their
// compiled code in its cache directory, which saves a few tenths of a second on every later run.
enableCompileCache();

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

function parseCount(value: string): number {
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1) throw new InvalidArgumentError('expected a whole number of at least 1');
  return count;
}

const program = new Command('mosaic')
  .description('Mosaic command line. Configuration comes from the environment, as for the server (see .env.example).')
  .showHelpAfterError();

program.command('migrate').description('apply the database migrations that have not run yet').action(run('migrate'));

program
  .command('seed')
  .description('migrate, then write the reference data (countries, CCI taxonomy, materials) and the roles')
  .option('--demo', 'also create the demo directory and the demo accounts (one per role, marked as demo) and print their logins')
  .option('--demo-directory', 'also create the demo directory only: the 14 real clusters and their demo organisations')
  .addOption(
    new Option('--synthetic <count>', 'also make sure synthetic demo organisations 1 to <count> exist (benchmarks)').argParser(parseCount),
  )
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

program
  .command('import')
  .description('import organisations or clusters from a CSV or XLSX file: bad rows and duplicates are reported, not written')
  .argument('<file>', 'CSV (comma, semicolon or tab; UTF-8) or XLSX file (first sheet)')
  .addOption(new Option('--kind <kind>', 'what each row is').choices(['organisations', 'clusters']).makeOptionMandatory())
  .option('--dry-run', 'check every row and report what an import would do, writing nothing')
  .option(
    '--map <Header=field...>',
    'map a column to a field over the guess (repeatable), e.g. --map "Raison sociale=name.fr"; "Header=" ignores the column',
  )
  .addOption(new Option('--locale <locale>', 'language of text columns whose header names none').choices(LOCALES).default('en'))
  .action(run('importDirectoryFile'));

await program.parseAsync(process.argv);
