/**
 * How the CLI reports failure: expected problems (bad configuration, locked data directory, a
 * refused input) print one clear line and exit non-zero; only bugs print a stack trace.
 * The CLI speaks English to the operator; service errors use their English catalog text.
 */

import { isAppError } from '#app/shared/errors.ts';
import { loadCatalog, translate } from '#app/shared/i18n/catalog.server.ts';
import { explainStartupError } from '#server/startup-errors.ts';

/** A failure the user can act on, with its message. */
export class CliError extends Error {
  readonly exitCode: number;

  constructor(message: string, exitCode = 1) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}

export function reportFailure(error: unknown): number {
  const startup = explainStartupError(error);
  if (startup) {
    console.error(startup.message);
    return startup.exitCode;
  }
  if (error instanceof CliError) {
    console.error(`mosaic: ${error.message}`);
    return error.exitCode;
  }
  if (isAppError(error)) {
    const catalog = loadCatalog('en');
    const fields = error.details?.fields?.map((f) => `  ${f.field}: ${catalog[`errors.field.${f.code}`] ?? f.message ?? f.code}`) ?? [];
    console.error([`mosaic: ${translate('en', `errors.${error.code}`)} (${error.code})`, ...fields].join('\n'));
    return 1;
  }
  console.error('mosaic: unexpected error (a bug; please report it with what follows):');
  console.error(error);
  return 70;
}
