import type { RouteConfigEntry } from '@react-router/dev/routes';

/** Paths are relative to the locale prefix (/:lang). */
export const identityRoutes: RouteConfigEntry[] = [];
