/**
 * /{locale}/clusters/:slug/twins/export.csv|.xlsx and the same under organisations: the invitation
 * list of the page with the same filters, in the page's language. Never cached: what a signed-in
 * reader downloads may hold contact details.
 */
import { exportTwins, twinsFiltersFromSearchParams } from '#app/modules/directory/index.ts';
import { getConfig } from '#app/shared/config.server.ts';
import { requestContext } from '#app/shared/http/request-context.ts';
import { DEFAULT_LOCALE, isLocale } from '#app/shared/i18n/locales.ts';
import { asErrorResponse, type TwinsRouteArgs } from './twins.server.ts';

export async function loader({ params, request, context }: TwinsRouteArgs) {
  const url = new URL(request.url);
  const file = await exportTwins(context.get(requestContext).actor, {
    kind: /\/clusters\//.test(url.pathname) ? 'cluster' : 'organisation',
    slug: params.slug ?? '',
    filters: twinsFiltersFromSearchParams(url.searchParams),
    format: url.pathname.endsWith('.xlsx') ? 'xlsx' : 'csv',
    locale: isLocale(params.lang) ? params.lang : DEFAULT_LOCALE,
    publicUrl: getConfig().publicUrl,
  }).catch(asErrorResponse);
  return new Response(file.body, {
    headers: {
      'Content-Type': file.contentType,
      'Content-Disposition': `attachment; filename="${file.filename}"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
