/**
 * `mosaic import <file> --kind organisations|clusters [--dry-run] [--map "Header=field" ...]
 * [--locale ar|fr|en]`: the directory import on a file on disk, in the foreground, as the system.
 * A progress bar on a terminal (plain progress lines otherwise), then the summary and the rows
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

function progressBar(): { update(counts: ImportCounts): void; stop(): void } {
  const bar = new SingleBar(
    {
      format: 'Import [{bar}] {percentage}% {value}/{total} rows ({created} to create, {duplicates} duplicates, {rejected} rejected)',
      noTTYOutput: true,
      notTTYSchedule: 2000,
    },
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
    const bar = progressBar();
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
