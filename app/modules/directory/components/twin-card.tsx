/**
 * One counterpart in the twins list: its name linked to its page, what it is and where, its score
 * as a bar and in words, and its reasons as sentences in the page's language.
 */
import { Link } from 'react-router';
import { useLocale, useT } from '#app/shared/i18n/react.tsx';
import { textIn } from '#app/shared/i18n/translatable.ts';
import { TranslatedText } from '#app/shared/ui/translated-text.tsx';
import type { ClusterSummary, OrganisationSummary } from '../directory.contracts.ts';
import { describeTwinReason, type TwinNames } from '../twins.reasons.ts';
import type { MatchStrength, TwinReason } from '../twins.ts';

/** The score as a bar (drawn in SVG: the page's CSP allows no inline styles) and in words. */
export function TwinScore({ score, strength }: { score: number; strength: MatchStrength }) {
  const t = useT();
  return (
    <p className={`twin-score twin-score--${strength}`}>
      <svg className="twin-score__bar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true" focusable="false">
        <rect className="twin-score__track" width="100" height="8" rx="4" />
        <rect className="twin-score__fill" width={score} height="8" rx="4" />
      </svg>
      <span className="twin-score__text">{t('directory.twins.score', { strength: t(`directory.twins.strength.${strength}`), score })}</span>
    </p>
  );
}

interface TwinCardProps {
  href: string;
  name: ClusterSummary['name'];
  sourceLocale: string;
  /** What it is: "Cluster · 12 members", "Enterprise · Small (under 50 staff)". */
  description: string;
  countryIso2: string;
  city: ClusterSummary['city'];
  score: number;
  strength: MatchStrength;
  reasons: TwinReason[];
  names: TwinNames;
  isDemo: boolean;
  womenLed?: boolean;
}

export function TwinCard(props: TwinCardProps) {
  const t = useT();
  const locale = useLocale();
  const country = textIn(props.names.countries[props.countryIso2], locale, null, props.countryIso2);
  const plainName = textIn(props.name, locale, props.sourceLocale);
  return (
    <li className="card twin-card">
      <h3 className="twin-card__name">
        <Link to={props.href}>
          <TranslatedText value={props.name} sourceLocale={props.sourceLocale} />
        </Link>
      </h3>
      <p className="twin-card__meta">
        {props.description}
        <br />
        {props.city && (
          <>
            <TranslatedText value={props.city} sourceLocale={props.sourceLocale} />
            {', '}
          </>
        )}
        <strong>{country}</strong>
      </p>
      <TwinScore score={props.score} strength={props.strength} />
      <ul className="twin-card__reasons" aria-label={t('directory.twins.reasons.label', { name: plainName })}>
        {props.reasons.map((reason) => (
          <li key={reason.code}>{describeTwinReason(reason, locale, props.names, t)}</li>
        ))}
      </ul>
      {(props.womenLed || props.isDemo) && (
        <p className="twin-card__badges">
          {props.womenLed && <span className="twin-badge">{t('directory.womenLed')}</span>}
          {props.isDemo && (
            <span className="twin-badge twin-badge--demo" title={t('directory.demo.explanation')}>
              {t('directory.demo.badge')}
            </span>
          )}
        </p>
      )}
    </li>
  );
}

export function ClusterTwinCard({
  twin,
  names,
}: {
  twin: { cluster: ClusterSummary; score: number; strength: MatchStrength; reasons: TwinReason[] };
  names: TwinNames;
}) {
  const t = useT();
  const locale = useLocale();
  const { cluster } = twin;
  const subsector = textIn(names.subsectors[cluster.subsectorCode], locale, null, cluster.subsectorCode);
  return (
    <TwinCard
      href={`/${locale}/clusters/${cluster.slug}`}
      name={cluster.name}
      sourceLocale={cluster.sourceLocale}
      description={`${t('directory.twins.source.cluster')} · ${subsector} · ${t('directory.twins.memberCount', { count: cluster.memberCount })}`}
      countryIso2={cluster.countryIso2}
      city={cluster.city}
      score={twin.score}
      strength={twin.strength}
      reasons={twin.reasons}
      names={names}
      isDemo={cluster.isDemo}
    />
  );
}

export function OrganisationTwinCard({
  twin,
  names,
}: {
  twin: { organisation: OrganisationSummary; score: number; strength: MatchStrength; reasons: TwinReason[] };
  names: TwinNames;
}) {
  const t = useT();
  const locale = useLocale();
  const { organisation } = twin;
  const description = [t(`directory.type.${organisation.type}`), organisation.sizeClass && t(`directory.size.${organisation.sizeClass}`)]
    .filter(Boolean)
    .join(' · ');
  return (
    <TwinCard
      href={`/${locale}/organisations/${organisation.slug}`}
      name={organisation.name}
      sourceLocale={organisation.sourceLocale}
      description={description}
      countryIso2={organisation.countryIso2}
      city={organisation.city}
      score={twin.score}
      strength={twin.strength}
      reasons={twin.reasons}
      names={names}
      isDemo={organisation.isDemo}
      womenLed={organisation.womenLed}
    />
  );
}
