/** Page-level exports every account page shares: its title, and no caching of personal pages. */
import { pageTitle } from '#app/shared/ui/meta.ts';

type Matches = ReadonlyArray<{ id: string; loaderData?: unknown } | undefined>;

export function titled(titleKey: string, descriptionKey?: string) {
  return ({ matches }: { matches: Matches }) => {
    const root = matches.find((m) => m?.id === 'root')?.loaderData as { messages?: Record<string, string> } | undefined;
    return pageTitle(root?.messages, titleKey, descriptionKey);
  };
}

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
