/**
 * /{locale}/clusters/{slug}/diagnostic: the cluster's current diagnostic (its latest endorsed
 * round, or `?round=N` for an earlier one): who endorsed it and when, the challenges grouped by
 * theme with their severity, groups affected and gender dimension, the SWOT as four lists and the
 * baseline figures; then the history of rounds. Public; evidence shows to those holding
 * `needs.read` over the cluster, and its managers get a link to the editor.
 */
import { Link } from 'react-router';
import { getCluster } from '#app/modules/directory/index.ts';
import { SWOT_KINDS } from '#app/modules/needs/diagnostics/diagnostics.vocabulary.ts';
import { type Diagnostic, getClusterDiagnostics } from '#app/modules/needs/index.ts';
import { requestContext } from '#app/shared/http/request-context.ts';
import { useLocale, useT } from '#app/shared/i18n/react.tsx';
import { textIn } from '#app/shared/i18n/translatable.ts';
import { TranslatedText } from '#app/shared/ui/translated-text.tsx';
import { asErrorResponse } from '../clusters/cluster-page.server.ts';
import { localeOf, namedPageMeta, pageMessage } from '../clusters/meta.ts';
import type { Route } from './+types/view';
import { BaselineTable, ChallengesByTheme, formatDay, type ThemeNames } from './diagnostic-parts.tsx';
import '#app/styles/clusters.css';
import '#app/styles/needs-diagnostics.css';

export const meta: Route.MetaFunction = ({ loaderData, matches, params }) => {
  const title = pageMessage(matches, 'needs.diagnostics.title');
  const name = loaderData ? textIn(loaderData.cluster.name, localeOf(params), loaderData.cluster.sourceLocale) : '';
  return namedPageMeta(matches, name ? `${title ?? ''}: ${name}` : title, pageMessage(matches, 'needs.diagnostics.lead'));
};

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const actor = context.get(requestContext).actor;
  const roundParam = new URL(request.url).searchParams.get('round');
  const round = roundParam && /^\d{1,6}$/.test(roundParam) ? Number(roundParam) : undefined;
  const [cluster, diagnostics] = await Promise.all([
    getCluster(actor, params.slug).catch(asErrorResponse),
    getClusterDiagnostics(actor, params.slug, { round }).catch(asErrorResponse),
  ]);
  return {
    cluster: { slug: cluster.slug, name: cluster.name, sourceLocale: cluster.sourceLocale },
    rounds: diagnostics.rounds,
    current: diagnostics.current,
    draftRound: diagnostics.draft?.round ?? null,
    canManage: diagnostics.canManage,
    themes: diagnostics.themes,
  };
}

export default function DiagnosticPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { cluster, rounds, current, draftRound, canManage, themes } = loaderData;
  const base = `/${locale}/clusters/${cluster.slug}`;
  const latestEndorsed = rounds.find((round) => round.status === 'endorsed');

  return (
    <article className="diagnostic" aria-labelledby="diagnostic-title">
      <p className="cluster-card__meta">
        <Link to={base}>
          <TranslatedText value={cluster.name} sourceLocale={cluster.sourceLocale} />
        </Link>
      </p>
      <h1 id="diagnostic-title">{t('needs.diagnostics.title')}</h1>
      <p>{t('needs.diagnostics.lead')}</p>

      {canManage && (
        <nav aria-label={t('needs.diagnostics.manage.label')}>
          <ul className="cluster-actions">
            <li>
              <Link className="button" to={`${base}/diagnostic/edit`}>
                {t('needs.diagnostics.manage.edit')}
              </Link>
            </li>
          </ul>
        </nav>
      )}
      {draftRound !== null && <p className="diagnostic__notice">{t('needs.diagnostics.draftInProgress', { round: draftRound })}</p>}

      {current ? (
        <RoundView diagnostic={current} themes={themes} isLatest={current.id === latestEndorsed?.id} base={base} />
      ) : (
        <p className="diagnostic__empty">{t('needs.diagnostics.none')}</p>
      )}

      {rounds.length > 0 && (
        <section aria-labelledby="diagnostic-rounds">
          <h2 id="diagnostic-rounds">{t('needs.diagnostics.rounds.title')}</h2>
          <ol className="diagnostic__rounds" reversed>
            {rounds.map((round) => {
              const label = t('needs.diagnostics.rounds.item', { round: round.round, date: formatDay(round.diagnosedOn, locale) });
              return (
                <li key={round.id}>
                  {round.status === 'endorsed' && round.id !== current?.id ? (
                    <Link to={round.id === latestEndorsed?.id ? `${base}/diagnostic` : `${base}/diagnostic?round=${round.round}`}>
                      {label}
                    </Link>
                  ) : (
                    <span aria-current={round.id === current?.id ? 'page' : undefined}>{label}</span>
                  )}{' '}
                  <span className={`diagnostic__status diagnostic__status--${round.status}`}>
                    {t(`needs.diagnostics.status.${round.status}`)}
                  </span>
                </li>
              );
            })}
          </ol>
        </section>
      )}
    </article>
  );
}

function RoundView({
  diagnostic,
  themes,
  isLatest,
  base,
}: {
  diagnostic: Diagnostic;
  themes: ThemeNames;
  isLatest: boolean;
  base: string;
}) {
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <section aria-labelledby="diagnostic-round" className="diagnostic__round">
        <h2 id="diagnostic-round">
          {t('needs.diagnostics.roundInfo', { round: diagnostic.round, date: formatDay(diagnostic.diagnosedOn, locale) })}
        </h2>
        {!isLatest && (
          <p className="diagnostic__notice">
            {t('needs.diagnostics.olderRound')} <Link to={`${base}/diagnostic`}>{t('needs.diagnostics.seeCurrent')}</Link>
          </p>
        )}
        {diagnostic.isDemo && <p className="diagnostic__notice">{t('needs.diagnostics.demoNotice')}</p>}
        {diagnostic.endorsedBy && diagnostic.endorsedAt && (
          <p>
            {t('needs.diagnostics.endorsedBy', {
              name: <bdi key="name">{diagnostic.endorsedBy.name}</bdi>,
              role: <bdi key="role">{diagnostic.endorsedBy.role}</bdi>,
              date: formatDay(diagnostic.endorsedAt.slice(0, 10), locale),
            })}
          </p>
        )}
      </section>

      <section aria-labelledby="diagnostic-challenges">
        <h2 id="diagnostic-challenges">{t('needs.diagnostics.challenges.title')}</h2>
        <ChallengesByTheme
          challenges={diagnostic.challenges}
          themes={themes}
          idPrefix="theme"
          detail={(challenge) => (
            <>
              <dl className="diagnostic__facts">
                {challenge.affectedGroups.length > 0 && (
                  <>
                    <dt>{t('needs.diagnostics.field.affectedGroups')}</dt>
                    <dd>
                      {new Intl.ListFormat(locale, { type: 'conjunction' }).format(
                        challenge.affectedGroups.map((code) => t(`needs.diagnostics.group.${code}`)),
                      )}
                    </dd>
                  </>
                )}
                {challenge.genderDimension !== 'none' && (
                  <>
                    <dt>{t('needs.diagnostics.field.genderDimension')}</dt>
                    <dd>
                      {t(`needs.diagnostics.gender.${challenge.genderDimension}`)}
                      {challenge.genderNote && (
                        <>
                          {' '}
                          <TranslatedText value={challenge.genderNote} sourceLocale={challenge.sourceLocale} />
                        </>
                      )}
                    </dd>
                  </>
                )}
                {(challenge.evidence || challenge.evidenceUrl) && (
                  <>
                    <dt>{t('needs.diagnostics.field.evidence')}</dt>
                    <dd>
                      <TranslatedText value={challenge.evidence} sourceLocale={challenge.sourceLocale} />
                      {challenge.evidenceUrl && (
                        <>
                          {' '}
                          <a href={challenge.evidenceUrl} rel="noopener noreferrer nofollow">
                            {t('needs.diagnostics.evidence.source')}
                          </a>
                        </>
                      )}
                    </dd>
                  </>
                )}
              </dl>
            </>
          )}
        />
      </section>

      <section aria-labelledby="diagnostic-swot">
        <h2 id="diagnostic-swot">{t('needs.diagnostics.swot.title')}</h2>
        <div className="diagnostic__swot">
          {SWOT_KINDS.map((kind) => {
            const items = diagnostic.swot.filter((item) => item.kind === kind);
            return (
              <section key={kind} aria-labelledby={`swot-${kind}`} className={`diagnostic__swot-box diagnostic__swot-box--${kind}`}>
                <h3 id={`swot-${kind}`}>{t(`needs.diagnostics.swot.${kind}`)}</h3>
                {items.length > 0 ? (
                  <ul>
                    {items.map((item) => (
                      <li key={item.id}>
                        <TranslatedText value={item.text} sourceLocale={item.sourceLocale} />
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="diagnostic__empty">{t('needs.diagnostics.swot.empty')}</p>
                )}
              </section>
            );
          })}
        </div>
      </section>

      <section aria-labelledby="diagnostic-baseline">
        <h2 id="diagnostic-baseline">{t('needs.diagnostics.baseline.title')}</h2>
        {diagnostic.baseline.length > 0 ? (
          <BaselineTable figures={diagnostic.baseline} captionId="diagnostic-baseline" />
        ) : (
          <p className="diagnostic__empty">{t('needs.diagnostics.baseline.empty')}</p>
        )}
      </section>
    </>
  );
}
