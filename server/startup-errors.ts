/**
 * The start-up failures an operator can fix, shared by the server and the CLI. Kept apart from
 * boot.ts so the CLI can report them without loading the whole application.
 */
import { ConfigError } from '#app/shared/config.server.ts';
import { DataDirectoryLockedError } from '#app/shared/db/lock.server.ts';

/** sysexits(3): EX_CONFIG for a bad configuration, EX_TEMPFAIL for a data directory in use, EX_UNAVAILABLE for a database out of reach. */
export const EXIT_CONFIG = 78;
export const EXIT_LOCKED = 75;
export const EXIT_DATABASE_UNAVAILABLE = 69;

/** Network failures, and PostgreSQL refusing the login (class 28) or not knowing the database (3D000). */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'ECONNRESET',
  'EHOSTUNREACH',
  '28000',
  '28P01',
  '3D000',
]);

/** The connection problem behind a failed query, looking through drizzle's wrapping (`cause`). */
function unreachableDatabase(error: unknown): Error | undefined {
  for (let current = error; current instanceof Error; current = current.cause) {
    if (UNREACHABLE_CODES.has(String((current as NodeJS.ErrnoException).code))) return current;
  }
  return undefined;
}

/** The message to print and the exit code; undefined for anything else (a bug). */
export function explainStartupError(error: unknown): { message: string; exitCode: number } | undefined {
  if (error instanceof ConfigError) return { message: error.message, exitCode: EXIT_CONFIG };
  if (error instanceof DataDirectoryLockedError) return { message: error.message, exitCode: EXIT_LOCKED };
  const unreachable = unreachableDatabase(error);
  if (unreachable) {
    return {
      message: `Mosaic cannot use the PostgreSQL server given by DATABASE_URL: ${unreachable.message}. Check the address, the credentials and that the database exists.`,
      exitCode: EXIT_DATABASE_UNAVAILABLE,
    };
  }
  return undefined;
}
