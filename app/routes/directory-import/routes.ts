import { type RouteConfigEntry, route } from '@react-router/dev/routes';

/** Staff pages importing organisations and clusters; paths are relative to the locale prefix (/:lang). */
export const directoryImportRoutes: RouteConfigEntry[] = [
  route('admin/directory/import', 'routes/directory-import/imports.tsx'),
  route('admin/directory/import/:runId', 'routes/directory-import/run.tsx'),
  route('admin/directory/import/:runId/report.csv', 'routes/directory-import/report-csv.ts'),
];
