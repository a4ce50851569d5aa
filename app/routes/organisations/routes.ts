import { type RouteConfigEntry, route } from '@react-router/dev/routes';

/** The organisations directory (read side). Paths are relative to the locale prefix (/:lang). */
export const organisationsRoutes: RouteConfigEntry[] = [
  route('organisations', 'routes/organisations/directory.tsx'),
  route('organisations/export.csv', 'routes/organisations/export-csv.ts'),
  route('organisations/export.xlsx', 'routes/organisations/export-xlsx.ts'),
  route('organisations/:slug', 'routes/organisations/profile.tsx'),
];
