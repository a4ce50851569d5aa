/**
 * /{locale}/needs/workshops: the regional synthesis of workshops, linked from the needs board.
 * Which challenge themes recur across workshops: a theme × workshop table of the dots given at
 * closed votings, with the number of workshops and countries where each theme was raised, most
 * recurrent first. Public figures hide the dots of fewer than five voters; those holding
 * `needs.read` over the region see every figure.
 */
import { isRouteErrorResponse, Link } from 'react-router';
import { listCountries } from '#app/modules/directory/index.ts';
import { compareWorkshopOutputs } from '#app/modules/needs/index.ts';
import { requestContext } from '#app/shared/http/request-context.ts';
import { isLocale, type Locale } from '#app/shared/i18n/locales.ts';
import { useFormatCount, useLocale, useT } from '#app/shared/i18n/react.tsx';
import { textIn } from '#app/shared/i18n/translatable.ts';
import { ErrorPage } from '#app/shared/ui/error-page.tsx';
import { ScrollTable } from '#app/shared/ui/scroll-table.tsx';
import { namedPageMeta, pageMessage } from '../clusters/meta.ts';
import type { Route } from './+types/workshops';
import '#app/styles/events-outputs.css';

export const meta: Route.MetaFunction = ({ matches }) =>
  namedPageMeta(matches, pageMessage(matches, 'needs.workshops.title'), pageMessage(matches, 'needs.workshops.lead'));

export const headers: Route.HeadersFunction = () => ({ 'Cache-Control': 'no-store' });

function localeOf(params: { lang?: string }): Locale {
  return isLocale(params.lang) ? params.lang : 'en';
}

export async function loader({ params, context }: Route.LoaderArgs) {
  const locale = localeOf(params);
  const [comparison, countries] = await Promise.all([compareWorkshopOutputs(context.get(requestContext).actor), listCountries()]);
  return {
    comparison,
    countryNames: Object.fromEntries(countries.map((country) => [country.iso2, textIn(country.name, locale, null, country.iso2)])),
  };
}

export default function WorkshopsComparisonPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const format = useFormatCount();
  const { comparison, countryNames } = loaderData;
  const listFormat = new Intl.ListFormat(locale, { type: 'conjunction' });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  return (
    <article className="workshops-compare" aria-labelledby="workshops-title">
      <p>
        <Link to={`/${locale}/needs`}>{t('needs.workshops.back')}</Link>
      </p>
      <h1 id="workshops-title">{t('needs.workshops.title')}</h1>
      <p>{t('needs.workshops.lead')}</p>
      <p className="field__hint">
        {comparison.audience === 'staff'
          ? t('needs.workshops.staffNote')
          : t('needs.workshops.publicNote', { min: comparison.minGroupSize })}
      </p>
      {comparison.rows.length === 0 ? (
        <p>{t('needs.workshops.empty')}</p>
      ) : (
        <ScrollTable id="workshops-matrix" caption={t('needs.workshops.caption')} className="workshops-compare__table">
          <thead>
            <tr>
              <th scope="col">{t('needs.workshops.column.theme')}</th>
              <th scope="col">{t('needs.workshops.column.workshops')}</th>
              <th scope="col">{t('needs.workshops.column.countries')}</th>
              <th scope="col">{t('needs.workshops.column.dots')}</th>
              {comparison.workshops.map((workshop) => (
                <th scope="col" key={workshop.slug}>
                  <bdi>{textIn(workshop.title, locale)}</bdi>
                  <span className="workshops-compare__date">{date.format(new Date(workshop.startsAt))}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {comparison.rows.map((row) => (
              <tr key={row.theme}>
                <th scope="row">{textIn(row.themeName, locale, null, row.theme)}</th>
                <td>{format(row.workshops)}</td>
                <td>{listFormat.format(row.countries.map((c) => countryNames[c] ?? c))}</td>
                <td>{row.dots === null ? t('needs.workshops.hidden') : format(row.dots)}</td>
                {row.cells.map((cell) => (
                  <td key={cell.workshop}>
                    {!cell.captured
                      ? t('needs.workshops.notRaised')
                      : cell.hidden
                        ? t('needs.workshops.hidden')
                        : cell.dots === null
                          ? t('needs.workshops.raised')
                          : format(cell.dots)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
      <p className="field__hint">{t('needs.workshops.legend')}</p>
    </article>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorPage status={isRouteErrorResponse(error) ? error.status : 500} />;
}
