import { type RouteConfigEntry, route } from '@react-router/dev/routes';

/** Paths are relative to the locale prefix (/:lang). */
export const identityRoutes: RouteConfigEntry[] = [
  route('account', 'routes/identity/profile.tsx'),
  route('account/sign-up', 'routes/identity/sign-up.tsx'),
  route('account/sign-in', 'routes/identity/sign-in.tsx'),
  route('account/sign-in/two-factor', 'routes/identity/sign-in-two-factor.tsx'),
  route('account/sign-out', 'routes/identity/sign-out.tsx'),
  route('account/verify-email', 'routes/identity/verify-email.tsx'),
  route('account/forgot-password', 'routes/identity/forgot-password.tsx'),
  route('account/reset-password', 'routes/identity/reset-password.tsx'),
  route('account/sessions', 'routes/identity/sessions.tsx'),
  route('account/two-factor', 'routes/identity/two-factor.tsx'),
];
