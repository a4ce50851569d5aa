import { type RouteConfigEntry, route } from '@react-router/dev/routes';

/** Managing the directory's organisations. Paths are relative to the locale prefix (/:lang). */
export const organisationsManageRoutes: RouteConfigEntry[] = [
  route('organisations/new', 'routes/organisations-manage/new.tsx'),
  route('organisations/:slug/edit', 'routes/organisations-manage/edit.tsx'),
  route('organisations/:slug/claim', 'routes/organisations-manage/claim.tsx'),
  route('organisations/:slug/people', 'routes/organisations-manage/people.tsx'),
  route('organisations/:slug/history', 'routes/organisations-manage/history.tsx'),
];

/** The staff page, placed under the staff area's layout (`/:lang/admin/...`). */
export const organisationsManageAdminRoutes: RouteConfigEntry[] = [route('directory/requests', 'routes/organisations-manage/requests.tsx')];
