/**
 * /{locale}/admin/directory/import/{runId}/report.csv: the rows an import did not write, with
 * their reasons in the page's language, as CSV (UTF-8 with a byte order mark, for spreadsheets).
 */
import { stringify } from 'csv-stringify/sync';
import { getImportRun } from '#app/modules/directory/index.ts';
import { translate } from '#app/shared/i18n/catalog.server.ts';
import { asErrorResponse, requireAdminPage } from '../admin/admin.server.ts';
import type { Route } from './+types/report-csv';

/** A cell typed by someone else must not run as a formula in the spreadsheet that opens the report. */
function inert(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

export async function loader(args: Route.LoaderArgs) {
  const { actor, locale } = await requireAdminPage(args, 'admin.access');
  const run = await getImportRun(actor, args.params.runId).catch(asErrorResponse);
  const header = ['row', 'outcome', 'field', 'value', 'reason', 'duplicate_of'].map((column) =>
    translate(locale, `directory.import.csv.${column}`),
  );
  const rows = run.report.map((issue) => [
    issue.row,
    translate(locale, `directory.import.outcome.${issue.outcome}`),
    issue.field ?? '',
    inert(issue.value ?? ''),
    translate(locale, `errors.${issue.code}`),
    issue.duplicateOf ? ('slug' in issue.duplicateOf ? issue.duplicateOf.slug : String(issue.duplicateOf.row)) : '',
  ]);
  const name = `import-report-${run.id.slice(0, 8)}.csv`;
  return new Response(`\uFEFF${stringify([header, ...rows])}`, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${name}"`,
      'Cache-Control': 'no-store',
    },
  });
}
