/** A cluster in a list: name, place, subsector, stage and demo badges, member count. */
import { Link } from 'react-router';
import { useLocale, useT } from '#app/shared/i18n/react.tsx';
import { type TranslatableValue, textIn } from '#app/shared/i18n/translatable.ts';
import { TranslatedText } from '#app/shared/ui/translated-text.tsx';
import type { ClusterSummary } from '../directory.contracts.ts';
import type { ClusterStage } from '../directory.vocabulary.ts';

export function ClusterBadges({ stage, isDemo }: { stage: ClusterStage; isDemo: boolean }) {
  const t = useT();
  return (
    <ul className="cluster-badges">
      <li className="cluster-badge cluster-badge--stage">{t('directory.clusters.stageBadge', { stage: t(`directory.stage.${stage}`) })}</li>
      {isDemo && (
        <li className="cluster-badge cluster-badge--demo" title={t('directory.demo.explanation')}>
          {t('directory.demo.badge')}
        </li>
      )}
    </ul>
  );
}

export interface ClusterLabels {
  countries: Record<string, TranslatableValue>;
  subsectors: Record<string, TranslatableValue>;
}

export function ClusterCard({ cluster, labels }: { cluster: ClusterSummary; labels: ClusterLabels }) {
  const t = useT();
  const locale = useLocale();
  return (
    <li className="card cluster-card">
      <h3>
        <Link to={`/${locale}/clusters/${cluster.slug}`}>
          <TranslatedText value={cluster.name} sourceLocale={cluster.sourceLocale} />
        </Link>
      </h3>
      <p className="cluster-card__meta">
        {cluster.city && (
          <>
            <TranslatedText value={cluster.city} sourceLocale={cluster.sourceLocale} />
            {', '}
          </>
        )}
        {textIn(labels.countries[cluster.countryIso2], locale, null, cluster.countryIso2)}
        {' · '}
        {textIn(labels.subsectors[cluster.subsectorCode], locale, null, cluster.subsectorCode)}
      </p>
      <ClusterBadges stage={cluster.stage} isDemo={cluster.isDemo} />
      <p>{t('directory.clusters.memberCount', { count: cluster.memberCount })}</p>
    </li>
  );
}
