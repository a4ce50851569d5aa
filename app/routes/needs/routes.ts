import { type RouteConfigEntry, route } from '@react-router/dev/routes';

/** Paths are relative to the locale prefix (/:lang). The priority-needs board. */
export const needsRoutes: RouteConfigEntry[] = [route('needs', 'routes/needs/board.tsx')];
