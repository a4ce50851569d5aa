/** /{locale}/events/{slug}/participants.csv?list=sharing|logistics: a participant list as CSV (its managers only). */
import { exportParticipantsCsv } from '#app/modules/events/index.ts';
import type { Route } from './+types/participants-csv';
import { download, listOf } from './downloads.server.ts';

export async function loader(args: Route.LoaderArgs) {
  return download(
    args,
    (actor, slug, locale, search) => exportParticipantsCsv(actor, slug, { list: listOf(search), locale }),
    'text/csv; charset=utf-8',
  );
}
