/** The statistics pages' downloads: the actor and language from the page, refusals as error pages, never cached. */
import type { Actor } from '#app/shared/auth/actor.ts';
import { isAppError } from '#app/shared/errors.ts';
import { requestContext } from '#app/shared/http/request-context.ts';
import { DEFAULT_LOCALE, isLocale, type Locale } from '#app/shared/i18n/locales.ts';

export interface DownloadArgs {
  request: Request;
  params: { lang?: string; slug?: string };
  context: { get: (key: typeof requestContext) => { actor: Actor } };
}

export function localeOf(params: { lang?: string }): Locale {
  return isLocale(params.lang) ? params.lang : DEFAULT_LOCALE;
}

/** A refused call (not signed in, forbidden, not found, bad input) becomes the error page with its status. */
export function asErrorResponse(error: unknown): never {
  if (isAppError(error) && error.status < 500) throw new Response(null, { status: error.status });
  throw error;
}

export async function download(
  { request, params, context }: DownloadArgs,
  produce: (actor: Actor, slug: string, locale: Locale, search: URLSearchParams) => Promise<{ fileName: string; body: Uint8Array }>,
  contentType: string,
): Promise<Response> {
  const search = new URL(request.url).searchParams;
  const file = await produce(context.get(requestContext).actor, params.slug ?? '', localeOf(params), search).catch(asErrorResponse);
  return new Response(new Uint8Array(file.body), {
    headers: {
      'Content-Type': contentType,
      'Content-Disposition': `attachment; filename="${file.fileName}"`,
      'Cache-Control': 'private, no-store',
    },
  });
}

/** `?list=logistics`, else the list for sharing. */
export function listOf(search: URLSearchParams): 'sharing' | 'logistics' {
  return search.get('list') === 'logistics' ? 'logistics' : 'sharing';
}
