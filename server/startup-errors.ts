/**
 * The start-up failures an operator can fix, shared by the server and the CLI. Kept apart from
 * boot.ts so the CLI can report them without loading the whole application.
 */
import { ConfigError } from '#app/shared/config.server.ts';
import { DataDirectoryLockedError } from '#app/shared/db/lock.server.ts';

/** sysexits(3): EX_CONFIG for a bad configuration, EX_TEMPFAIL for a data directory in use. */
export const EXIT_CONFIG = 78;
export const EXIT_LOCKED = 75;

/** The message to print and the exit code; undefined for anything else (a bug). */
export function explainStartupError(error: unknown): { message: string; exitCode: number } | undefined {
  if (error instanceof ConfigError) return { message: error.message, exitCode: EXIT_CONFIG };
  if (error instanceof DataDirectoryLockedError) return { message: error.message, exitCode: EXIT_LOCKED };
  return undefined;
}
