/** /{locale}/needs/priorities.pdf?scope=: the PDF brief of the board's scope, in the page's language. */
import { exportSynthesisBrief, PDF_CONTENT_TYPE } from '#app/modules/needs/index.ts';
import type { Route } from './+types/priorities.pdf';
import { exportFile } from './export.server.ts';

export async function loader(args: Route.LoaderArgs) {
  return exportFile(args, exportSynthesisBrief, PDF_CONTENT_TYPE);
}
