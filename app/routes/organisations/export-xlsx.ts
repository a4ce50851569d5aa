/** /{locale}/organisations/export.xlsx: the directory view of the same query, as an Excel workbook. */
import type { Route } from './+types/export-xlsx';
import { exportResponse } from './organisations.server.ts';

export function loader(args: Route.LoaderArgs) {
  return exportResponse(args, 'xlsx');
}
