import { type RouteConfigEntry, route } from '@react-router/dev/routes';

/** The twins finder's pages and downloads. Paths are relative to the locale prefix (/:lang). */
export const twinsRoutes: RouteConfigEntry[] = [
  route('clusters/:slug/twins', 'routes/twins/cluster-twins.tsx'),
  route('clusters/:slug/twins/export.csv', 'routes/twins/export.ts', { id: 'twins/cluster-export-csv' }),
  route('clusters/:slug/twins/export.xlsx', 'routes/twins/export.ts', { id: 'twins/cluster-export-xlsx' }),
  route('organisations/:slug/twins', 'routes/twins/organisation-twins.tsx'),
  route('organisations/:slug/twins/export.csv', 'routes/twins/export.ts', { id: 'twins/organisation-export-csv' }),
  route('organisations/:slug/twins/export.xlsx', 'routes/twins/export.ts', { id: 'twins/organisation-export-xlsx' }),
];
