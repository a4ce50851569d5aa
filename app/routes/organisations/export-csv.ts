/** /{locale}/organisations/export.csv: the directory view of the same query, as CSV. */
import type { Route } from './+types/export-csv';
import { exportResponse } from './organisations.server.ts';

export function loader(args: Route.LoaderArgs) {
  return exportResponse(args, 'csv');
}
