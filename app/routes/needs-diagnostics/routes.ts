import { type RouteConfigEntry, route } from '@react-router/dev/routes';

/** Paths are relative to the locale prefix (/:lang). A cluster's diagnostic (public) and its editor (managers and staff). */
export const needsDiagnosticsRoutes: RouteConfigEntry[] = [
  route('clusters/:slug/diagnostic', 'routes/needs-diagnostics/view.tsx'),
  route('clusters/:slug/diagnostic/edit', 'routes/needs-diagnostics/edit.tsx'),
];
