import { type RouteConfigEntry, route } from '@react-router/dev/routes';

/** Paths are relative to the locale prefix (/:lang). The priority-needs board, its drill-down to the evidence, the challenge themes. */
export const needsRoutes: RouteConfigEntry[] = [
  route('needs', 'routes/needs/board.tsx'),
  route('needs/themes', 'routes/needs/themes.tsx'),
  route('needs/evidence', 'routes/needs/evidence.tsx'),
  route('needs/priorities.xlsx', 'routes/needs/priorities.xlsx.ts'),
  route('needs/priorities.pdf', 'routes/needs/priorities.pdf.ts'),
];
