/** /{locale}/needs/priorities.xlsx?scope=: every table of the board's scope as XLSX, in the page's language. */
import { exportSynthesisWorkbook, XLSX_CONTENT_TYPE } from '#app/modules/needs/index.ts';
import type { Route } from './+types/priorities.xlsx';
import { exportFile } from './export.server.ts';

export async function loader(args: Route.LoaderArgs) {
  return exportFile(args, exportSynthesisWorkbook, XLSX_CONTENT_TYPE);
}
