/**
 * /{locale}/needs/evidence?scope=…&theme=…: the drill-down from a row of the priority-needs board,
 * for those holding `needs.read` over the scope (the service refuses anyone else, 403): the
 * endorsed diagnostic challenges recording the theme, linked to their diagnostic, and the survey
 * answers naming it (organisation, size, gender, cluster, date, severity given), 50 a page, each
 * linked to the response for the survey's managers, and the dots of closed workshop votings. Its two totals are the board's staff figures.
 */
import { isRouteErrorResponse, Link } from 'react-router';
import { listClusters, listCountries } from '#app/modules/directory/index.ts';
import { requireAccountPage } from '#app/modules/identity/index.ts';
import { getThemeEvidence } from '#app/modules/needs/index.ts';
import { requestContext } from '#app/shared/http/request-context.ts';
import { useFormatCount, useLocale, useT } from '#app/shared/i18n/react.tsx';
import { textIn } from '#app/shared/i18n/translatable.ts';
import { ErrorPage } from '#app/shared/ui/error-page.tsx';
import { ScrollTable } from '#app/shared/ui/scroll-table.tsx';
import { TranslatedText } from '#app/shared/ui/translated-text.tsx';
import { asErrorResponse } from '../clusters/cluster-page.server.ts';
import { localeOf, namedPageMeta, pageMessage } from '../clusters/meta.ts';
import type { Route } from './+types/evidence';
import '#app/styles/directory.css';
import '#app/styles/needs-board.css';

export const meta: Route.MetaFunction = ({ matches, loaderData, params }) => {
  const title = pageMessage(matches, 'needs.evidence.title');
  const theme = loaderData ? textIn(loaderData.evidence.themeName, localeOf(params), null, loaderData.evidence.theme) : '';
  return namedPageMeta(matches, theme ? `${title ?? ''}: ${theme}` : title);
};

export const headers: Route.HeadersFunction = () => ({ 'Cache-Control': 'no-store' });

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const locale = localeOf(params);
  const actor = requireAccountPage(context.get(requestContext).actor, locale, request);
  const query = new URL(request.url).searchParams;
  const page = Number.parseInt(query.get('page') ?? '1', 10);
  const [evidence, countries, clusters] = await Promise.all([
    getThemeEvidence(actor, {
      scope: query.get('scope') || 'region',
      theme: query.get('theme') ?? '',
      page: Number.isFinite(page) ? page : 1,
    }).catch(asErrorResponse),
    listCountries(),
    listClusters(actor),
  ]);
  const name = (text: Parameters<typeof textIn>[0], source?: string) => textIn(text, locale, source as never);
  return {
    evidence,
    countryNames: Object.fromEntries(countries.map((country) => [country.iso2, name(country.name)])),
    clusterNames: Object.fromEntries(clusters.items.map((cluster) => [cluster.slug, name(cluster.name, cluster.sourceLocale)])),
  };
}

const SEVERITY_KEYS = ['low', 'moderate', 'high', 'critical'] as const;

export default function EvidencePage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const format = useFormatCount();
  const { evidence, countryNames, clusterNames } = loaderData;
  const { answers } = evidence;
  const themeName = textIn(evidence.themeName, locale, null, evidence.theme);
  const scopeName =
    evidence.scope === 'region'
      ? t('needs.board.scope.region')
      : evidence.scope.startsWith('country:')
        ? (countryNames[evidence.scope.slice(8)] ?? evidence.scope.slice(8))
        : (clusterNames[evidence.scope.slice(8)] ?? evidence.scope.slice(8));
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const severity = (value: number | null) =>
    value === null ? t('needs.evidence.notGiven') : t(`needs.diagnostics.severity.${SEVERITY_KEYS[value - 1]}`);
  const clusterName = (slug: string | null) => (slug === null ? t('needs.evidence.noCluster') : (clusterNames[slug] ?? slug));
  const pages = Math.max(1, Math.ceil(answers.total / answers.pageSize));
  const pageHref = (page: number) =>
    `/${locale}/needs/evidence?${new URLSearchParams({ scope: evidence.scope, theme: evidence.theme, page: String(page) }).toString()}#needs-evidence-answers`;

  return (
    <article className="needs-board needs-evidence" aria-labelledby="needs-evidence-title">
      <p>
        <Link to={`/${locale}/needs?${new URLSearchParams({ scope: evidence.scope }).toString()}`}>{t('needs.evidence.back')}</Link>
      </p>
      <h1 id="needs-evidence-title">
        {t('needs.evidence.title')}: <bdi>{themeName}</bdi>
      </h1>
      <p>{t('needs.evidence.scope', { scope: scopeName })}</p>
      <p className="needs-board__facts">
        {t('needs.evidence.facts', { clusters: format(evidence.diagnosedClusters), respondents: format(answers.total) })}
      </p>
      <p className="needs-board__note">{t('needs.evidence.staffNote')}</p>

      <h2 id="needs-evidence-challenges">{t('needs.evidence.challenges.title')}</h2>
      {evidence.challenges.length === 0 ? (
        <p className="needs-board__empty">{t('needs.evidence.challenges.empty')}</p>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1)
        <section className="table-wrap needs-board__table" aria-labelledby="needs-evidence-challenges-caption" tabIndex={0}>
          <table>
            <caption id="needs-evidence-challenges-caption">
              {t('needs.evidence.challenges.caption', { theme: themeName, scope: scopeName })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('needs.evidence.column.cluster')}</th>
                <th scope="col">{t('needs.evidence.column.round')}</th>
                <th scope="col">{t('needs.evidence.column.severity')}</th>
                <th scope="col">{t('needs.evidence.column.description')}</th>
                <th scope="col">{t('needs.evidence.column.evidence')}</th>
              </tr>
            </thead>
            <tbody>
              {evidence.challenges.map((challenge) => (
                <tr key={challenge.id}>
                  <th scope="row">
                    <Link to={`/${locale}/clusters/${challenge.cluster}/diagnostic`}>
                      <bdi>{clusterName(challenge.cluster)}</bdi>
                    </Link>
                  </th>
                  <td>
                    {t('needs.evidence.round', {
                      round: challenge.round,
                      date: date.format(new Date(`${challenge.diagnosedOn}T00:00:00Z`)),
                    })}
                  </td>
                  <td>{severity(challenge.severity)}</td>
                  <td>
                    <TranslatedText value={challenge.description} sourceLocale={challenge.sourceLocale} />
                  </td>
                  <td>
                    {challenge.evidence ? <TranslatedText value={challenge.evidence} sourceLocale={challenge.sourceLocale} /> : null}
                    {challenge.evidenceUrl ? (
                      <>
                        {' '}
                        <a href={challenge.evidenceUrl} dir="ltr" rel="noreferrer">
                          {t('needs.evidence.source')}
                        </a>
                      </>
                    ) : null}
                    {!challenge.evidence && !challenge.evidenceUrl ? t('needs.evidence.notGiven') : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}

      <h2 id="needs-evidence-votes">{t('needs.workshops.evidence.title')}</h2>
      {evidence.votes.length === 0 ? (
        <p className="needs-board__empty">{t('needs.workshops.evidence.empty')}</p>
      ) : (
        <ScrollTable
          id="needs-evidence-votes-table"
          className="needs-board__table"
          caption={t('needs.workshops.evidence.caption', { theme: themeName, scope: scopeName })}
        >
          <thead>
            <tr>
              <th scope="col">{t('needs.workshops.evidence.column.workshop')}</th>
              <th scope="col">{t('needs.workshops.evidence.column.clusters')}</th>
              <th scope="col">{t('needs.workshops.evidence.column.country')}</th>
              <th scope="col">{t('needs.workshops.evidence.column.votes')}</th>
            </tr>
          </thead>
          <tbody>
            {evidence.votes.map((vote) => (
              <tr key={vote.id}>
                <th scope="row">
                  <bdi>{textIn(vote.event.title, locale, null, vote.event.slug)}</bdi>
                </th>
                <td>
                  {vote.clusters.length === 0
                    ? t('needs.workshops.evidence.noCluster')
                    : vote.clusters.map((slug, i) => (
                        <span key={slug}>
                          {i > 0 ? ', ' : null}
                          <bdi>{clusterName(slug)}</bdi>
                        </span>
                      ))}
                </td>
                <td>{countryNames[vote.country] ?? vote.country}</td>
                <td>{format(vote.votes)}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}

      <h2 id="needs-evidence-answers">{t('needs.evidence.answers.title')}</h2>
      {answers.total === 0 ? (
        <p className="needs-board__empty">{t('needs.evidence.answers.empty')}</p>
      ) : (
        <>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1) */}
          <section className="table-wrap needs-board__table" aria-labelledby="needs-evidence-answers-caption" tabIndex={0}>
            <table>
              <caption id="needs-evidence-answers-caption">
                {t('needs.evidence.answers.caption', { page: format(answers.page), pages: format(pages) })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('needs.evidence.column.date')}</th>
                  <th scope="col">{t('needs.evidence.column.organisation')}</th>
                  <th scope="col">{t('needs.evidence.column.size')}</th>
                  <th scope="col">{t('needs.evidence.column.gender')}</th>
                  <th scope="col">{t('needs.evidence.column.cluster')}</th>
                  <th scope="col">{t('needs.evidence.column.severity')}</th>
                  <th scope="col">{t('needs.evidence.column.response')}</th>
                </tr>
              </thead>
              <tbody>
                {answers.items.map((answer) => (
                  <tr key={answer.responseId}>
                    <td>{date.format(new Date(answer.submittedAt))}</td>
                    <th scope="row">
                      {answer.organisation ? (
                        <Link to={`/${locale}/organisations/${answer.organisation.slug}`}>
                          <TranslatedText value={answer.organisation.name} sourceLocale={answer.organisation.sourceLocale} />
                        </Link>
                      ) : (
                        t('needs.evidence.unknownOrganisation')
                      )}
                      {answer.demo ? <span className="badge badge--demo"> {t('needs.evidence.demo')}</span> : null}
                    </th>
                    <td>{t(`needs.evidence.size.${answer.size ?? 'unknown'}`)}</td>
                    <td>{t(`needs.evidence.gender.${answer.gender ?? 'unknown'}`)}</td>
                    <td>
                      <bdi>{clusterName(answer.cluster)}</bdi>
                    </td>
                    <td>{severity(answer.severity)}</td>
                    <td>
                      {answer.readable ? (
                        <Link to={`/${locale}/forms/manage/${answer.formCode}/responses/${answer.responseId}`}>
                          {t('needs.evidence.open')}
                        </Link>
                      ) : (
                        t('needs.evidence.notYours')
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          {pages > 1 ? (
            <nav aria-label={t('needs.evidence.pages')} className="needs-evidence__pages">
              {answers.page > 1 ? <Link to={pageHref(answers.page - 1)}>{t('needs.evidence.previous')}</Link> : null}{' '}
              {answers.page < pages ? <Link to={pageHref(answers.page + 1)}>{t('needs.evidence.next')}</Link> : null}
            </nav>
          ) : null}
        </>
      )}
    </article>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorPage status={isRouteErrorResponse(error) ? error.status : 500} />;
}
