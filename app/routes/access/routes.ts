import { type RouteConfigEntry, route } from '@react-router/dev/routes';

/** Paths are relative to the locale prefix (/:lang). */
export const accessRoutes: RouteConfigEntry[] = [route('account/tokens', 'routes/access/tokens.tsx')];
