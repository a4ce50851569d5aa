/**
 * /{locale}/needs: the priority-needs board. The region's, a country's or a cluster's priority
 * needs (`?scope=region|country:TN|cluster:<slug>`, a plain GET form, so every view has its own
 * address and works without JavaScript): themes ranked by the formula of decision 0012, as a
 * server-rendered bar chart and a table with where each theme appears and how many respondents
 * named it. Counts of people are the public synthesis's (groups under the minimum hidden), except
 * for national focal points, cluster managers and staff reading their own scope, who see them all.
 */
import { isRouteErrorResponse, Link } from 'react-router';
import { listClusters, listCountries } from '#app/modules/directory/index.ts';
import {
  ANY_FORMAT,
  canManageChallengeThemes,
  getPriorities,
  getSynthesisTables,
  listChallengeThemes,
  NO_FORMAT,
  TRAINING_FORMATS,
  TRAINING_TOPICS,
} from '#app/modules/needs/index.ts';
import { PriorityBarChart } from '#app/modules/needs/synthesis/charts/charts.tsx';
import { isAppError } from '#app/shared/errors.ts';
import { requestContext } from '#app/shared/http/request-context.ts';
import { useFormatCount, useLocale, useT } from '#app/shared/i18n/react.tsx';
import { textIn } from '#app/shared/i18n/translatable.ts';
import { ErrorPage } from '#app/shared/ui/error-page.tsx';
import { ScrollTable } from '#app/shared/ui/scroll-table.tsx';
import { localeOf, namedPageMeta, pageMessage } from '../clusters/meta.ts';
import type { Route } from './+types/board';
import { BoardTables } from './board-tables.tsx';
import { BoardDownloads } from './downloads.tsx';
import '#app/styles/needs-board.css';

export const meta: Route.MetaFunction = ({ matches }) =>
  namedPageMeta(matches, pageMessage(matches, 'needs.board.title'), pageMessage(matches, 'needs.board.lead'));

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = context.get(requestContext).actor;
  const locale = localeOf(params);
  const search = new URL(request.url).searchParams;
  const scope = search.get('scope') || 'region';
  const thresholds = { minClusters: search.get('minClusters') || undefined, minCountries: search.get('minCountries') || undefined };
  const refuseBadQuery = (error: unknown): never => {
    if (isAppError(error) && error.status === 400) throw new Response(null, { status: 400 });
    throw error;
  };
  const [priorities, tables, themes, countries, clusters] = await Promise.all([
    getPriorities(actor, { scope }).catch(refuseBadQuery),
    getSynthesisTables(actor, { scope, ...thresholds }).catch(refuseBadQuery),
    listChallengeThemes(actor),
    listCountries(),
    listClusters(actor),
  ]);
  const name = (text: Parameters<typeof textIn>[0], source?: string) => textIn(text, locale, source as never);
  return {
    priorities,
    tables,
    topicNames: Object.fromEntries(TRAINING_TOPICS.map((topic) => [topic.code, name(topic.label)])),
    formatNames: Object.fromEntries(TRAINING_FORMATS.map((f) => [f.code === ANY_FORMAT ? NO_FORMAT : f.code, name(f.label)])),
    canManageThemes: canManageChallengeThemes(actor),
    themeNames: Object.fromEntries(themes.map((theme) => [theme.code, name(theme.name)])),
    countries: countries.map((country) => ({ code: country.iso2, name: name(country.name) })),
    clusters: clusters.items.map((cluster) => ({ slug: cluster.slug, name: name(cluster.name, cluster.sourceLocale) })),
  };
}

export default function NeedsBoard({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const format = useFormatCount();
  const { priorities, tables, themeNames, topicNames, formatNames, countries, clusters, canManageThemes } = loaderData;
  const countryName = new Map(countries.map((c) => [c.code, c.name]));
  const clusterName = new Map(clusters.map((c) => [c.slug, c.name]));
  const scopeName =
    priorities.scope === 'region'
      ? t('needs.board.scope.region')
      : priorities.scope.startsWith('country:')
        ? (countryName.get(priorities.scope.slice(8)) ?? priorities.scope.slice(8))
        : (clusterName.get(priorities.scope.slice(8)) ?? priorities.scope.slice(8));
  const count = (value: { value: number | null }) => (value.value === null ? t('needs.synthesis.suppressed') : format(value.value));

  return (
    <article className="needs-board" aria-labelledby="needs-board-title">
      <h1 id="needs-board-title">{t('needs.board.title')}</h1>
      <p>{t('needs.board.lead')}</p>

      <form method="get" className="needs-board__scope">
        <label htmlFor="needs-scope">{t('needs.board.scope.label')}</label>
        <select id="needs-scope" name="scope" defaultValue={priorities.scope}>
          <option value="region">{t('needs.board.scope.region')}</option>
          <optgroup label={t('needs.board.scope.countries')}>
            {countries.map((country) => (
              <option key={country.code} value={`country:${country.code}`}>
                {country.name}
              </option>
            ))}
          </optgroup>
          <optgroup label={t('needs.board.scope.clusters')}>
            {clusters.map((cluster) => (
              <option key={cluster.slug} value={`cluster:${cluster.slug}`}>
                {cluster.name}
              </option>
            ))}
          </optgroup>
        </select>
        <button type="submit" className="button">
          {t('needs.board.scope.show')}
        </button>
      </form>

      <h2>{t('needs.board.heading', { scope: scopeName })}</h2>
      <p className="needs-board__facts">
        {t('needs.board.facts', {
          respondents: count(priorities.respondents),
          clusters: format(priorities.diagnosedClusters),
        })}
        {!priorities.surveyUsed && priorities.respondents.value === 0
          ? ` ${t('needs.board.noSurvey', { min: priorities.minGroupSize })}`
          : ''}
      </p>

      {priorities.priorities.length === 0 ? (
        <p className="needs-board__empty">{t('needs.board.empty')}</p>
      ) : (
        <>
          <PriorityBarChart
            caption={t('needs.board.chart', { scope: scopeName })}
            items={priorities.priorities.map((p) => ({
              theme: p.theme,
              label: themeNames[p.theme] ?? p.theme,
              rank: p.rank,
              score: p.score,
            }))}
          />
          <ScrollTable id="needs-board-table" caption={t('needs.board.table', { scope: scopeName })} className="needs-board__table">
            <thead>
              <tr>
                <th scope="col">{t('needs.synthesis.column.rank')}</th>
                <th scope="col">{t('needs.synthesis.column.theme')}</th>
                <th scope="col">{t('needs.synthesis.column.score')}</th>
                <th scope="col">{t('needs.board.column.respondents')}</th>
                <th scope="col">{t('needs.board.column.diagnosed')}</th>
                <th scope="col">{t('needs.workshops.column.boardVotes')}</th>
                <th scope="col">{t('needs.board.column.where')}</th>
              </tr>
            </thead>
            <tbody>
              {priorities.priorities.map((p) => (
                <tr key={p.theme}>
                  <td>{format(p.rank)}</td>
                  <th scope="row">
                    {priorities.audience === 'staff' ? (
                      <Link to={`/${locale}/needs/evidence?${new URLSearchParams({ scope: priorities.scope, theme: p.theme }).toString()}`}>
                        {themeNames[p.theme] ?? p.theme}
                      </Link>
                    ) : (
                      (themeNames[p.theme] ?? p.theme)
                    )}
                  </th>
                  <td>{p.score.toLocaleString(locale)}</td>
                  <td>{count(p.respondents)}</td>
                  <td>{format(p.diagnosedClusters)}</td>
                  <td>{format(p.votes)}</td>
                  <td>
                    {p.clusters.map((slug) => clusterName.get(slug) ?? slug).join(t('needs.board.separator'))}
                    {priorities.scope === 'region' && p.countries.length > 0
                      ? ` (${p.countries.map((code) => countryName.get(code) ?? code).join(t('needs.board.separator'))})`
                      : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
        </>
      )}
      <p className="needs-board__note">
        {priorities.audience === 'staff'
          ? t('needs.board.staffNote', { time: new Date(priorities.computedAt).toLocaleString(locale) })
          : t('needs.board.note', { min: priorities.minGroupSize, time: new Date(priorities.computedAt).toLocaleString(locale) })}
      </p>
      <BoardTables
        tables={tables}
        scopeName={scopeName}
        names={{
          theme: (code) => themeNames[code] ?? code,
          cluster: (slug) => clusterName.get(slug) ?? slug,
          country: (code) => countryName.get(code) ?? code,
          topic: (code) => topicNames[code] ?? code,
          format: (code) => formatNames[code] ?? code,
        }}
      />
      <BoardDownloads
        scope={priorities.scope}
        minClusters={tables.commonChallenges.minClusters}
        minCountries={tables.commonChallenges.minCountries}
      />
      {priorities.audience === 'staff' && priorities.priorities.length > 0 ? <p>{t('needs.evidence.boardHint')}</p> : null}
      <p>
        <Link to={`/${locale}/needs/workshops`}>{t('needs.workshops.boardLink')}</Link>
      </p>
      {canManageThemes ? (
        <p>
          <Link to={`/${locale}/needs/themes`}>{t('needs.themes.manageLink')}</Link>
        </p>
      ) : null}
    </article>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorPage status={isRouteErrorResponse(error) ? error.status : 500} />;
}
