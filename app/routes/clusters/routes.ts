import { type RouteConfigEntry, route } from '@react-router/dev/routes';

/** Paths are relative to the locale prefix (/:lang). Public pages, staff's new-cluster page, then the managers' pages of one cluster. */
export const clusterRoutes: RouteConfigEntry[] = [
  route('clusters', 'routes/clusters/list.tsx'),
  route('clusters/new', 'routes/clusters/new.tsx'),
  route('clusters/:slug', 'routes/clusters/profile.tsx'),
  route('clusters/:slug/edit', 'routes/clusters/edit.tsx'),
  route('clusters/:slug/members', 'routes/clusters/members.tsx'),
  route('clusters/:slug/history', 'routes/clusters/history.tsx'),
];
