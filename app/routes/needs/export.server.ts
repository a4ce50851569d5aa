/**
 * The board's downloads (priorities.xlsx, priorities.pdf): the scope from `?scope=` (default the
 * region) and the common challenges' thresholds (`minClusters`, `minCountries`), the language from the page, the figures the reader may see. A bad scope is a 400 page.
 * Never cached: a staff reader's file holds every count.
 */
import type { ExportedFile } from '#app/modules/needs/index.ts';
import type { Actor } from '#app/shared/auth/actor.ts';
import { isAppError } from '#app/shared/errors.ts';
import { requestContext } from '#app/shared/http/request-context.ts';
import type { Locale } from '#app/shared/i18n/locales.ts';
import { localeOf } from '../clusters/meta.ts';

interface ExportArgs {
  request: Request;
  params: { lang?: string };
  context: { get: (key: typeof requestContext) => { actor: Actor } };
}

export async function exportFile(
  { request, params, context }: ExportArgs,
  produce: (actor: Actor, query: { scope: string; locale: Locale; minClusters?: string; minCountries?: string }) => Promise<ExportedFile>,
  contentType: string,
): Promise<Response> {
  const search = new URL(request.url).searchParams;
  const query = {
    scope: search.get('scope') || 'region',
    locale: localeOf(params),
    minClusters: search.get('minClusters') || undefined,
    minCountries: search.get('minCountries') || undefined,
  };
  const file = await produce(context.get(requestContext).actor, query).catch((error: unknown) => {
    if (isAppError(error) && error.status === 400) throw new Response(null, { status: 400 });
    throw error;
  });
  return new Response(new Uint8Array(file.body), {
    headers: {
      'Content-Type': contentType,
      'Content-Disposition': `attachment; filename="${file.fileName}"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
