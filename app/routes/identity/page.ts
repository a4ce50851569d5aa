/**
 * Account pages carry personal data, sometimes secrets (a TOTP secret, backup codes): never cached.
 * A refused attempt keeps its Retry-After (React Router drops action headers a route does not pass on).
 */
export function noStore({ actionHeaders }: { actionHeaders: Headers }): HeadersInit {
  const headers = new Headers({ 'Cache-Control': 'no-store' });
  const retryAfter = actionHeaders.get('Retry-After');
  if (retryAfter) headers.set('Retry-After', retryAfter);
  return headers;
}
