/** /{locale}/events/{slug}/statistics.xlsx: the event's statistics as XLSX in the page's language (its managers only). */
import { exportEventStatisticsWorkbook } from '#app/modules/events/index.ts';
import { XLSX_CONTENT_TYPE } from '#app/shared/xlsx/xlsx.ts';
import type { Route } from './+types/statistics-xlsx';
import { download } from './downloads.server.ts';

export async function loader(args: Route.LoaderArgs) {
  return download(args, (actor, slug, locale) => exportEventStatisticsWorkbook(actor, slug, locale), XLSX_CONTENT_TYPE);
}
