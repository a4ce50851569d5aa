import { index, type RouteConfigEntry, route } from '@react-router/dev/routes';
import { organisationsManageAdminRoutes } from '../organisations-manage/routes.ts';

/** Paths are relative to the locale prefix (/:lang). Staff pages; each loader applies the staff gate. */
export const adminRoutes: RouteConfigEntry[] = [
  route('admin', 'routes/admin/layout.tsx', [
    index('routes/admin/overview.tsx'),
    route('outbox', 'routes/admin/outbox.tsx'),
    route('outbox/:id', 'routes/admin/outbox-mail.tsx'),
    route('jobs', 'routes/admin/jobs.tsx'),
    route('audit', 'routes/admin/audit.tsx'),
    ...organisationsManageAdminRoutes,
  ]),
];
