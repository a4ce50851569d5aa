import { type RouteConfigEntry, route } from '@react-router/dev/routes';

/** Paths are relative to the locale prefix (/:lang). The priority-needs board and its downloads. */
export const needsRoutes: RouteConfigEntry[] = [
  route('needs', 'routes/needs/board.tsx'),
  route('needs/priorities.xlsx', 'routes/needs/priorities.xlsx.ts'),
  route('needs/priorities.pdf', 'routes/needs/priorities.pdf.ts'),
];
