/**
 * /{locale}/organisations/:slug: an organisation's profile. The title and the sharing tags carry
 * its name and description in the page's language ("Batna Silver Workshop — Organisations · Mosaic").
 */
import { OrganisationProfileView } from '#app/modules/directory/components/organisation-profile.tsx';
import { getOrganisationPage } from '#app/modules/directory/index.ts';
import { requestContext } from '#app/shared/http/request-context.ts';
import { DEFAULT_LOCALE, isLocale } from '#app/shared/i18n/locales.ts';
import { textIn } from '#app/shared/i18n/translatable.ts';
import { pageTitle, rootMessages } from '#app/shared/ui/meta.ts';
import type { Route } from './+types/profile';
import { asErrorResponse } from './organisations.server.ts';

const DESCRIPTION_LENGTH = 200;

export async function loader({ params, context }: Route.LoaderArgs) {
  const { actor } = context.get(requestContext);
  const page = await getOrganisationPage(actor, params.slug).catch(asErrorResponse);
  return { ...page, signedIn: actor.kind === 'user' };
}

export const meta: Route.MetaFunction = ({ loaderData, matches, params }) => {
  const messages = rootMessages(matches);
  const tags = pageTitle(messages, 'directory.organisations.title', 'directory.organisations.lead');
  if (!loaderData) return tags;
  const locale = isLocale(params.lang) ? params.lang : DEFAULT_LOCALE;
  const { organisation } = loaderData;
  const name = textIn(organisation.name, locale, organisation.sourceLocale);
  const section = messages?.['directory.organisations.title'] ?? '';
  const brand = messages?.['shell.brand'] ?? 'Mosaic';
  const description = textIn(organisation.description, locale, organisation.sourceLocale);
  const summary =
    (description.length > DESCRIPTION_LENGTH ? `${description.slice(0, DESCRIPTION_LENGTH - 1).trimEnd()}…` : description) ||
    messages?.['directory.organisations.lead'];
  return [
    { title: `${name} — ${section} · ${brand}` },
    { property: 'og:title', content: name },
    { property: 'og:site_name', content: brand },
    { property: 'og:type', content: 'profile' },
    ...(summary
      ? [
          { name: 'description', content: summary },
          { property: 'og:description', content: summary },
        ]
      : []),
    ...(organisation.logoUrl ? [{ property: 'og:image', content: organisation.logoUrl }] : []),
  ];
};

export default function OrganisationProfilePage({ loaderData }: Route.ComponentProps) {
  return <OrganisationProfileView {...loaderData} />;
}
