/** An organisation in a list: name (with its fallback note), type, size, place, subsectors and badges. */
import { useLocale, useT } from '#app/shared/i18n/react.tsx';
import { textIn } from '#app/shared/i18n/translatable.ts';
import { TranslatedText } from '#app/shared/ui/translated-text.tsx';
import type { OrganisationSummary } from '../directory.contracts.ts';
import type { DirectoryLabels } from '../organisation-filters.ts';

export function DemoBadge() {
  const t = useT();
  return (
    <span className="badge badge--demo" title={t('directory.demo.explanation')}>
      {t('directory.demo.badge')}
    </span>
  );
}

export function OrganisationCard({ organisation, labels }: { organisation: OrganisationSummary; labels: DirectoryLabels }) {
  const t = useT();
  const locale = useLocale();
  const country = textIn(labels.countries[organisation.countryIso2], locale, null, organisation.countryIso2);
  const subsectors = organisation.subsectorCodes.map((code) => textIn(labels.subsectors[code], locale, null, code));
  return (
    <li className="card org-card">
      {organisation.logoUrl && <img className="org-card__logo" src={organisation.logoUrl} alt="" width={48} height={48} loading="lazy" />}
      <h3 className="org-card__name">
        <a href={`/${locale}/organisations/${organisation.slug}`}>
          <TranslatedText value={organisation.name} sourceLocale={organisation.sourceLocale} />
        </a>
      </h3>
      <p className="org-card__meta">
        {t(`directory.type.${organisation.type}`)}
        {organisation.sizeClass && <> · {t(`directory.size.${organisation.sizeClass}`)}</>}
      </p>
      <p className="org-card__place">
        {organisation.city && (
          <>
            <TranslatedText value={organisation.city} sourceLocale={organisation.sourceLocale} />
            {', '}
          </>
        )}
        {country}
      </p>
      {subsectors.length > 0 && <p className="org-card__subsectors">{subsectors.join(' · ')}</p>}
      {(organisation.womenLed || organisation.isDemo) && (
        <p className="org-card__badges">
          {organisation.womenLed && <span className="badge badge--women-led">{t('directory.womenLed')}</span>}
          {organisation.isDemo && <DemoBadge />}
        </p>
      )}
    </li>
  );
}
