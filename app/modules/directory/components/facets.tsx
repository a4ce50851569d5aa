/**
 * The directory's facet panel and its active filters, as plain links: ticking or unticking a
 * value is following a link to the URL of that view, so it works without JavaScript, can be
 * bookmarked and shared, and the browser's back button undoes it. Facet links carry
 * `rel="nofollow"` so crawlers do not walk every combination.
 */
import { useFormatCount, useLocale, useT } from '#app/shared/i18n/react.tsx';
import { textIn } from '#app/shared/i18n/translatable.ts';
import {
  FACET_KEYS,
  type FacetKey,
  type FacetValue,
  filtersQuery,
  hasActiveFilters,
  LIST_FACET_KEYS,
  NO_FILTERS,
  type OrganisationFacets,
  type OrganisationFilters,
  toggleFacetValue,
  withWomenLed,
} from '../organisation-filters.ts';

/** The reader's name for a facet value: reference names from the data, closed vocabularies from the catalogs. */
export function useFacetValueLabel(): (facet: FacetKey, value: Pick<FacetValue, 'value' | 'label'>) => string {
  const t = useT();
  const locale = useLocale();
  return (facet, { value, label }) => {
    if (facet === 'type') return t(`directory.type.${value}`);
    if (facet === 'size') return t(`directory.size.${value}`);
    if (facet === 'womenLed') return t(`directory.organisations.facet.womenLed.${value}`);
    return textIn(label, locale, null, value);
  };
}

function toggled(filters: OrganisationFilters, facet: FacetKey, value: string): OrganisationFilters {
  if (facet === 'womenLed') {
    const flag = value === 'true';
    return withWomenLed(filters, filters.womenLed === flag ? undefined : flag);
  }
  return toggleFacetValue(filters, facet, value);
}

function FacetGroup({
  facet,
  values,
  filters,
  basePath,
}: {
  facet: FacetKey;
  values: FacetValue[];
  filters: OrganisationFilters;
  basePath: string;
}) {
  const t = useT();
  const formatCount = useFormatCount();
  const labelOf = useFacetValueLabel();
  if (values.length === 0) return null;
  const headingId = `facet-${facet}`;
  return (
    <section className="facet" aria-labelledby={headingId}>
      <h3 id={headingId}>{t(`directory.organisations.facet.${facet}`)}</h3>
      <ul className="facet__values">
        {values.map((value) => (
          <li key={value.value}>
            <a
              href={`${basePath}${filtersQuery(toggled(filters, facet, value.value))}`}
              rel="nofollow"
              className={value.selected ? 'facet__link facet__link--selected' : 'facet__link'}
              data-keep-scroll
            >
              <span className="facet__box" aria-hidden="true" />
              <span className="facet__label" dir="auto">
                {labelOf(facet, value)}
              </span>
              {value.selected && <span className="visually-hidden"> {t('directory.organisations.facet.selected')}</span>}
              <span className="facet__count">{formatCount(value.count)}</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The facets in a disclosure: folded on a phone (the results come first), always open on wider
 * screens (see directory.css). Open by default when filters are active, so the reader sees them.
 */
export function FacetPanel({ facets, filters, basePath }: { facets: OrganisationFacets; filters: OrganisationFilters; basePath: string }) {
  const t = useT();
  return (
    <details className="facets" open={hasActiveFilters(filters) || undefined}>
      <summary className="facets__summary">{t('directory.organisations.filters.show')}</summary>
      <section className="facets__panel" aria-labelledby="facets-title">
        <h2 id="facets-title" className="facets__title">
          {t('directory.organisations.filters.title')}
        </h2>
        {FACET_KEYS.map((facet) => (
          <FacetGroup key={facet} facet={facet} values={facets[facet]} filters={filters} basePath={basePath} />
        ))}
      </section>
    </details>
  );
}

interface Chip {
  key: string;
  text: string;
  without: OrganisationFilters;
}

/** Each active filter as a chip whose link removes it, and a link clearing them all. */
export function ActiveFilters({
  facets,
  filters,
  basePath,
}: {
  facets: OrganisationFacets;
  filters: OrganisationFilters;
  basePath: string;
}) {
  const t = useT();
  const labelOf = useFacetValueLabel();
  if (!hasActiveFilters(filters)) return null;
  const chips: Chip[] = [];
  if (filters.q)
    chips.push({
      key: 'q',
      text: t('directory.organisations.active.search', { text: filters.q }),
      without: { ...filters, q: undefined, page: 1 },
    });
  for (const facet of LIST_FACET_KEYS) {
    for (const value of filters[facet]) {
      const known = facets[facet].find((one) => one.value === value) ?? { value, label: null };
      chips.push({ key: `${facet}=${value}`, text: labelOf(facet, known), without: toggleFacetValue(filters, facet, value) });
    }
  }
  if (filters.womenLed !== undefined) {
    chips.push({
      key: 'womenLed',
      text: labelOf('womenLed', { value: String(filters.womenLed), label: null }),
      without: withWomenLed(filters, undefined),
    });
  }
  return (
    <section className="active-filters" aria-labelledby="active-filters-title">
      <h2 id="active-filters-title" className="visually-hidden">
        {t('directory.organisations.active.title')}
      </h2>
      <ul className="active-filters__list">
        {chips.map((chip) => (
          <li key={chip.key}>
            <a
              className="chip"
              href={`${basePath}${filtersQuery(chip.without)}`}
              rel="nofollow"
              aria-label={t('directory.organisations.active.remove', { filter: chip.text })}
            >
              <bdi>{chip.text}</bdi>
              <span aria-hidden="true" className="chip__remove">
                ×
              </span>
            </a>
          </li>
        ))}
      </ul>
      <a href={`${basePath}${filtersQuery({ ...NO_FILTERS, sort: filters.sort })}`}>{t('directory.organisations.active.clear')}</a>
    </section>
  );
}
