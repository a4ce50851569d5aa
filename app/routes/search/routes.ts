import { type RouteConfigEntry, route } from '@react-router/dev/routes';

/** The site search. Paths are relative to the locale prefix (/:lang). */
export const searchRoutes: RouteConfigEntry[] = [route('search', 'routes/search/search.tsx')];
