/** /{locale}/events/{slug}/participants.xlsx?list=sharing|logistics: a participant list as XLSX (its managers only). */
import { exportParticipantsWorkbook } from '#app/modules/events/index.ts';
import { XLSX_CONTENT_TYPE } from '#app/shared/xlsx/xlsx.ts';
import type { Route } from './+types/participants-xlsx';
import { download, listOf } from './downloads.server.ts';

export async function loader(args: Route.LoaderArgs) {
  return download(
    args,
    (actor, slug, locale, search) => exportParticipantsWorkbook(actor, slug, { list: listOf(search), locale }),
    XLSX_CONTENT_TYPE,
  );
}
