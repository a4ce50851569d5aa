/** What the directory's route modules share on the server. */
import type { RouterContextProvider } from 'react-router';
import { type ExportFormat, exportOrganisations, readOrganisationFilters } from '#app/modules/directory/index.ts';
import { getConfig } from '#app/shared/config.server.ts';
import { isAppError } from '#app/shared/errors.ts';
import { requestContext } from '#app/shared/http/request-context.ts';
import { DEFAULT_LOCALE, isLocale } from '#app/shared/i18n/locales.ts';

/** A refused or missing organisation becomes the matching error page (404 keeps unpublished ones unseen). */
export function asErrorResponse(error: unknown): never {
  if (isAppError(error) && error.status < 500) throw new Response(null, { status: error.status });
  throw error;
}

interface ExportArgs {
  params: { lang?: string };
  request: Request;
  context: Readonly<RouterContextProvider>;
}

/**
 * The download of a directory view: the same query string as the page, in the page's language.
 * Never cached: what a signed-in reader downloads may hold contact details.
 */
export function exportResponse({ params, request, context }: ExportArgs, format: ExportFormat): Response {
  const locale = isLocale(params.lang) ? params.lang : DEFAULT_LOCALE;
  const { filters } = readOrganisationFilters(new URL(request.url).searchParams);
  const file = exportOrganisations(context.get(requestContext).actor, filters, { locale, format, publicUrl: getConfig().publicUrl });
  return new Response(file.body, {
    headers: {
      'Content-Type': file.contentType,
      'Content-Disposition': `attachment; filename="${file.filename}"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
