/**
 * /{locale}/organisations: the directory (see OrganisationDirectory). Address parts that are not
 * valid (an old link, a typo) are ignored with a notice rather than refused, so the reader still
 * gets the rest of the view.
 */
import { OrganisationDirectory } from '#app/modules/directory/components/organisation-directory.tsx';
import { listOrganisations, presentOrganisationListForPage, readOrganisationFilters } from '#app/modules/directory/index.ts';
import { requestContext } from '#app/shared/http/request-context.ts';
import { DEFAULT_LOCALE, isLocale } from '#app/shared/i18n/locales.ts';
import { titled } from '#app/shared/ui/meta.ts';
import type { Route } from './+types/directory';

export const meta = titled('directory.organisations.title', 'directory.organisations.lead');

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const locale = isLocale(params.lang) ? params.lang : DEFAULT_LOCALE;
  const { filters, ignored } = readOrganisationFilters(new URL(request.url).searchParams);
  const list = await listOrganisations(context.get(requestContext).actor, filters, { locale, facets: true });
  return { list: presentOrganisationListForPage(list, locale), filters, ignored };
}

export default function OrganisationsDirectoryPage({ loaderData }: Route.ComponentProps) {
  return <OrganisationDirectory {...loaderData} />;
}
