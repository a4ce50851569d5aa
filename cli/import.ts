/**
 * `mosaic import <file> --kind organisations|clusters [--dry-run] [--map "Header=field" ...]
 * [--locale ar|fr|en]`: the directory import on a file on disk, in the foreground, as the system.
 * A progress bar on a terminal (plain progress lines on standard error otherwise), then the summary and the rows
 * that were not imported with their reasons. Exit code 0 when the file ran, even with rejected
 * rows; non-zero for a bad file, mapping or argument.
 */
import { Presets, SingleBar } from 'cli-progress';
import { type ImportCounts, type ImportIssue, type ImportKind, type ImportRunView, importFile } from '#app/modules/directory/index.ts';
import { system } from '#app/shared/auth/actor.ts';
import { translate } from '#app/shared/i18n/catalog.server.ts';
import type { Locale } from '#app/shared/i18n/locales.ts';
import { prepareDatabase } from '#server/boot.ts';
import { describeDatabase, withDatabase } from './database.ts';
import { CliError } from './errors.ts';

/** Rows with issues printed at the end; the rest are counted (the run keeps its report). */
const PRINTED_ISSUES = 50;

export interface ImportCommandOptions {
  kind: ImportKind;
  dryRun?: boolean;
  map?: string[];
  locale: Locale;
}

/** `--map "Raison sociale=name.fr"` -> { 'Raison sociale': 'name.fr' }; `--map "Notes="` ignores the column. */
export function parseMapOptions(entries: readonly string[] = []): Record<string, string> {
  const mapping: Record<string, string> = {};
  for (const entry of entries) {
    const at = entry.lastIndexOf('=');
    if (at <= 0) throw new CliError(`--map expects "Header=field", got "${entry}"`);
    mapping[entry.slice(0, at).trim()] = entry.slice(at + 1).trim();
  }
  return mapping;
}

type Progress = { update(counts: ImportCounts): void; stop(): void };

/** On a terminal: a bar redrawn in place. */
function progressBar(): Progress {
  const bar = new SingleBar(
    { format: 'Import [{bar}] {percentage}% {value}/{total} rows ({created} to create, {duplicates} duplicates, {rejected} rejected)' },
    Presets.shades_classic,
  );
  let started = false;
  return {
    update(counts) {
      const payload = { created: counts.created, duplicates: counts.duplicates, rejected: counts.rejected };
      if (!started) {
        bar.start(counts.total ?? 0, counts.processed, payload);
        started = true;
      }
      if (counts.total !== null) bar.setTotal(counts.total);
      bar.update(counts.processed, payload);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

/**
 * Elsewhere (a log, a pipe): a line at each tenth of the file (each 10,000 rows when the total is
 * unknown). Counted by rows, not by a timer: an embedded database keeps the event loop too busy
 * for timers to fire on time.
 */
function progressLines(): Progress {
  let printed = -1;
  return {
    update(counts) {
      const step = counts.total ? Math.floor((counts.processed / Math.max(counts.total, 1)) * 10) : Math.floor(counts.processed / 10_000);
      if (step === printed) return;
      printed = step;
      const of = counts.total === null ? '' : `/${counts.total}`;
      console.error(
        `Import: ${counts.processed}${of} rows (${counts.created} to create, ${counts.duplicates} duplicates, ${counts.rejected} rejected)`,
      );
    },
    stop() {},
  };
}

function describeIssue(issue: ImportIssue): string {
  const duplicateOf = issue.duplicateOf
    ? 'slug' in issue.duplicateOf
      ? ` of ${issue.duplicateOf.slug}`
      : ` of row ${issue.duplicateOf.row}`
    : '';
  const where = [issue.field, issue.value === undefined ? null : JSON.stringify(issue.value)].filter(Boolean).join(' ');
  return `  row ${issue.row}: ${issue.outcome}${duplicateOf}${where ? ` (${where})` : ''}: ${translate('en', `errors.${issue.code}`)}`;
}

export function formatImportSummary(run: ImportRunView): string {
  const verb = run.dryRun ? 'would create' : 'created';
  const lines = [
    `${run.dryRun ? 'Dry run (nothing was written)' : 'Import'} of ${run.kind} from ${run.fileName}: ${run.processed} rows, ${run.created} ${verb}, ${run.duplicates} duplicates, ${run.rejected} rejected (run ${run.id}).`,
  ];
  if (run.report.length > 0) {
    lines.push('Rows not imported:', ...run.report.slice(0, PRINTED_ISSUES).map(describeIssue));
    const more = run.report.length - PRINTED_ISSUES + run.reportOmitted;
    if (more > 0) lines.push(`  ... and ${more} more issues (the staff pages show the run's report).`);
  }
  return lines.join('\n');
}

export async function importDirectoryFile(file: string, options: ImportCommandOptions): Promise<void> {
  const mapping = parseMapOptions(options.map);
  await withDatabase(async (database, config) => {
    await prepareDatabase(database);
    const bar = process.stderr.isTTY ? progressBar() : progressLines();
    let run: ImportRunView;
    try {
      run = await importFile(system, {
        file,
        kind: options.kind,
        locale: options.locale,
        dryRun: options.dryRun === true,
        mapping,
        onProgress: (counts) => bar.update(counts),
      });
    } finally {
      bar.stop();
    }
    if (run.status === 'failed') {
      throw new CliError(`${translate('en', `errors.${run.errorCode ?? 'COMMON_INTERNAL'}`)} (${run.errorCode}; run ${run.id})`);
    }
    console.log(formatImportSummary(run));
    console.log(`(${describeDatabase(config)})`);
  });
}
